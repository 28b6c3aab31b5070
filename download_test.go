package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/xuri/excelize/v2"
)

// The fixture of the framework's published download: both files, every
// quirk, invented text (testdata/download).
var (
	downloadFiles = []string{filepath.Join("testdata", "download", "role-content.csv"), filepath.Join("testdata", "download", "skill-descriptions.csv")}
	downloadArgs  = []string{"--data", downloadFiles[0], "--data", downloadFiles[1]}
)

// loadDownload reads the fixture as the command line does.
func loadDownload(t *testing.T) *model.Framework {
	t.Helper()
	fw, err := loadPaths(downloadFiles, formats.Options{}, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := fw.Validate().Err(); err != nil {
		t.Fatal(err)
	}
	return fw
}

// runDownload runs ddat on the fixture and fails on a non-zero exit.
func runDownload(t *testing.T, args ...string) string {
	t.Helper()
	args = append(append([]string{}, downloadArgs...), args...)
	stdout, stderr, code := ddat(t, args...)
	if code != exitOK {
		t.Fatalf("ddat %q: exit %d, stderr %s", args, code, stderr)
	}
	return stdout
}

// TestDownloadValidate: no errors, and the notices a person needs.
func TestDownloadValidate(t *testing.T) {
	out := runDownload(t, "validate")
	for _, want := range []string{
		"skill-descriptions.csv: 0 errors, ",
		"2 rows repeat an earlier row exactly and were read once",
		"Widget engineer: 1. Associate widget engineer, 2. Widget engineer, 3. Senior widget engineer, 4. Lead widget engineer, 5. Principal widget engineer",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("validate output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "seniority order"); n != 1 {
		t.Errorf("the inferred order is said %d times, want once", n)
	}
}

// TestDownloadShowGolden holds "ddat show" of each role of the fixture and
// of each of its levels: levels in seniority order, the Senior Civil
// Service role with its own lists.
func TestDownloadShowGolden(t *testing.T) {
	fw := loadDownload(t)
	var all strings.Builder
	for _, r := range fw.Roles {
		cmds := [][]string{{"show", r.ID}}
		for n := range r.Levels {
			cmds = append(cmds, []string{"show", r.ID, fmt.Sprint(n + 1)})
		}
		for _, args := range cmds {
			fmt.Fprintf(&all, "$ ddat %s\n%s", strings.Join(args, " "), runDownload(t, args...))
		}
	}
	fmt.Fprintf(&all, "$ ddat roles\n%s", runDownload(t, "roles"))
	testkit.GoldenString(t, "download-show.txt", all.String())
}

// downloadProfiles makes every profile of the fixture: each role, then each
// of its levels.
func downloadProfiles(t *testing.T, fw *model.Framework, each func(name string, ref model.LevelRef, pdf []byte)) {
	t.Helper()
	fonts, err := profile.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	opts := profile.Options{Fonts: fonts, Creator: "ddat test", Created: time.Date(2024, 9, 1, 12, 0, 0, 0, time.UTC)}
	for i := range fw.Roles {
		for _, ref := range fw.Roles[i].Documents() {
			name := ref.Role.ID
			if ref.Level != nil {
				name += "-" + fmt.Sprint(ref.Number())
			}
			var buf bytes.Buffer
			if _, err := profile.Write(&buf, fw, ref, opts); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			each(name, ref, buf.Bytes())
		}
	}
}

// TestDownloadProfilesGolden holds the text of the layout of every profile
// of the fixture, and the PDF of each role and of the Senior Civil Service
// level.
func TestDownloadProfilesGolden(t *testing.T) {
	fw := loadDownload(t)
	downloadProfiles(t, fw, func(name string, ref model.LevelRef, pdf []byte) {
		var text bytes.Buffer
		if err := profile.Dump(&text, fw, ref, profile.Options{}); err != nil {
			t.Fatal(err)
		}
		testkit.Golden(t, "download-profile-"+name+".txt", text.Bytes())
		if ref.Level == nil || ref.Role.SeniorCivilService() {
			testkit.Golden(t, "download-profile-"+name+".pdf", pdf)
		}
	})
}

// fixtureTexts are the texts of the fixture files, read with encoding/csv
// alone, not ddat's reader: what the documents must show, and where.
type fixtureTexts struct {
	roles  map[string][]string    // role name → its description's paragraphs and items
	levels map[[2]string][]string // (role, level title) → the level's own texts, its skills' texts included
	skills map[string][]string    // skill name → its description and every level's items
}

// cleanText is a fixture text as a reader sees it: invisible characters
// gone, spaces single.
func cleanText(s string) string {
	s = strings.NewReplacer("\u2028", " ", "\u00a0", " ", "\u200b", "", "\r", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// pieces splits a cell into its paragraphs and list items, without lead-ins.
func pieces(cell string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(cell, "\u2028", "\n"), "\n") {
		line = cleanText(strings.TrimPrefix(strings.TrimSpace(line), "- "))
		switch strings.TrimSuffix(line, ":") {
		case "", "You can", "In this role, you will", "At this role level, you will", "MISSING", "NOT IN USE":
			continue
		}
		out = append(out, line)
	}
	return out
}

func readFixtureTexts(t *testing.T) fixtureTexts {
	t.Helper()
	records := func(path string) (map[string]int, [][]string) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		return col, recs[1:]
	}
	ft := fixtureTexts{roles: map[string][]string{}, levels: map[[2]string][]string{}, skills: map[string][]string{}}
	col, rows := records(downloadFiles[0])
	for _, r := range rows {
		role, level := cleanText(r[col["Role"]]), cleanText(r[col["Role Level"]])
		if level == "NOT IN USE" {
			level = role
		}
		ft.roles[role] = pieces(r[col["Role Description"]])
		key := [2]string{role, level}
		ft.levels[key] = append(ft.levels[key], pieces(r[col["Role Level Description"]])...)
		ft.levels[key] = append(ft.levels[key], pieces(r[col["Skill Description"]])...)
		ft.levels[key] = append(ft.levels[key], pieces(r[col["Skill Level Description"]])...)
	}
	col, rows = records(downloadFiles[1])
	for _, r := range rows {
		name := cleanText(r[col["Skill Name"]])
		for _, h := range []string{"Skill Description", "Awareness", "Working", "Practitioner", "Expert"} {
			ft.skills[name] = append(ft.skills[name], pieces(r[col[h]])...)
		}
	}
	return ft
}

// TestDownloadTextsInDocuments finds every text of the fixture files in the
// documents: each role's description and list in each of its profiles,
// each level's texts (its description and list, its skills' descriptions
// and "You can:" lists, a Senior Civil Service role's own lists) in the
// level's profile, and each skill's description and lists in the matrix's
// Skills sheet, in the skill's row.
func TestDownloadTextsInDocuments(t *testing.T) {
	fw := loadDownload(t)
	ft := readFixtureTexts(t)
	find := func(where, text string, want []string) {
		t.Helper()
		text = spaces.ReplaceAllString(text, " ")
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", where, w)
			}
		}
	}
	levelsSeen := 0
	downloadProfiles(t, fw, func(name string, ref model.LevelRef, pdf []byte) {
		text := testkit.PDFText(t, pdf)
		for _, bad := range []string{"MISSING", "NOT IN USE", "Not in use"} {
			if strings.Contains(text, bad) {
				t.Errorf("profile %s prints %q", name, bad)
			}
		}
		find("profile "+name+" (role description)", text, ft.roles[ref.Role.Name])
		if ref.Level != nil {
			levelsSeen++
			find("profile "+name, text, ft.levels[[2]string{ref.Role.Name, ref.Level.Title}])
		}
	})
	if levelsSeen != len(ft.levels) {
		t.Errorf("%d level profiles for the fixture's %d role levels", levelsSeen, len(ft.levels))
	}

	var buf bytes.Buffer
	if err := matrix.Write(&buf, fw, matrix.Options{PerRole: true, Created: time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Skills")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, r := range rows {
		if want, ok := ft.skills[r[0]]; ok && len(r) > 1 {
			found++
			find("the Skills sheet's row of "+r[0], strings.Join(r, " "), want)
		}
	}
	if found != len(ft.skills) {
		t.Errorf("the Skills sheet has %d of the fixture's %d skills", found, len(ft.skills))
	}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for y, r := range rows {
			for x, c := range r {
				if strings.Contains(c, "MISSING") || strings.Contains(strings.ToLower(c), "not in use") {
					t.Errorf("sheet %s, row %d, column %d: %q", sheet, y+1, x+1, c)
				}
			}
		}
	}
	data, err := f.GetRows("Data")
	if err != nil {
		t.Fatal(err)
	}
	scs, col := 0, map[string]int{}
	cell := func(r []string, heading string) string {
		if i, ok := col[heading]; ok && i < len(r) {
			return r[i]
		}
		return ""
	}
	for _, r := range data {
		if len(r) > 0 && r[0] == "Role family" {
			for i, h := range r {
				col[h] = i
			}
			continue
		}
		if cell(r, "Role") == "Chief widget officer" {
			scs++
			if cell(r, "Skill") == "" || cell(r, "Skill level") != "" || cell(r, "Skill level number") != "" {
				t.Errorf("Data row of a Senior Civil Service skill: %q; want the skill, no skill level", r)
			}
		}
	}
	if scs != 2 {
		t.Errorf("%d Data rows of the Senior Civil Service role, want 2", scs)
	}
}

// TestDownloadNoPlaceholders: the placeholders of the download appear in no
// output of any format.
func TestDownloadNoPlaceholders(t *testing.T) {
	var outs []string
	for _, args := range [][]string{{"roles"}, {"skills"}, {"validate"}, {"show", "chief-widget-officer"}, {"show", "widget-engineer"}, {"show", "gadget-analyst"},
		{"convert", "--to", "csv"}, {"convert", "--to", "yaml"}, {"convert", "--to", "json"}} {
		outs = append(outs, runDownload(t, args...))
	}
	xlsx := filepath.Join(t.TempDir(), "f.xlsx")
	runDownload(t, "convert", "-o", xlsx)
	outs = append(outs, dumpXLSX(t, xlsx))
	for i, out := range outs {
		if strings.Contains(out, "MISSING") || strings.Contains(strings.ToLower(out), "not in use") {
			t.Errorf("output %d holds a placeholder:\n%s", i, out)
		}
	}
}

// TestDownloadConvertRoundTrip: the download → convert --to csv → the same
// framework, the order of levels and skills included.
func TestDownloadConvertRoundTrip(t *testing.T) {
	csvPath := filepath.Join(t.TempDir(), "role-content.csv")
	runDownload(t, "convert", "--to", "csv", "-o", csvPath)
	want := runDownload(t, "convert", "--to", "yaml")
	got, stderr, code := ddat(t, "--data", csvPath, "convert", "--to", "yaml")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if diff := testkit.Diff(want, got); diff != "" {
		t.Errorf("download → CSV → YAML differs from download → YAML (-want +got):\n%s", diff)
	}
	out, _, _ := ddat(t, "--data", csvPath, "validate")
	if strings.Contains(out, "seniority order") {
		t.Errorf("ddat's own CSV gives the level order; validate still infers it:\n%s", out)
	}
}

// TestDownloadDataFlag gives the two files in the ways people do: --data
// twice before or after the command or its arguments, or DDAT_DATA.
func TestDownloadDataFlag(t *testing.T) {
	a, b := downloadFiles[0], downloadFiles[1]
	for _, args := range [][]string{
		{"--data", a, "--data", b, "roles"},
		{"roles", "-d", a, "-d", b},
		{"-d", b, "roles", "-d", a, "-d", b},
		{"show", "chief-widget-officer", "--data", a, "--data", b},
		{"show", "--data", a, "chief-widget-officer", "1", "--data", b},
	} {
		out, stderr, code := ddat(t, args...)
		if code != exitOK || !strings.Contains(out, "Senior Civil Service") || !strings.Contains(out, "Working with others towards a shared goal.") && args[0] == "show" {
			t.Errorf("ddat %q: exit %d, stderr %q; want the framework of both files:\n%s", args, code, stderr, out)
		}
	}
	t.Run("env", func(t *testing.T) {
		t.Setenv("DDAT_DATA", a+","+b)
		out, stderr, code := ddat(t, "validate")
		if code != exitOK || !strings.Contains(out, "skill-descriptions.csv: 0 errors") {
			t.Errorf("exit %d, stderr %q, output:\n%s", code, stderr, out)
		}
	})
	_, stderr, code := ddat(t, "--data", a, "--data", filepath.Join("testdata", "frameworks", "small.yaml"), "roles")
	if code != exitUsage || !strings.Contains(stderr, "only CSV and XLSX files make one framework together") {
		t.Errorf("a CSV and a YAML file: exit %d, stderr %q; want a usage error", code, stderr)
	}
}

// TestDownloadFrameworkName: the download names no framework, so documents
// cite none, rather than a file name, until --framework-name gives one; then
// the profile (text and PDF) and the matrix cite it.
func TestDownloadFrameworkName(t *testing.T) {
	if out := runDownload(t, "show", "widget-engineer"); strings.Contains(out, "From the") {
		t.Errorf("a framework without a name is cited:\n%s", out)
	}
	const name = "Widget Capability Framework"
	if out := runDownload(t, "--framework-name", name, "show", "widget-engineer"); !strings.Contains(out, "From the "+name+".") {
		t.Errorf("show does not cite the --framework-name:\n%s", out)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "p.pdf")
	runDownload(t, "--framework-name", name, "profile", "widget-engineer", "--level", "2", "-o", pdf)
	if text := testkit.PDFText(t, []byte(readFile(t, pdf))); !strings.Contains(strings.Join(strings.Fields(text), " "), "From the "+name+".") {
		t.Errorf("the PDF does not cite the --framework-name:\n%s", text)
	}
	xlsx := filepath.Join(dir, "m.xlsx")
	runDownload(t, "matrix", "-o", xlsx, "--framework-name", name)
	if cells := dumpXLSX(t, xlsx); !strings.Contains(cells, "Skills matrix: "+name) {
		t.Errorf("the matrix does not cite the --framework-name:\n%.600s", cells)
	}
}
