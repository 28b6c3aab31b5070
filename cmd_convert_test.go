package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/model"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

const fourRoles = "testdata/flat/four-roles.yaml"

func TestConvertGolden(t *testing.T) {
	for _, to := range []string{"yaml", "json", "csv"} {
		t.Run(to, func(t *testing.T) {
			out, errOut, code := ddat(t, "--data", fourRoles, "convert", "--to", to)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden(t, "convert-four-roles."+to, out)
		})
	}
	t.Run("xlsx", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "out.xlsx")
		if _, errOut, code := ddat(t, "--data", fourRoles, "convert", "-o", path); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		golden(t, "convert-four-roles.xlsx.txt", dumpXLSX(t, path))
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
// back to YAML: the same YAML, less what the flat layout cannot hold.
func TestConvertRoundTrip(t *testing.T) {
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
			w := want
			if to == "csv" || to == "xlsx" {
				w = withoutMetaAndDates(t, want, "framework")
			}
			if diff := cmp.Diff(w, got); diff != "" {
				t.Errorf("default → %s → yaml (-want +got):\n%s", to, diff)
			}
		})
	}
}

// withoutMetaAndDates is a framework's YAML as a flat file named name gives
// it back.
func withoutMetaAndDates(t *testing.T, yaml, name string) string {
	t.Helper()
	fw, err := model.Load(strings.NewReader(yaml), "x.yaml", model.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fw.Meta = model.Meta{Name: name}
	for i := range fw.Roles {
		r := &fw.Roles[i]
		r.Published, r.Updated, r.Updates = time.Time{}, time.Time{}, nil
	}
	var buf bytes.Buffer
	if err := model.Write(&buf, fw, model.FormatYAML); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestConvertCommandLine(t *testing.T) {
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
		{"csv to yaml", []string{"--data", csvPath, "convert", "--to", "yaml"}, exitOK, "  name: four\n", ""},
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
		{"note on what csv loses", []string{"convert", "--to", "csv"}, exitOK, "Role Family,Role,", "note: the flat layout cannot hold the framework's name, source and licence"},
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
