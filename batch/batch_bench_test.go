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
// hashed, listed and published over the previous run's directory. With
// "same" every document is the one the previous run published (a rerun:
// linked, not written); with "changed" every document differs from it, so
// every one is written.
func BenchmarkBatchEngine(b *testing.B) {
	for _, workers := range []int{1, 2} {
		for _, changed := range []bool{false, true} {
			name := fmt.Sprintf("j%d/same", workers)
			if changed {
				name = fmt.Sprintf("j%d/changed", workers)
			}
			b.Run(name, func(b *testing.B) {
				out := filepath.Join(b.TempDir(), "out")
				run := 0
				b.ReportAllocs()
				for b.Loop() {
					if changed {
						run++
					}
					jobs := []batch.Job{}
					for i := range 601 {
						p := fmt.Sprintf("family-%d/role-%d/%d-level.pdf", i%5, i%100, i)
						jobs = append(jobs, batch.Job{Path: p, Kind: batch.KindProfile, Write: fakeContent(fmt.Sprint(p, run), 50_000)})
					}
					if _, err := batch.Dir(context.Background(), out, jobs, batchOpts(workers)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
