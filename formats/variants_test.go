package formats_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/model"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

func read(t *testing.T, name, data string, opts formats.Options) *model.Framework {
	t.Helper()
	fw, err := formats.Read(strings.NewReader(data), name, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := fw.Validate().Err(); err != nil {
		t.Fatal(err)
	}
	return fw
}

// summary is what the tests check of a framework read from a variant file.
type summary struct {
	Roles  []string // "family/role/level: grades: skill@level, …"
	Texts  []string // role and level summaries and responsibilities
	Skills []string // "skill: description | level: items"
}

func summarise(fw *model.Framework) summary {
	var s summary
	for _, r := range fw.Roles {
		s.Texts = append(s.Texts, r.Summary+" | "+strings.Join(r.Responsibilities, " / "))
		for _, l := range r.Levels {
			var reqs []string
			for _, q := range l.Skills {
				reqs = append(reqs, q.Skill+"@"+q.Level)
			}
			s.Roles = append(s.Roles, r.Family+"/"+r.ID+"/"+l.ID+": "+strings.Join(l.Grades, " ")+": "+strings.Join(reqs, ", "))
			s.Texts = append(s.Texts, l.Summary+" | "+strings.Join(l.Responsibilities, " / "))
		}
	}
	for _, sk := range fw.Skills {
		line := sk.ID + ": " + sk.Description
		for _, l := range fw.SkillLevels {
			if items := sk.Levels[l.ID]; len(items) > 0 {
				line += " | " + l.ID + ": " + strings.Join(items, " / ")
			}
		}
		s.Skills = append(s.Skills, line)
	}
	return s
}

// variantWant is what every variant of the same small sheet reads as.
var variantWant = summary{
	Roles: []string{
		"engineering/widget-engineer/associate: eo heo: widget-design@awareness, teamwork@awareness",
		"engineering/widget-engineer/widget-engineer: heo: widget-design@working",
	},
	Texts: []string{
		"Makes widgets. | make widgets / mend them",
		"Learns; slowly. | make small widgets / ask for help",
		"Makes widgets, well. | ",
	},
	Skills: []string{
		"widget-design: Designing widgets. | awareness: explain what a widget is | working: design a widget / review designs",
		"teamwork:  | awareness: work in a team",
	},
}

func TestReadVariants(t *testing.T) {
	const (
		roleDesc  = "\"Makes widgets.\n\nIn this role, you will:\n- make widgets\n- mend them\""
		levelDesc = "\"Learns; slowly.\n\nAt this role level, you will:\n• make small widgets\n• ask for help\""
	)
	comma := "Role Family,Role,Role Description,Role Level,Role Level Description,Grades,Skill Name,Skill Description,Skill Level,Skill Level Description\n" +
		"Engineering,Widget engineer," + roleDesc + ",Associate widget engineer," + levelDesc + ",EO; HEO,Widget design,Designing widgets.,Awareness,\"You can:\n- explain what a widget is\"\n" +
		"Engineering,Widget engineer," + roleDesc + ",Associate widget engineer," + levelDesc + ",EO; HEO,Teamwork,,awareness,\"You can:\n- work in a team\"\n" +
		"Engineering,Widget engineer,,Widget engineer,\"Makes widgets, well.\",HEO (Higher Executive Officer),Widget design,,WORKING,\"Working is the second of 4 ascending skill levels\n\nYou can:\n- design a widget\n- review designs\"\n"
	tests := []struct {
		name string
		data string
	}{
		{"comma", comma},
		{"byte-order mark", "\xef\xbb\xbf" + comma},
		{"CRLF", strings.ReplaceAll(comma, "\n", "\r\n")},
		{"semicolon", toSeparator(t, comma, ';')},
		{"semicolon with byte-order mark", "\xef\xbb\xbf" + toSeparator(t, comma, ';')},
		{"tab", toSeparator(t, comma, '\t')},
		{"headings in other case, spacing and punctuation", strings.Replace(comma,
			"Role Family,Role,Role Description,Role Level,Role Level Description,Grades,Skill Name,Skill Description,Skill Level,Skill Level Description",
			"ROLE_FAMILY,role,Role description,role-level,Role Level  Description,Grade,Skill name,skill description,Skill Level:,SKILL LEVEL DESCRIPTION", 1)},
		{"columns in another order", reorder(t, comma, []int{9, 8, 7, 6, 5, 4, 3, 2, 1, 0})},
		{"blank lines and an empty row", strings.Replace(comma, "\nEngineering", "\n\n,,,,,,,,,\nEngineering", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summarise(read(t, "variant.csv", tt.data, formats.Options{}))
			if diff := cmp.Diff(variantWant, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	t.Run("xlsx", func(t *testing.T) {
		got := summarise(read(t, "variant.xlsx", string(toXLSX(t, comma, "Other", "Data")), formats.Options{Sheet: "data"}))
		if diff := cmp.Diff(variantWant, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("xlsx with merged cells", func(t *testing.T) {
		recs := records(t, comma)
		for _, r := range recs[2:3] {
			r[0], r[1], r[2], r[3], r[4], r[5] = "", "", "", "", "", ""
		}
		f := excelize.NewFile()
		for i, r := range recs {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
				t.Fatal(err)
			}
		}
		for _, col := range []string{"A", "B", "C", "D", "E", "F"} {
			if err := f.MergeCell("Sheet1", col+"2", col+"3"); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		got := summarise(read(t, "merged.xlsx", buf.String(), formats.Options{}))
		if diff := cmp.Diff(variantWant, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

func records(t *testing.T, data string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func toSeparator(t *testing.T, data string, sep rune) string {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Comma = sep
	if err := w.WriteAll(records(t, data)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func reorder(t *testing.T, data string, order []int) string {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	for _, r := range records(t, data) {
		out := make([]string, len(order))
		for i, j := range order {
			out[i] = r[j]
		}
		if err := w.Write(out); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return b.String()
}

// toXLSX puts a CSV's cells on sheet `on` of a workbook whose first sheet is
// `first` (left empty).
func toXLSX(t *testing.T, data, first, on string) []byte {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", first); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet(on); err != nil {
		t.Fatal(err)
	}
	for i, r := range records(t, data) {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(on, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSXErrors(t *testing.T) {
	const data = header + "Eng,Widget engineer,,Widget engineer,,Widget design,,Expret,\n"
	book := toXLSX(t, data, "Cover", "Framework")
	tests := []struct {
		name, data string
		opts       formats.Options
		want       []string
	}{
		{"unknown sheet", string(book), formats.Options{Sheet: "Roles"}, []string{`book.xlsx: no sheet "Roles"; the workbook has: Cover, Framework`}},
		{"empty first sheet", string(book), formats.Options{}, []string{`sheet "Cover" is empty`}},
		{"error in a cell", string(book), formats.Options{Sheet: "Framework"}, []string{`book.xlsx: row 2, column "Skill Level": unknown skill level "Expret"`}},
		{"not a workbook", "Role,Role Level\n", formats.Options{}, []string{"book.xlsx", "not a readable XLSX workbook"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := formats.Read(strings.NewReader(tt.data), "book.xlsx", tt.opts)
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\nlacks %q", err, w)
				}
			}
		})
	}
}

func TestReadWarnings(t *testing.T) {
	data := "Role Family,Role,Notes,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Grades,\n" +
		"Eng,Widget engineer,anything,,Widget engineer,,Widget design,,Working,,G7 (Grade Seven); SCS1 (Senior Civil Service 1),stray\n"
	fw, err := formats.Read(strings.NewReader(data), "w.csv", formats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fw.Validate() {
		if f.Severity == model.Error {
			t.Errorf("unexpected error: %s", f)
		}
		if strings.Contains(f.Pos.String(), "row") && !strings.HasSuffix(f.Message, " date") {
			got = append(got, f.String())
		}
	}
	want := []string{
		`w.csv: row 1, column "Notes": warning: column "Notes": unknown column, ignored; the layout's columns are Role Family, Role, Role ID, Role Type, Role Description, Role Level, Role Level Number, Role Level Description, Grades, Responsibilities, Skill Name, Skill ID, Skill Description, Skill Level, Skill Level Description, Published, Last Updated, Updates, Framework, Source, Licence, URL`,
		`w.csv: row 2, column "column 12": warning: column 12: a column without a heading; its cells are ignored`,
		`w.csv: row 2, column "Grades": warning: grade "G7": named "Grade Seven" here; the grade is "G7 (Grade 7)"`,
		`w.csv: row 2, column "Skill Name": warning: skill "Widget design" at level working: no description (first needed by Widget engineer)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	l := &fw.Roles[0].Levels[0]
	var labels []string
	for _, g := range fw.LevelGrades(l) {
		labels = append(labels, g.Label())
	}
	if want := []string{"G7 (Grade 7)", "SCS1 (Senior Civil Service 1)"}; !slices.Equal(labels, want) {
		t.Errorf("grades %q, want %q (a new \"code (name)\" joins the catalogue)", labels, want)
	}
	if fw.Meta.Name != "" {
		t.Errorf("framework name %q, want none: the file names none, and a file name is not one", fw.Meta.Name)
	}
}

func TestReadSkillOnlyRows(t *testing.T) {
	data := header +
		"Eng,Widget engineer,,Widget engineer,,,,,\n" +
		",,,,,Unused skill,Nobody needs it.,,\n" +
		",,,,,Widget design,,Expert,\"You can:\n- lead widget design\"\n"
	fw, err := formats.Read(strings.NewReader(data), "s.csv", formats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fw.Roles[0].Levels[0].Skills); n != 0 {
		t.Errorf("level has %d skills, want none", n)
	}
	if s := fw.Skill("Unused skill"); s == nil || s.Description != "Nobody needs it." {
		t.Errorf("skill from a row without a role: %+v", s)
	}
	if s := fw.Skill("Widget design"); s == nil || !slices.Equal(s.Can("expert"), []string{"lead widget design"}) {
		t.Errorf("skill level description from a row without a role: %+v", s)
	}
}

func TestFormulaProtection(t *testing.T) {
	fw := loadYAML(t, "../testdata/flat/four-roles.yaml")
	for i, name := range []string{"=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tTab", "\rCR", "'=quoted", "plain"} {
		fw.Skills[i%len(fw.Skills)].Description = name
		var buf bytes.Buffer
		if err := formats.Write(&buf, fw, formats.FormatCSV); err != nil {
			t.Fatal(err)
		}
		want := "'" + name
		switch name {
		case "plain":
			want = name
		case "\rCR":
			want = "CR" // a lone carriage return is dropped from text
		}
		recs := records(t, strings.TrimPrefix(buf.String(), "\xef\xbb\xbf"))
		col := slices.Index(recs[0], "Skill Description")
		var cell string
		for _, r := range recs[1:] {
			if r[col] == want {
				cell = r[col]
				break
			}
		}
		if cell != want {
			t.Errorf("description %q written as %q, want %q", name, cell, want)
		}
		got, err := formats.Read(&buf, "f.csv", formats.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d := got.Skill(fw.Skills[i%len(fw.Skills)].ID).Description; d != strings.TrimSpace(name) {
			t.Errorf("description %q read back as %q", name, d)
		}
	}
}

func TestXLSXQuotesAndStrayCells(t *testing.T) {
	fw := loadYAML(t, "../testdata/flat/four-roles.yaml")
	for _, desc := range []string{"'=quoted on purpose", "=SUM(A1)", "-1"} {
		fw.Skills[0].Description = desc
		got, _ := roundTrip(t, fw, formats.FormatXLSX)
		if d := got.Skills[0].Description; d != desc {
			t.Errorf("description %q read back from XLSX as %q", desc, d)
		}
	}
	// A CSV protected for spreadsheets, opened and saved as a workbook.
	data := header + "Eng,Widget engineer,'-1 role,Widget engineer,,,,,\n"
	book := toXLSX(t, data, "Sheet", "Sheet2")
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr("Sheet2", "K2", "stray"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := formats.Read(&buf, "saved.xlsx", formats.Options{Sheet: "Sheet2"})
	if err != nil {
		t.Fatal(err)
	}
	if s := got.Roles[0].Summary; s != "-1 role" {
		t.Errorf("summary %q, want the protecting quote taken off", s)
	}
	var warned bool
	for _, f := range got.Validate() {
		warned = warned || f.String() == `saved.xlsx: row 2, column "column 11": warning: column 11: a column without a heading; its cells are ignored`
	}
	if !warned {
		t.Errorf("no warning about the cell past the last heading: %v", got.Validate())
	}
}
