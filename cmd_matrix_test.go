package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestMatrixCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name    string
		args    []string
		code    int
		stderr  string
		file    string   // written workbook, "" = none
		sheets  []string // sheets of the workbook, after Cover, Matrix, Skills, Roles, Data
		columns int      // role level columns of the Matrix
	}{
		{name: "Default", args: []string{"matrix", "-o", path("all.xlsx"), "--date", "2024-05-01"}, file: "all.xlsx", columns: 10},
		{name: "PerRole", args: []string{"matrix", "--per-role", "-o", path("roles.xlsx")}, file: "roles.xlsx", columns: 10,
			sheets: []string{"Infrastructure engineer", "Infrastructure operations…"}},
		{name: "Grade", args: []string{"matrix", "--grade", "G7", "-o", path("g7.xlsx")}, file: "g7.xlsx", columns: 4},
		{name: "RoleAndFamily", args: []string{"matrix", "--family", "IT operations", "--role", "infrastructure-engineer", "-o", path("ie.xlsx")}, file: "ie.xlsx", columns: 5},
		{name: "ErrUnknownRole", args: []string{"matrix", "--role", "astronaut", "-o", path("x.xlsx")}, code: exitUsage, stderr: `no role "astronaut"`},
		{name: "ErrEmptySelection", args: []string{"matrix", "--role", "infrastructure-engineer", "--grade", "AO", "-o", path("x.xlsx")}, code: exitUsage, stderr: "no role level matches"},
		{name: "ErrArgument", args: []string{"matrix", "infrastructure-engineer"}, code: exitUsage, stderr: "matrix takes no arguments"},
		{name: "ErrBadDate", args: []string{"matrix", "--date", "soon", "-o", path("x.xlsx")}, code: exitUsage, stderr: "--date"},
		{name: "ErrNoDir", args: []string{"matrix", "-o", path("no/such/dir.xlsx")}, code: exitError, stderr: "no/such"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := ddat(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit code %d, want %d; stderr: %s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q: %s", tt.stderr, stderr)
			}
			if tt.file == "" {
				if _, err := os.Stat(path("x.xlsx")); err == nil {
					t.Error("a failed run left x.xlsx")
				}
				return
			}
			f, err := excelize.OpenFile(path(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			want := append([]string{"Cover", "Matrix", "Skills", "Roles", "Data"}, tt.sheets...)
			if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("sheets %q, want %q", got, want)
			}
			rows, err := f.GetRows("Matrix")
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				if len(r) > 0 && r[0] == "Skill" && len(r)-1 != tt.columns {
					t.Errorf("Matrix has %d role level columns, want %d", len(r)-1, tt.columns)
				}
			}
		})
	}
	// The date given is the creation date of the properties.
	f, err := excelize.OpenFile(path("all.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Created != "2024-05-01T00:00:00Z" || !strings.HasPrefix(p.Creator, "ddat ") {
		t.Errorf("properties: created %q creator %q", p.Created, p.Creator)
	}
}

// TestMatrixStdout checks that -o - writes the workbook to stdout, and that
// SOURCE_DATE_EPOCH makes two runs give the same bytes.
func TestMatrixStdout(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	a, _, code := ddat(t, "matrix", "-o", "-")
	if code != exitOK {
		t.Fatalf("exit code %d", code)
	}
	b, _, _ := ddat(t, "matrix", "-o", "-")
	if !strings.HasPrefix(a, "PK") {
		t.Fatalf("stdout is not a zip archive: %q", a[:min(len(a), 20)])
	}
	if a != b {
		t.Error("two runs with SOURCE_DATE_EPOCH gave different bytes")
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(a)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if p, _ := f.GetDocProps(); p.Created != "2023-11-14T22:13:20Z" {
		t.Errorf("created %q, want SOURCE_DATE_EPOCH", p.Created)
	}
}
