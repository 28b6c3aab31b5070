package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

const fourRoles = "testdata/flat/four-roles.yaml"

func TestConvertGolden(t *testing.T) {
	t.Parallel()
	for _, to := range []string{"yaml", "json", "csv"} {
		t.Run(to, func(t *testing.T) {
			out, errOut, code := ddat(t, "--data", fourRoles, "convert", "--to", to)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			testkit.GoldenString(t, "convert-four-roles."+to, out)
		})
	}
	t.Run("xlsx", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "out.xlsx")
		if _, errOut, code := ddat(t, "--data", fourRoles, "convert", "-o", path); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		testkit.GoldenString(t, "convert-four-roles.xlsx.txt", dumpXLSX(t, path))
	})
}

// dumpXLSX writes a workbook's cells as text, one "A1: value" line per
// non-empty cell, for a reviewer to read.
func dumpXLSX(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "sheet %q\n", sheet)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for y, r := range rows {
			for x, v := range r {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(x+1, y+1)
				fmt.Fprintf(&b, "%s: %q\n", cell, v)
			}
		}
	}
	return b.String()
}

// TestConvertRoundTrip converts the default framework to each format and
// back to YAML: the same YAML, metadata, dates and update history included.
func TestConvertRoundTrip(t *testing.T) {
	t.Parallel()
	want, _, code := ddat(t, "convert", "--to", "yaml")
	if code != exitOK {
		t.Fatal("convert --to yaml failed")
	}
	for _, to := range []string{"yaml", "json", "csv", "xlsx"} {
		t.Run(to, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "framework."+to)
			if _, errOut, code := ddat(t, "convert", "-o", path); code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			got, errOut, code := ddat(t, "--data", path, "convert", "--to", "yaml")
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("default → %s → yaml (-want +got):\n%s", to, diff)
			}
		})
	}
}

func TestConvertCommandLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "four.csv")
	if _, errOut, code := ddat(t, "--data", fourRoles, "convert", "--to", "csv", "-o", csvPath); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	xlsxPath := filepath.Join(dir, "four.xlsx")
	if _, errOut, code := ddat(t, "--data", fourRoles, "convert", "-o", xlsxPath); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	gradesPath := filepath.Join(dir, "grades.csv")
	if err := os.WriteFile(gradesPath, []byte("Role,Role Level,Grades\nTeam lead,Team lead,SEO\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte(strings.Replace(readFile(t, csvPath), "Expert", "Expret", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "plain.csv")
	if err := os.WriteFile(plain, []byte("Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description\n"+
		"Eng,Widget engineer,Makes widgets.,Widget engineer,Makes them.,,,,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	levelIDs := filepath.Join(dir, "level-ids.yaml")
	if err := os.WriteFile(levelIDs, []byte(strings.Replace(readFile(t, fourRoles), "      - title: Team lead\n", "      - id: tl\n        title: Team lead\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(dir, "keep.yaml")
	if err := os.WriteFile(keep, []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // contained in stdout
		stderr string // contained in stderr
	}{
		{"csv to yaml", []string{"--data", csvPath, "convert", "--to", "yaml"}, exitOK, "  name: Four Roles Fixture\n  source: ddat test fixtures\n  url: https://example.org/four-roles\n", ""},
		{"csv dates and history to yaml", []string{"--data", csvPath, "convert", "--to", "yaml"}, exitOK,
			"    published: 2020-03-04\n    updated: 2023-07-31\n    updates:\n      - date: 2023-07-31\n        changes:\n          - 'Lead of leads was added: its skills are not written down yet.'\n          - -1 skills were removed; this change begins with a minus sign.\n      - date: 2021-05-06\n", ""},
		{"csv without a framework column has no name", []string{"--data", plain, "convert", "--to", "yaml"}, exitOK, "skill_levels:", ""},
		{"csv without a framework column, named by --framework-name", []string{"--data", plain, "--framework-name", " Widget  framework ", "convert", "--to", "yaml"}, exitOK, "framework:\n  name: Widget framework\n", ""},
		{"--framework-name after the command", []string{"--data", plain, "convert", "--to", "yaml", "--framework-name", "Widget framework"}, exitOK, "framework:\n  name: Widget framework\n", ""},
		{"--framework-name over the file's", []string{"--data", csvPath, "--framework-name", "Renamed", "convert", "--to", "yaml"}, exitOK, "framework:\n  name: Renamed\n  source: ddat test fixtures\n", ""},
		{"xlsx to json", []string{"--data", xlsxPath, "convert", "--to", "json"}, exitOK, `"name": "Director of widgets"`, ""},
		{"xlsx sheet by name", []string{"--data", xlsxPath, "--sheet", "framework", "convert", "--to", "yaml"}, exitOK, "Director of widgets", ""},
		{"xlsx unknown sheet", []string{"--data", xlsxPath, "--sheet", "Roles", "convert", "--to", "yaml"}, exitError, "", `no sheet "Roles"; the workbook has: Framework`},
		{"sheet of a csv file", []string{"--data", csvPath, "--sheet", "x", "convert", "--to", "yaml"}, exitUsage, "", "only an .xlsx --data file has sheets"},
		{"csv on standard input", []string{"--data", "-", "--format", "csv", "convert", "--to", "yaml"}, exitError, "", "<stdin>:1: the file is empty; expected a header row"},
		{"grades", []string{"--data", csvPath, "--grades", gradesPath, "convert", "--to", "yaml"}, exitOK, "      - title: Team lead\n        summary: Leads.\n        grades: [SEO]\n", ""},
		{"grades file missing", []string{"--data", csvPath, "--grades", filepath.Join(dir, "none.csv"), "convert", "--to", "yaml"}, exitUsage, "", "no such file"},
		{"bad csv", []string{"--data", bad, "convert", "--to", "yaml"}, exitError, "", `bad.csv: row `},
		{"bad csv leaves the output alone", []string{"--data", bad, "convert", "-o", keep}, exitError, "", `column "Skill Level": unknown skill level "Expret"`},
		{"no format", []string{"convert"}, exitUsage, "", "give --to yaml|json|csv|xlsx"},
		{"unknown format", []string{"convert", "--to", "pdf"}, exitUsage, "", `unknown format "pdf"`},
		{"unknown extension", []string{"convert", "-o", filepath.Join(dir, "x.txt")}, exitUsage, "", "cannot tell the format"},
		{"arguments", []string{"convert", "x"}, exitUsage, "", "convert takes no arguments"},
		{"xlsx to a pipe", []string{"convert", "--to", "xlsx"}, exitOK, "PK\x03\x04", ""},
		{"note on what csv loses", []string{"--data", levelIDs, "convert", "--to", "csv"}, exitOK, "Role Family,Role,",
			"note: the flat layout cannot hold role-level ids that differ from the ones derived from the titles; they are not in the csv output"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := ddat(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%.500s", tt.stdout, out)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errOut)
			}
		})
	}
	// A flat file names no framework: nothing is made up from its file name.
	if out, _, _ := ddat(t, "--data", plain, "convert", "--to", "yaml"); strings.Contains(out, "framework:") {
		t.Errorf("a framework without a name in its file got one:\n%.300s", out)
	}
	if out, _, _ := ddat(t, "--data", plain, "validate"); !strings.Contains(out, "warning: framework: no name: documents will not say which framework they are from; give its name in the file, or with ddat's --framework-name") {
		t.Errorf("validate does not say that the framework has no name, and how to give one:\n%s", out)
	}
	if _, errOut, code := ddat(t, "convert", "--to", "csv"); code != exitOK || errOut != "" {
		t.Errorf("convert --to csv of the default framework: exit %d, stderr %q; want no note, the layout holds all of it", code, errOut)
	}
	if got := readFile(t, keep); got != "precious\n" {
		t.Errorf("a failed convert changed its output file: %q", got)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
