package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/profile"
)

// encodeSynth writes a synthetic framework of size s in format.
func encodeSynth(tb testing.TB, s synth.Size, format formats.Format) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := formats.Write(&buf, synth.Framework(s), format); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// benchmarkLoad loads data as format, reporting its size.
func benchmarkLoad(b *testing.B, data []byte, format formats.Format) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := formats.Read(bytes.NewReader(data), "bench."+string(format), formats.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadJSONMinified loads a JSON framework of about 1 MB written on
// one line, as programs write JSON: positions are counted on from the last,
// not from the start of the line.
func BenchmarkLoadJSONMinified(b *testing.B) {
	data := encodeSynth(b, synth.Size{Roles: 110, LevelsPerRole: 5, Skills: 100}, formats.FormatJSON)
	var min bytes.Buffer
	if err := json.Compact(&min, data); err != nil {
		b.Fatal(err)
	}
	benchmarkLoad(b, min.Bytes(), formats.FormatJSON)
}

// BenchmarkLoadYAML10kRoles loads a YAML framework of 10,000 roles and no
// aliases: the alias limit counts nothing for it.
func BenchmarkLoadYAML10kRoles(b *testing.B) {
	data := encodeSynth(b, synth.Size{Families: 20, Roles: 10000, LevelsPerRole: 1, Skills: 200, SkillsPerRole: 3}, formats.FormatYAML)
	benchmarkLoad(b, data, formats.FormatYAML)
}

// BenchmarkValidate1000Roles validates a framework of 1,000 roles in one
// family, 5,000 role levels, as "ddat validate" does: the findings of the
// data, then the characters the PDF cannot print.
func BenchmarkValidate1000Roles(b *testing.B) {
	fw := synth.Framework(synth.Size{Roles: 1000, LevelsPerRole: 5, Skills: 300})
	fonts, err := profile.LoadFonts()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if f := append(fw.Validate(), profile.CheckPrintable(fw, fonts)...); f.Errors() > 0 {
			b.Fatal(f.Err())
		}
	}
}
