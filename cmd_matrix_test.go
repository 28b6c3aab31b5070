package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
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
		sheets  []string // sheets of the workbook, after Cover, Matrix, Role levels, Skills, Roles, Data
		columns int      // role level columns of the Matrix
		paper   int      // the paper every sheet prints on: 9 = A4, 1 = Letter
		filters string   // what the cover says of the filters
	}{
		{name: "Default", args: []string{"matrix", "-o", path("all.xlsx"), "--date", "2024-05-01"}, file: "all.xlsx", columns: 10, paper: 9, filters: "None: the whole framework"},
		{name: "PerRole", args: []string{"matrix", "--per-role", "-o", path("roles.xlsx")}, file: "roles.xlsx", columns: 10, paper: 9,
			sheets: []string{"Infrastructure engineer", "Infrastructure operations…"}, filters: "None: the whole framework"},
		{name: "Grade", args: []string{"matrix", "--grade", "G7", "-o", path("g7.xlsx")}, file: "g7.xlsx", columns: 4, paper: 9, filters: "Role levels of grade G7"},
		{name: "RoleAndFamily", args: []string{"matrix", "--family", "IT operations", "--role", "infrastructure-engineer", "-o", path("ie.xlsx")}, file: "ie.xlsx", columns: 5, paper: 9,
			filters: "Role levels of family IT operations and role infrastructure-engineer"},
		{name: "Letter", args: []string{"matrix", "--paper", "Letter", "-o", path("letter.xlsx")}, file: "letter.xlsx", columns: 10, paper: 1, filters: "None: the whole framework"},
		{name: "ErrPaper", args: []string{"matrix", "--paper", "A3", "-o", path("x.xlsx")}, code: exitUsage, stderr: `--paper "A3": expected a4 or letter`},
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
			want := append([]string{"Cover", "Matrix", "Role levels", "Skills", "Roles", "Data"}, tt.sheets...)
			if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("sheets %q, want %q", got, want)
			}
			for _, s := range want {
				if pl, err := f.GetPageLayout(s); err != nil || pl.Size == nil || *pl.Size != tt.paper {
					t.Errorf("sheet %s: paper %v (%v), want %d", s, pl.Size, err, tt.paper)
				}
			}
			cover, err := f.GetRows("Cover")
			if err != nil {
				t.Fatal(err)
			}
			filters := ""
			for _, r := range cover {
				if len(r) > 1 && r[0] == "Filters" {
					filters = r[1]
				}
			}
			if filters != tt.filters {
				t.Errorf("cover: filters %q, want %q", filters, tt.filters)
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

// TestMatrixGradeColumns filters the whole framework's workbook by each
// grade's column, as a planner would, and checks that it picks the role
// levels "ddat matrix --grade" picks, of the roles "ddat roles --grade"
// lists: for the default framework and for a department's variant.
func TestMatrixGradeColumns(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]string{
		"default":    nil,
		"four-roles": {"--data", filepath.Join("testdata", "flat", "four-roles.yaml")},
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			// levels reads the role levels of a workbook's Role levels sheet
			// as "role #n", those with 1 under grade when it is not "".
			levels := func(path, grade string) (keys, roles []string) {
				t.Helper()
				f, err := excelize.OpenFile(path)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				rows, err := f.GetRows("Role levels")
				if err != nil {
					t.Fatal(err)
				}
				hdr := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == "Role family" })
				col := slices.Index(rows[hdr], grade)
				if grade != "" && col < 0 {
					t.Fatalf("%s: no column %q in %q", path, grade, rows[hdr])
				}
				for _, r := range rows[hdr+1:] {
					if grade == "" || r[col] == "1" {
						keys = append(keys, r[1]+" #"+r[2])
						if !slices.Contains(roles, r[1]) {
							roles = append(roles, r[1])
						}
					}
				}
				return keys, roles
			}
			all := filepath.Join(dir, name+".xlsx")
			if _, stderr, code := ddat(t, append(data, "matrix", "-o", all)...); code != exitOK {
				t.Fatalf("matrix: exit code %d: %s", code, stderr)
			}
			fw := fixture.Default(t)
			if data != nil {
				fw = fixture.Load(t, data[1])
			}
			checked := 0
			for _, g := range fw.Grades {
				got, gotRoles := levels(all, g.Short())
				one := filepath.Join(dir, name+"-grade.xlsx")
				_, stderr, code := ddat(t, append(data, "matrix", "--grade", g.Short(), "-o", one)...)
				if code == exitUsage && strings.Contains(stderr, "no role level matches") {
					if len(got) > 0 {
						t.Errorf("grade %s: %q have 1, but ddat matrix --grade finds none", g.Short(), got)
					}
					continue
				}
				if code != exitOK {
					t.Fatalf("matrix --grade %s: exit code %d: %s", g.Short(), code, stderr)
				}
				want, _ := levels(one, "")
				if !slices.Equal(got, want) {
					t.Errorf("grade %s: the whole workbook filtered gives\n %q\nddat matrix --grade gives\n %q", g.Short(), got, want)
				}
				stdout, _, _ := ddat(t, append(data, "roles", "--grade", g.Short())...)
				var listed []string
				for _, line := range strings.Split(strings.TrimSpace(stdout), "\n")[1:] {
					listed = append(listed, regexp.MustCompile(`  +`).Split(line, -1)[1])
				}
				if !slices.Equal(gotRoles, listed) {
					t.Errorf("grade %s: roles %q, ddat roles --grade lists %q", g.Short(), gotRoles, listed)
				}
				checked++
			}
			if checked == 0 {
				t.Fatal("no grade checked")
			}
		})
	}
}
