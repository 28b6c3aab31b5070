package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/batch"
	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// benchSize is the synthetic framework of the batch benchmarks: 100 roles
// in 5 families, 500 role levels, 300 skills; 601 documents.
var benchSize = synth.Size{Families: 5, Roles: 100, LevelsPerRole: 5, Skills: 300}

// benchmarkBatch makes every document of the benchmark framework with the
// given number of workers, as "ddat batch -o out -j N" does after loading
// (with its garbage collector setting), replacing the previous iteration's
// directory.
func benchmarkBatch(b *testing.B, workers int) {
	fw := synth.Framework(benchSize)
	refs, err := fw.Select(model.Selection{})
	if err != nil {
		b.Fatal(err)
	}
	created := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	all, _ := onlyKinds(nil)
	out := filepath.Join(b.TempDir(), "out")
	opts := batch.Options{Workers: workers, Framework: fw.Meta.Name, Version: "bench", Created: created}
	defer tuneGC()()
	b.ReportAllocs()
	var m *batch.Manifest
	for b.Loop() {
		// Fonts are parsed once per batch, as the command does.
		jobs, err := batch.Jobs(fw, refs, all, profile.Options{Paper: "a4", Creator: "ddat bench", Created: created}, matrix.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if m, err = batch.Dir(context.Background(), out, jobs, opts); err != nil {
			b.Fatal(err)
		}
	}
	pages := 0
	for _, f := range m.Files {
		pages += f.Pages
	}
	b.ReportMetric(float64(len(m.Files)), "docs")
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(m.Bytes())/1e6, "MB")
}

// BenchmarkBatchJ1 is the whole batch with one worker.
func BenchmarkBatchJ1(b *testing.B) { benchmarkBatch(b, 1) }

// BenchmarkBatchJ2 is the whole batch with two workers.
func BenchmarkBatchJ2(b *testing.B) { benchmarkBatch(b, 2) }

// BenchmarkBatchPublished is what a user of the published framework runs:
// "ddat --data framework.csv batch --only profiles,matrix -j 2 -o out" on a
// synthetic framework of its size (synth.Published) written as a flat CSV,
// from loading and validating the file to the published directory: "new"
// into a new directory each time, "rerun" over the previous iteration's
// (whose documents come out the same, so are kept, not written). Measure
// its memory as a user meets it with /usr/bin/time -f %M on the built
// binary.
func BenchmarkBatchPublished(b *testing.B) {
	var buf bytes.Buffer
	if err := formats.Write(&buf, synth.Framework(synth.Published), formats.FormatCSV); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	data := filepath.Join(dir, "framework.csv")
	if err := os.WriteFile(data, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	for _, rerun := range []bool{false, true} {
		name := map[bool]string{false: "new", true: "rerun"}[rerun]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				out := filepath.Join(dir, "out")
				if !rerun {
					n++
					out = filepath.Join(dir, fmt.Sprintf("new-%d", n))
				}
				args := []string{"ddat", "--data", data, "batch", "--only", "profiles,matrix", "-j", "2", "-q", "-o", out}
				var stderr bytes.Buffer
				if code := run(args, io.Discard, &stderr); code != exitOK {
					b.Fatalf("ddat batch: exit %d: %s", code, stderr.String())
				}
			}
		})
	}
}
