package matrix_test

import (
	"io"
	"testing"

	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/matrix"
)

// BenchmarkMatrixLarge builds the workbook of a synthetic framework of 1,000
// role levels (200 roles of 5 levels) and 500 skills, with a sheet per role.
func BenchmarkMatrixLarge(b *testing.B) {
	fw := synth.Framework(synth.Size{Families: 10, Roles: 200, LevelsPerRole: 5, Skills: 500})
	opts := matrix.Options{PerRole: true, Creator: "ddat bench", Created: fixedDate}
	b.ReportAllocs()
	for b.Loop() {
		if err := matrix.Write(io.Discard, fw, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatrixLargeNoRoleSheets is BenchmarkMatrixLarge without the 200
// role sheets: what "ddat matrix" makes by default.
func BenchmarkMatrixLargeNoRoleSheets(b *testing.B) {
	fw := synth.Framework(synth.Size{Families: 10, Roles: 200, LevelsPerRole: 5, Skills: 500})
	opts := matrix.Options{Creator: "ddat bench", Created: fixedDate}
	b.ReportAllocs()
	for b.Loop() {
		if err := matrix.Write(io.Discard, fw, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatrixPublished builds the workbook of a synthetic framework the
// size of the published one (synth.Published), as ddat batch makes it.
func BenchmarkMatrixPublished(b *testing.B) {
	fw := synth.Framework(synth.Published)
	opts := matrix.Options{Creator: "ddat bench", Created: fixedDate}
	b.ReportAllocs()
	var size testkit.ByteCount
	for b.Loop() {
		size = 0
		if err := matrix.Write(&size, fw, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size), "B/doc")
}
