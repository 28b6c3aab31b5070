package vacancy_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/vacancy"
)

// TestReadCSVBounds: a campaign file too large, too long or too wide is a
// located error, never read on.
func TestReadCSVBounds(t *testing.T) {
	head := "Reference,Role,Level\n"
	rows := func(n int) string {
		var b strings.Builder
		b.WriteString(head)
		for i := range n {
			fmt.Fprintf(&b, "R%d,infrastructure-engineer,1\n", i)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, data string
		line       int
		want       string
	}{
		{"too many vacancies", rows(vacancy.MaxRows + 1), vacancy.MaxRows + 2, "more than 5000 vacancies"},
		{"too large", head + strings.Repeat(strings.Repeat(" ", 1000)+"\n", vacancy.MaxCSVSize/1000), 0, "file is larger than 8 MiB"},
		{"a cell left open", head + "R1,infrastructure-engineer,\"1\n" + strings.Repeat("x", 70_000), 2, "is a quote left open?"},
		{"too wide", strings.Repeat("a,", 20_000) + "\n", 1, "a row of more than 16384 cells"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := vacancy.ReadCSV(strings.NewReader(tc.data), "c.csv")
			var le *model.LoadError
			if !errors.As(err, &le) || le.Pos.File != "c.csv" || le.Pos.Line != tc.line || !strings.Contains(le.Msg, tc.want) {
				t.Fatalf("err = %v, want c.csv:%d: %q", err, tc.line, tc.want)
			}
		})
	}
}

// FuzzReadCSV: a campaign file reads into vacancies that each have a
// reference (unique in the file), a role, and a level or grade, or into a
// located error; never a panic.
func FuzzReadCSV(f *testing.F) {
	b, err := os.ReadFile(testkit.Testdata("vacancies", "campaign.csv"))
	if err != nil {
		f.Fatal(err)
	}
	// Its header and first two vacancies: small seeds keep the fuzzer's
	// minimising short.
	lines := strings.SplitAfterN(string(b), "\n", 4)
	f.Add([]byte(strings.Join(lines[:3], "")))
	f.Add([]byte("Reference;Role;Grade\nA1;r;G7\n\n\"A2\";\"r\nx\";G6\n"))
	f.Add([]byte("\xef\xbb\xbfReference\tRole\tLevel\tClosing date\nA1\tr\t1\t2025-01-01\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		entries, err := vacancy.ReadCSV(strings.NewReader(string(b)), "c.csv")
		if err != nil {
			var le *model.LoadError
			if !errors.As(err, &le) || le.Pos.File != "c.csv" {
				t.Fatalf("error %v: not a located *model.LoadError", err)
			}
			return
		}
		if len(entries) == 0 || len(entries) > vacancy.MaxRows {
			t.Fatalf("%d entries", len(entries))
		}
		refs := map[string]bool{}
		for _, e := range entries {
			k := strings.ToLower(e.Vacancy.Reference)
			if e.Vacancy.Reference == "" || e.Role == "" || e.Level == "" && e.Grade == "" || refs[k] {
				t.Fatalf("read an invalid entry: %+v", e)
			}
			refs[k] = true
		}
	})
}
