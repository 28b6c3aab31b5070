package formats_test

import (
	"bytes"
	"testing"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/synth"
)

// bigCSV is a synthetic framework of 400 roles of 5 levels with 10 skills
// each: 20,000 (role level, skill) rows, plus a row for each skill level
// description no role needs.
func bigCSV(b *testing.B) []byte {
	b.Helper()
	fw := synth.Framework(synth.Size{Families: 8, Roles: 400, LevelsPerRole: 5, Skills: 300, SkillsPerRole: 10})
	var buf bytes.Buffer
	if err := formats.Write(&buf, fw, formats.FormatCSV); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkReadCSV20k(b *testing.B) {
	data := bigCSV(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		fw, err := formats.Read(bytes.NewReader(data), "big.csv", formats.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if n := fw.LevelCount(); n != 2000 {
			b.Fatalf("%d role levels, want 2000", n)
		}
	}
}

func BenchmarkWriteCSV20k(b *testing.B) {
	fw := synth.Framework(synth.Size{Families: 8, Roles: 400, LevelsPerRole: 5, Skills: 300, SkillsPerRole: 10})
	for b.Loop() {
		if err := formats.Write(&bytes.Buffer{}, fw, formats.FormatCSV); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadXLSX20k(b *testing.B) {
	fw := synth.Framework(synth.Size{Families: 8, Roles: 400, LevelsPerRole: 5, Skills: 300, SkillsPerRole: 10})
	var buf bytes.Buffer
	if err := formats.Write(&buf, fw, formats.FormatXLSX); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := formats.Read(bytes.NewReader(data), "big.xlsx", formats.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteXLSX20k(b *testing.B) {
	fw := synth.Framework(synth.Size{Families: 8, Roles: 400, LevelsPerRole: 5, Skills: 300, SkillsPerRole: 10})
	for b.Loop() {
		if err := formats.Write(&bytes.Buffer{}, fw, formats.FormatXLSX); err != nil {
			b.Fatal(err)
		}
	}
}
