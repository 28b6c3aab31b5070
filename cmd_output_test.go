package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputArguments tries the -o mistakes and misspellings a new user
// makes: each either writes where the user meant or fails with a usage
// error that says what to do, and writes nothing.
func TestOutputArguments(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sub := filepath.Join(dir, "existing")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		args  []string
		code  int
		want  string // in stderr
		wrote string // the file made, "" = none
	}{
		{"ProfileIntoDirectory", []string{"profile", "infrastructure-engineer", "--level", "3", "-o", sub}, exitOK, "wrote", filepath.Join(sub, "senior-infrastructure-engineer.pdf")},
		{"MatrixIntoDirectory", []string{"matrix", "-o", sub}, exitOK, "wrote", filepath.Join(sub, "skills-matrix.xlsx")},
		{"ProfileDocx", []string{"profile", "infrastructure-engineer", "--level", "3", "-o", filepath.Join(dir, "x.docx")}, exitUsage, ".docx does not fit: this command writes a PDF job profile; name the file with .pdf", ""},
		{"ProfileNoExtension", []string{"profile", "infrastructure-engineer", "-o", filepath.Join(dir, "x")}, exitUsage, "name the file with .pdf", ""},
		{"ProfileUpperCasePDF", []string{"profile", "infrastructure-engineer", "--level", "1", "-o", filepath.Join(dir, "X.PDF")}, exitOK, "wrote", filepath.Join(dir, "X.PDF")},
		{"MatrixCSV", []string{"matrix", "-o", filepath.Join(dir, "m.csv")}, exitUsage, ".csv does not fit: this command writes an Excel workbook; name the file with .xlsx", ""},
		{"MisspeltRole", []string{"profile", "infrastucture-engineer"}, exitUsage, `no role "infrastucture-engineer"; did you mean infrastructure-engineer?`, ""},
		{"MisspeltLevel", []string{"profile", "infrastructure-engineer", "--level", "senoir"}, exitUsage, "did you mean 3 (senior)?", ""},
		{"MisspeltGrade", []string{"profile", "infrastructure-engineer", "--grade", "G8"}, exitUsage, `no grade "G8"; did you mean G7?`, ""},
		{"MisspeltFlagAfterArgs", []string{"profile", "infrastructure-engineer", "--levle", "3"}, exitUsage, "did you mean --level?", ""},
		{"MisspeltFlag", []string{"profile", "--organisaton", "X", "infrastructure-engineer"}, exitUsage, "did you mean --organisation?", ""},
		{"NothingNear", []string{"profile", "astronaut"}, exitUsage, `no role "astronaut"; choose one of`, ""},
		{"GradeSharedByTwo", []string{"profile", "infrastructure-engineer", "--grade", "G7"}, exitUsage, "levels 3 (senior) and 4 (lead) of Infrastructure engineer are both performed at G7 (Grade 7); choose one with --level", ""},
		{"GradeWithLevel", []string{"profile", "infrastructure-engineer", "--grade", "G7", "--level", "lead", "-o", filepath.Join(dir, "lead.pdf")}, exitOK, "wrote", filepath.Join(dir, "lead.pdf")},
		{"GradeNotOfLevel", []string{"profile", "infrastructure-engineer", "--grade", "AO"}, exitUsage, "no level of Infrastructure engineer is performed at AO (Administrative Officer)", ""},
		{"GradeSCS1", []string{"profile", "infrastructure-engineer", "--grade", "SCS1", "-o", filepath.Join(dir, "scs1.pdf")}, exitOK, "wrote", filepath.Join(dir, "scs1.pdf")},
		{"GradeFullName", []string{"profile", "infrastructure-engineer", "--grade", "administrative officer"}, exitUsage, "performed at AO (Administrative Officer)", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadDir(dir)
			_, stderr, code := ddat(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.code, tt.want)
			}
			if tt.wrote != "" {
				if _, err := os.Stat(tt.wrote); err != nil {
					t.Errorf("no output file: %v", err)
				}
				return
			}
			if after, _ := os.ReadDir(dir); len(after) != len(before) {
				t.Errorf("a failed run left a file in %s", dir)
			}
		})
	}
}
