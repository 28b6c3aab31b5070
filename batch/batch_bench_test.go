package batch_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/ddat-tools/ddat/batch"
)

// BenchmarkBatchEngine measures what the engine adds to the exporters: 601
// documents of 50 kB made by a writer that costs next to nothing, staged,
// hashed, listed and published over the previous run's directory.
func BenchmarkBatchEngine(b *testing.B) {
	jobs := []batch.Job{}
	for i := range 601 {
		p := fmt.Sprintf("family-%d/role-%d/%d-level.pdf", i%5, i%100, i)
		jobs = append(jobs, batch.Job{Path: p, Kind: batch.KindProfile, Write: fakeContent(p, 50_000)})
	}
	out := filepath.Join(b.TempDir(), "out")
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("j%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := batch.Dir(context.Background(), out, jobs, batchOpts(workers)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
