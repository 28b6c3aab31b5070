package flat_test

import (
	"bytes"
	"testing"

	"github.com/ddat-tools/ddat/flat"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/model"
)

// bigCSV is a synthetic framework of 400 roles of 5 levels with 10 skills
// each: 20,000 (role level, skill) rows, plus a row for each skill level
// description no role needs.
func bigCSV(b *testing.B) []byte {
	b.Helper()
	fw := synth.Framework(synth.Size{Families: 8, Roles: 400, LevelsPerRole: 5, Skills: 300, SkillsPerRole: 10})
	var buf bytes.Buffer
	if err := flat.Write(&buf, fw, model.FormatCSV); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkReadCSV20k(b *testing.B) {
	data := bigCSV(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		fw, err := flat.Read(bytes.NewReader(data), "big.csv", flat.Options{})
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
		if err := flat.Write(&bytes.Buffer{}, fw, model.FormatCSV); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadXLSX20k(b *testing.B) {
	fw := synth.Framework(synth.Size{Families: 8, Roles: 400, LevelsPerRole: 5, Skills: 300, SkillsPerRole: 10})
	var buf bytes.Buffer
	if err := flat.Write(&buf, fw, model.FormatXLSX); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := flat.Read(bytes.NewReader(data), "big.xlsx", flat.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteXLSX20k(b *testing.B) {
	fw := synth.Framework(synth.Size{Families: 8, Roles: 400, LevelsPerRole: 5, Skills: 300, SkillsPerRole: 10})
	for b.Loop() {
		if err := flat.Write(&bytes.Buffer{}, fw, model.FormatXLSX); err != nil {
			b.Fatal(err)
		}
	}
}
