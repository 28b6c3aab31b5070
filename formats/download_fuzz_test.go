package formats_test

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/model"
)

// FuzzReadDownload reads two CSV files as one framework, as the download is
// read. Properties: no panic; an error is a located *model.LoadError; a
// framework without validation errors writes to ddat's CSV and reads back
// with the same roles and levels, in the same order.
func FuzzReadDownload(f *testing.F) {
	roles, err := os.ReadFile(roleContent)
	if err != nil {
		f.Fatal(err)
	}
	skills, err := os.ReadFile(skillDescriptions)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(roles, skills)
	f.Add(roles[:len(roles)/2], skills[:len(skills)/3])
	f.Add([]byte(header+row("Eng", "Widget engineer", "", "NOT IN USE", "", "Teamwork", "MISSING", "", "")), []byte("Skill Name,Expert\nTeamwork,\u2028- x\n"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		fw, err := formats.ReadAll([]formats.Input{
			{Name: "a.csv", R: bytes.NewReader(a)},
			{Name: "b.csv", R: bytes.NewReader(b)},
		})
		if err != nil {
			var le *model.LoadError
			if !errors.As(err, &le) || !le.Pos.IsValid() {
				t.Fatalf("error %v is not a located *model.LoadError", err)
			}
			return
		}
		if fw.Validate().Errors() > 0 {
			return
		}
		var buf bytes.Buffer
		if err := formats.Write(&buf, fw, formats.FormatCSV); err != nil {
			t.Fatal(err)
		}
		again, err := formats.Read(&buf, "again.csv", formats.Options{})
		if err != nil {
			t.Fatalf("ddat's CSV of a valid framework does not read: %v", err)
		}
		if got, want := levelTitles(again), levelTitles(fw); !equal(got, want) {
			t.Fatalf("roles and levels after a round trip:\n%q\nwant\n%q", got, want)
		}
	})
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
