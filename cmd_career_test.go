package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCareerCommands runs the career commands as a user does.
func TestCareerCommands(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a substring of stdout
		stderr string
		file   string // a file the command writes in dir
	}{
		{name: "ProgressionText", args: []string{"progression", "infrastructure-engineer", "senior", "--format", "text"}, code: exitOK, stdout: "From Infrastructure engineer to Senior infrastructure engineer"},
		{name: "ProgressionPDF", args: []string{"progression", "infrastructure-operations-engineer", "-o", filepath.Join(dir, "p.pdf"), "--date", "2024-09-01"}, code: exitOK, stderr: "(8 pages)", file: "p.pdf"},
		{name: "ProgressionFirstLevel", args: []string{"progression", "infrastructure-engineer", "1"}, code: exitUsage, stderr: "no step into it"},
		{name: "ProgressionHTML", args: []string{"progression", "infrastructure-engineer", "--format", "html", "-o", filepath.Join(dir, "p.html")}, code: exitOK, file: "p.html"},
		{name: "CompareHTML", args: []string{"compare", "infrastructure-engineer:3", "infrastructure-operations-engineer:senior", "-o", filepath.Join(dir, "c.html")}, code: exitOK, file: "c.html"},
		{name: "ProgressionBadFormat", args: []string{"progression", "infrastructure-engineer", "--format", "docx"}, code: exitUsage, stderr: `--format "docx": expected pdf or text`},
		// The global --format still names the data's format.
		{name: "ProgressionDataFormat", args: []string{"--format", "yaml", "--data", "testdata/frameworks/small.yaml", "progression", "widget-engineer", "--format", "text"}, code: exitOK, stdout: "From Associate widget engineer to Widget engineer"},
		{name: "CompareText", args: []string{"compare", "infrastructure-engineer:senior", "Lead infrastructure operations engineer", "--format", "text"}, code: exitOK, stdout: "Senior infrastructure engineer to Lead infrastructure operations engineer"},
		{name: "ComparePDF", args: []string{"compare", "infrastructure-engineer:3", "infrastructure-operations-engineer:senior", "-o", filepath.Join(dir, "c.pdf")}, code: exitOK, file: "c.pdf"},
		{name: "CompareTitleToStdout", args: []string{"compare", "Infrastructure engineer", "infrastructure-engineer:4", "-o", "-"}, code: exitOK, stdout: "%PDF"},
		{name: "CompareUnknown", args: []string{"compare", "Astronaut", "infrastructure-engineer:4"}, code: exitUsage, stderr: `no role level titled "Astronaut"`},
		{name: "CompareNoLevel", args: []string{"compare", "infrastructure-engineer:", "infrastructure-engineer:4"}, code: exitUsage, stderr: "give a level after the colon"},
		{name: "InterviewPDF", args: []string{"interview", "infrastructure-engineer", "--level", "senior", "-o", filepath.Join(dir, "i.pdf")}, code: exitOK, file: "i.pdf"},
		{name: "InterviewXLSX", args: []string{"interview", "infrastructure-engineer", "--level", "senior", "--scale", "0-4", "-o", filepath.Join(dir, "i.xlsx")}, code: exitOK, file: "i.xlsx"},
		{name: "InterviewNoLevel", args: []string{"interview", "infrastructure-engineer"}, code: exitUsage, stderr: "needs a role level"},
		{name: "InterviewBadScale", args: []string{"interview", "infrastructure-engineer", "-l", "2", "--scale", "7-1"}, code: exitUsage, stderr: `--scale "7-1"`},
		{name: "Assessment", args: []string{"assessment", "infrastructure-engineer", "--level", "lead", "-o", filepath.Join(dir, "a.xlsx")}, code: exitOK, file: "a.xlsx"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := ddat(t, tc.args...)
			if code != tc.code || !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("ddat %s: exit %d, want %d\nstdout: %.300s\nstderr: %s", strings.Join(tc.args, " "), code, tc.code, stdout, stderr)
			}
			if tc.file != "" {
				if _, err := os.Stat(filepath.Join(dir, tc.file)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	// The interview workbook's scale is the one asked for.
	f, err := excelize.OpenFile(filepath.Join(dir, "i.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dvs, err := f.GetDataValidations("Interview")
	if err != nil || len(dvs) != 1 || dvs[0].Formula1 != `"0,1,2,3,4"` {
		t.Errorf("data validations %+v, %v; want one list 0 to 4", dvs, err)
	}
}

// TestBatchCareer makes the progression of every role and the interview
// sheets of every level, and only those.
func TestBatchCareer(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	if _, stderr, code := ddat(t, "batch", "-o", dir, "--only", "progression,interview", "--date", "2024-09-01", "-q"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := string(data)
	if p, i, all := strings.Count(m, `"kind": "progression"`), strings.Count(m, `"kind": "interview"`), strings.Count(m, `"kind":`); p != 2 || i != 20 || all != 22 {
		t.Errorf("%d progressions, %d interview sheets, %d documents; want 2, 20 (PDF and XLSX of 10 levels), 22:\n%s", p, i, all, m)
	}
	for _, f := range []string{"it-operations/infrastructure-engineer/infrastructure-engineer-progression.pdf", "it-operations/infrastructure-engineer/3-senior-infrastructure-engineer-interview.xlsx"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if _, stderr, code := ddat(t, "batch", "-o", dir, "--only", "careers"); code != exitUsage || !strings.Contains(stderr, "progression or interview") {
		t.Errorf("--only careers: exit %d, %s", code, stderr)
	}
}
