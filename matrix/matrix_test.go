package matrix_test

import (
	"archive/zip"
	"bytes"
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// fixedDate is the creation date of every test workbook. The golden
// workbook is dated by it, independently of the profiles' date.
var fixedDate = time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)

func makeMatrix(t testing.TB, fw *model.Framework, opts matrix.Options) []byte {
	t.Helper()
	if opts.Created.IsZero() {
		opts.Created = fixedDate
	}
	if opts.Creator == "" {
		opts.Creator = "ddat test"
	}
	var buf bytes.Buffer
	if err := matrix.Write(&buf, fw, opts); err != nil {
		t.Fatalf("Matrix: %v", err)
	}
	return buf.Bytes()
}

// TestMatrixGolden compares the default framework's workbook with the golden
// file byte for byte, and its text dump with the golden dump.
func TestMatrixGolden(t *testing.T) {
	fw := fixture.Default(t)
	cases := []struct {
		name string
		opts matrix.Options
	}{
		{"matrix", matrix.Options{PerRole: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := makeMatrix(t, fw, tc.opts)
			dump := dumpWorkbook(t, got)
			testkit.GoldenString(t, tc.name+".txt", dump)
			testkit.Golden(t, tc.name+".xlsx", got)
		})
	}
}

// TestMatrixStable checks that the same input gives the same bytes, and
// that the archive has fixed times and its content types first.
func TestMatrixStable(t *testing.T) {
	fw := synth.Framework(synth.Size{Families: 3, Roles: 12, Skills: 40})
	a := makeMatrix(t, fw, matrix.Options{PerRole: true})
	for range 3 {
		if b := makeMatrix(t, fw, matrix.Options{PerRole: true}); !bytes.Equal(a, b) {
			t.Fatal("two runs gave different bytes")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first entry %q, want [Content_Types].xml", zr.File[0].Name)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: modified %v, want 1980-01-01", f.Name, f.Modified)
		}
	}
}

// sheetGrid reads a sheet's cells.
func sheetGrid(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	return rows
}

func cellAt(rows [][]string, r, c int) string {
	if r < len(rows) && c < len(rows[r]) {
		return rows[r][c]
	}
	return ""
}

// fillAt is the fill colour of the cell at 0-based column c and row r.
func fillAt(t testing.TB, f *excelize.File, sheet string, c, r int) string {
	t.Helper()
	cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || len(st.Fill.Color) == 0 {
		return ""
	}
	return st.Fill.Color[0]
}

// findRow is the index of the row whose cell in column c is v, or -1.
func findRow(rows [][]string, c int, v string) int {
	for i := range rows {
		if cellAt(rows, i, c) == v {
			return i
		}
	}
	return -1
}

// fixedSheets are the sheets every workbook has, in order; role sheets follow.
var fixedSheets = []string{"Cover", "Matrix", "Role levels", "Skills", "Roles", "Data"}

// TestMatrixContent reads the default framework's workbook back and checks,
// for every skill requirement of every role level, the skill level's name in
// the right row and column of the Matrix, its row in Data, and the Skills
// sheet against the framework's texts, gaps said in words.
func TestMatrixContent(t *testing.T) {
	fw := fixture.Default(t)
	f := openWorkbook(t, makeMatrix(t, fw, matrix.Options{PerRole: true}))

	// The role sheets follow the fixed ones, each named after its role
	// (shortened to 31 characters) and titled with its full name.
	sheets := f.GetSheetList()
	n := len(fixedSheets)
	if got, want := strings.Join(sheets[:n], "|"), strings.Join(fixedSheets, "|"); got != want {
		t.Errorf("sheets %q, want %q first", sheets, want)
	}
	if len(sheets) != n+len(fw.Roles) {
		t.Fatalf("%d sheets, want %d", len(sheets), n+len(fw.Roles))
	}
	for i := range fw.Roles {
		name, s := fw.Roles[i].Name, sheets[n+i]
		if s != name && !(strings.HasSuffix(s, "…") && strings.HasPrefix(name, strings.TrimSuffix(s, "…"))) {
			t.Errorf("sheet %q for role %q", s, name)
		}
		if a1, _ := f.GetCellValue(s, "A1"); !strings.HasPrefix(a1, name) {
			t.Errorf("sheet %s: A1 %q, want the role's name", s, a1)
		}
	}

	// Matrix: the header row is the one starting "Skill"; the Role row above
	// names each column's role.
	m := sheetGrid(t, f, "Matrix")
	hdr := findRow(m, 0, "Skill")
	roleRow := findRow(m, 0, "Role")
	if hdr < 0 || roleRow < 0 || roleRow > hdr {
		t.Fatalf("Matrix: header row %d, role row %d", hdr, roleRow)
	}
	column := func(role, title string) int {
		for c := 1; c < len(m[hdr]); c++ {
			if m[hdr][c] == title && cellAt(m, roleRow, c) == role {
				return c
			}
		}
		return -1
	}
	legendFill := legendFills(t, f, fw)
	data := readTable(t, f, "Data")
	if got, want := strings.Join(data.header[:7], "|"), "Role family|Role|Level number|Role level|Skill|Skill level|Skill level number"; got != want {
		t.Errorf("Data header %q, want %q then the grades", got, want)
	}
	checked := 0
	for i := range fw.Roles {
		r := &fw.Roles[i]
		for j := range r.Levels {
			l := &r.Levels[j]
			c := column(r.Name, l.Title)
			if c < 0 {
				t.Errorf("Matrix: no column for %s / %s", r.Name, l.Title)
				continue
			}
			needs := map[string]bool{}
			for _, q := range l.Skills {
				sk := fw.Skill(q.Skill)
				lv := fw.SkillLevel(q.Level)
				if sk == nil || lv == nil {
					t.Fatalf("%s: unresolved requirement %+v", l.Title, q)
				}
				needs[sk.Name] = true
				row := findRow(m, 0, sk.Name)
				if row <= hdr {
					t.Errorf("Matrix: no row for skill %q", sk.Name)
					continue
				}
				if got := cellAt(m, row, c); got != lv.Name {
					t.Errorf("Matrix %s × %s: %q, want %q", sk.Name, l.Title, got, lv.Name)
				}
				if got, want := fillAt(t, f, "Matrix", c, row), legendFill[lv.Name]; got != want || want == "" {
					t.Errorf("Matrix %s × %s: fill %q, want the legend's %q", sk.Name, l.Title, got, want)
				}
				found := 0
				for _, d := range data.rows {
					if data.get(d, "Role level") != l.Title || data.get(d, "Skill") != sk.Name {
						continue
					}
					found++
					want := map[string]string{
						"Role family": fw.Family(r.Family).Name, "Role": r.Name, "Level number": strconv.Itoa(j + 1),
						"Skill level": lv.Name, "Skill level number": strconv.Itoa(fw.SkillLevelIndex(lv.ID) + 1),
					}
					for k, w := range want {
						if got := data.get(d, k); got != w {
							t.Errorf("Data %s × %s %s: %q, want %q", l.Title, sk.Name, k, got, w)
						}
					}
				}
				if found != 1 {
					t.Errorf("Data: %d rows for %s × %s, want 1", found, l.Title, sk.Name)
				}
				checked++
			}
			// Every other cell of the column is blank.
			for row := hdr + 1; row < len(m); row++ {
				if v := cellAt(m, row, c); v != "" && !needs[m[row][0]] {
					t.Errorf("Matrix %s × %s: %q, want blank", m[row][0], l.Title, v)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no requirement checked")
	}
	if got := len(data.rows); got != checked {
		t.Errorf("Data has %d rows, want %d", got, checked)
	}

	// Roles: each role level once, no column twice, its texts.
	roles := readTable(t, f, "Roles")
	wantHeader := []string{"Role family", "Role", "Level number", "Role level"}
	for _, g := range fw.Grades {
		wantHeader = append(wantHeader, g.Short())
	}
	wantHeader = append(wantHeader, "Summary", "Responsibilities")
	if !slices.Equal(roles.header, wantHeader) {
		t.Errorf("Roles header\n got %q\nwant %q", roles.header, wantHeader)
	}
	if len(roles.rows) != fw.LevelCount() {
		t.Errorf("Roles has %d rows, want %d", len(roles.rows), fw.LevelCount())
	}
	for _, row := range roles.rows {
		r, err := fw.Role(roles.get(row, "Role"))
		if err != nil {
			t.Fatal(err)
		}
		l, err := r.Level(roles.get(row, "Level number"))
		if err != nil {
			t.Fatal(err)
		}
		if got := roles.get(row, "Role level"); got != l.Title {
			t.Errorf("Roles %s: role level %q", l.Title, got)
		}
		if got := roles.get(row, "Summary"); got != l.Summary {
			t.Errorf("Roles %s: summary %q, want %q", l.Title, got, l.Summary)
		}
	}

	// Skills: every skill's description and "You can:" lists, and where the
	// framework gives none, a sentence that says so.
	s := readTable(t, f, "Skills")
	for i, l := range fw.SkillLevels {
		if got := s.header[2+i]; got != l.Name {
			t.Errorf("Skills header column %d: %q, want %q", 3+i, got, l.Name)
		}
	}
	gaps := 0
	for i := range fw.Skills {
		sk := &fw.Skills[i]
		row := s.find("Skill", sk.Name)
		if row == nil {
			t.Errorf("Skills: no row for %q", sk.Name)
			continue
		}
		want := cmp.Or(sk.Description, "The framework gives no description for this skill.")
		if got := s.get(row, "Description"); got != want {
			t.Errorf("Skills %s description: %q, want %q", sk.Name, got, want)
		}
		for _, l := range fw.SkillLevels {
			var items []string
			for _, item := range sk.Can(l.ID) {
				items = append(items, "• "+item)
			}
			want := strings.Join(items, "\n")
			if want == "" {
				want = "The framework gives no description for this skill level."
				gaps++
			}
			if got := s.get(row, l.Name); got != want {
				t.Errorf("Skills %s at %s: %q, want %q", sk.Name, l.Name, got, want)
			}
		}
	}
	if gaps == 0 {
		t.Error("the default framework has no undescribed skill level: the gap sentence is untested")
	}
}

// legendFills reads the Matrix's legend row: each skill level's name (and
// "Needed, no level set" when there) and its fill, which must all differ.
func legendFills(t testing.TB, f *excelize.File, fw *model.Framework) map[string]string {
	t.Helper()
	m := sheetGrid(t, f, "Matrix")
	legend := findRow(m, 0, "Skill levels, lowest to highest:")
	if legend < 0 {
		t.Fatal("Matrix: no legend row")
	}
	fills := map[string]string{}
	distinct := map[string]bool{}
	for c := 1; c < len(m[legend]); c++ {
		fill := fillAt(t, f, "Matrix", c, legend)
		fills[m[legend][c]] = fill
		distinct[fill] = true
	}
	for _, l := range fw.SkillLevels {
		if fills[l.Name] == "" {
			t.Errorf("legend lacks %q", l.Name)
		}
	}
	if len(distinct) != len(fills) {
		t.Errorf("legend fills %v, want all different", fills)
	}
	return fills
}

// TestMatrixAccessible checks the spreadsheet accessibility rules: a cover
// sheet first with the title in A1, a title in A1 of every sheet, no merged
// cells, one table per data sheet with unique header names, sheet names of
// at most 31 characters, frozen headers and print titles.
func TestMatrixAccessible(t *testing.T) {
	cases := map[string]*model.Framework{
		"default": fixture.Default(t),
		"synth":   synth.Framework(synth.Size{Families: 2, Roles: 6, Skills: 30}),
	}
	for name, fw := range cases {
		t.Run(name, func(t *testing.T) {
			f := openWorkbook(t, makeMatrix(t, fw, matrix.Options{PerRole: true}))
			sheets := f.GetSheetList()
			if sheets[0] != "Cover" {
				t.Errorf("first sheet %q, want Cover", sheets[0])
			}
			if a1, _ := f.GetCellValue("Cover", "A1"); !strings.Contains(a1, fw.Meta.Name) {
				t.Errorf("Cover A1 %q does not name the framework", a1)
			}
			cover := strings.Join(flatten(sheetGrid(t, f, "Cover")), "\n")
			for _, want := range []string{fw.Meta.Source, fw.Meta.Licence, fw.LastUpdated().Format("2 January 2006"), fixedDate.Format("2 January 2006"), "for information only"} {
				if !strings.Contains(cover, want) {
					t.Errorf("Cover lacks %q", want)
				}
			}
			for _, s := range sheets[1:] {
				if !strings.Contains(cover, s) {
					t.Errorf("Cover contents lack sheet %q", s)
				}
			}
			for _, l := range fw.SkillLevels {
				if !strings.Contains(cover, l.Name) {
					t.Errorf("Cover legend lacks %q", l.Name)
				}
			}
			names := map[string]bool{}
			for _, s := range sheets {
				if len([]rune(s)) > 31 {
					t.Errorf("sheet name %q longer than 31", s)
				}
				if names[strings.ToLower(s)] {
					t.Errorf("sheet name %q twice", s)
				}
				names[strings.ToLower(s)] = true
				if a1, _ := f.GetCellValue(s, "A1"); a1 == "" {
					t.Errorf("sheet %s: A1 empty, want a title", s)
				}
				merged, _ := f.GetMergeCells(s)
				if len(merged) > 0 {
					t.Errorf("sheet %s: %d merged ranges", s, len(merged))
				}
				if s == "Cover" {
					continue
				}
				tables, err := f.GetTables(s)
				if err != nil || len(tables) != 1 {
					t.Errorf("sheet %s: %d tables (%v), want 1", s, len(tables), err)
					continue
				}
				first, _, _ := strings.Cut(tables[0].Range, ":")
				_, hdrRow, _ := excelize.CellNameToCoordinates(first)
				rows := sheetGrid(t, f, s)
				seen := map[string]bool{}
				for _, h := range rows[hdrRow-1] {
					if h == "" || seen[strings.ToLower(h)] {
						t.Errorf("sheet %s: header %q empty or repeated", s, h)
					}
					seen[strings.ToLower(h)] = true
				}
				panes, _ := f.GetPanes(s)
				if !panes.Freeze || panes.YSplit != hdrRow {
					t.Errorf("sheet %s: panes %+v, want header row %d frozen", s, panes, hdrRow)
				}
			}
			titles := 0
			for _, d := range f.GetDefinedName() {
				if d.Name == "_xlnm.Print_Titles" {
					titles++
				}
			}
			if titles != len(sheets)-1 {
				t.Errorf("%d sheets with print titles, want %d", titles, len(sheets)-1)
			}
		})
	}
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// TestMatrixNoFormulas checks that text beginning with =, +, - or @ is
// stored as text: no cell of the workbook has a formula.
func TestMatrixNoFormulas(t *testing.T) {
	evil := []string{"=1+2", "+SUM(A1:A2)", "-3+4", "@HYPERLINK(\"http://example.com\")", "=cmd|'/c calc'!A0"}
	fw := &model.Framework{
		Meta:        model.Meta{Name: evil[0], Source: evil[1], Licence: evil[2]},
		SkillLevels: []model.SkillLevel{{ID: "working", Name: "Working"}},
		Grades:      []model.Grade{{Code: "G7", Name: "Grade 7"}},
		Skills: []model.Skill{{
			Name: evil[1], Description: evil[0],
			Levels: map[string][]string{"working": {evil[3]}},
		}},
		Roles: []model.Role{{
			Name: evil[4], Family: "=Family", Summary: evil[2],
			Levels: []model.RoleLevel{{
				Title: evil[3], Summary: evil[0], Responsibilities: []string{evil[2]}, Grades: []string{"G7"},
				Skills: []model.Requirement{{Skill: evil[1], Level: "working"}},
			}},
		}},
	}
	fw.Build()
	data := makeMatrix(t, fw, matrix.Options{PerRole: true})
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		xml, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(xml, []byte("<f>")) || bytes.Contains(xml, []byte("<f ")) {
			t.Errorf("%s holds a formula", zf.Name)
		}
	}
	f := openWorkbook(t, data)
	all := map[string]bool{}
	for _, s := range f.GetSheetList() {
		for _, v := range flatten(sheetGrid(t, f, s)) {
			all[v] = true
		}
	}
	for _, want := range []string{evil[0], evil[1], evil[3], evil[4], "• " + evil[3], "• " + evil[2]} {
		if !all[want] {
			t.Errorf("no cell holds %q as text", want)
		}
	}
	if v := readTable(t, f, "Skills").rows[0][1]; v != evil[0] {
		t.Errorf("Skills description = %q, want %q", v, evil[0])
	}
}

// TestMatrixSelection checks that only the chosen role levels become
// columns, and that a role sheet holds only its chosen levels.
func TestMatrixSelection(t *testing.T) {
	fw := fixture.Default(t)
	refs, err := fw.Select(model.Selection{Grades: []string{"G7"}})
	if err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, makeMatrix(t, fw, matrix.Options{Levels: refs, PerRole: true}))
	m := sheetGrid(t, f, "Matrix")
	hdr := findRow(m, 0, "Skill")
	var want []string
	for _, r := range refs {
		want = append(want, r.Level.Title)
	}
	if got := m[hdr][1:]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Matrix columns %q, want %q", got, want)
	}
	for _, sheet := range []string{"Roles", "Role levels"} {
		if got := len(readTable(t, f, sheet).rows); got != len(refs) {
			t.Errorf("%s has %d rows, want %d", sheet, got, len(refs))
		}
	}
	// Skills only those needed.
	needed := map[string]bool{}
	for _, r := range refs {
		for _, q := range r.Level.Skills {
			needed[fw.Skill(q.Skill).Name] = true
		}
	}
	if got := len(m) - hdr - 1; got != len(needed) {
		t.Errorf("Matrix has %d skill rows, want %d", got, len(needed))
	}
}

// TestMatrixLongRoleNames checks that role sheet names are cut to 31
// characters without colliding.
func TestMatrixLongRoleNames(t *testing.T) {
	fw := &model.Framework{
		Meta:        model.Meta{Name: "Fixture"},
		SkillLevels: []model.SkillLevel{{ID: "working", Name: "Working"}},
		Skills:      []model.Skill{{Name: "Teamwork"}},
	}
	for _, n := range []string{
		"Principal data engineering specialist: platforms",
		"Principal data engineering specialist: pipelines",
		"Principal data engineering specialist [other]",
		"Matrix",
	} {
		fw.Roles = append(fw.Roles, model.Role{Name: n, Family: "Data", Levels: []model.RoleLevel{
			{Title: "Level one", Skills: []model.Requirement{{Skill: "Teamwork", Level: "working"}}},
		}})
	}
	fw.Build()
	f := openWorkbook(t, makeMatrix(t, fw, matrix.Options{PerRole: true}))
	got := f.GetSheetList()[len(fixedSheets):]
	want := []string{"Principal data engineering…", "Principal data engineering… (2)", "Principal data engineering… (3)", "Matrix (2)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("role sheets %q, want %q", got, want)
	}
	// The shared level title is made unique with the role's name.
	m := sheetGrid(t, f, "Matrix")
	hdr := m[findRow(m, 0, "Skill")]
	if hdr[1] != "Level one (Principal data engineering specialist: platforms)" {
		t.Errorf("Matrix header %q", hdr[1])
	}
}

func TestMatrixEmpty(t *testing.T) {
	fw := fixture.Default(t)
	if err := matrix.Write(io.Discard, fw, matrix.Options{Levels: []model.LevelRef{}}); err == nil {
		t.Error("Matrix with no role levels: no error")
	}
}
