package formats_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/model"
)

const header = "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description\n"

// row is a CSV row of the nine required columns.
func row(cells ...string) string {
	for len(cells) < 9 {
		cells = append(cells, "")
	}
	return strings.Join(cells, ",") + "\n"
}

// problem loads a CSV file and returns its first error: the load error, else
// the first validation error; "" when there is none.
func problem(t *testing.T, name, data string) string {
	t.Helper()
	fw, err := formats.Read(strings.NewReader(data), name, formats.Options{})
	if err != nil {
		var le *model.LoadError
		if !errors.As(err, &le) {
			t.Errorf("error %v is not a *model.LoadError", err)
		}
		return err.Error()
	}
	for _, f := range fw.Validate() {
		if f.Severity == model.Error {
			return f.String()
		}
	}
	return ""
}

// extra is the header with more columns after the nine required ones.
func extra(headings ...string) string {
	return strings.TrimSuffix(header, "\n") + "," + strings.Join(headings, ",") + "\n"
}

// withCells is a row with more cells after its nine.
func withCells(row string, cells ...string) string {
	return strings.TrimSuffix(row, "\n") + "," + strings.Join(cells, ",") + "\n"
}

func TestReadMalformed(t *testing.T) {
	ok := row("Eng", "Widget engineer", "Makes widgets.", "Widget engineer", "Makes them.", "Widget design", "", "Working", "\"You can:\n- design\"")
	tests := []struct {
		name, data string
		want       []string // all in the message
	}{
		{"empty file", "", []string{"f.csv:1:", "empty", "header row"}},
		{"only a byte-order mark and blank lines", "\xef\xbb\xbf\n\n", []string{"f.csv", "empty"}},
		{"header only", header, []string{`row 2, column "Role Family"`, "no rows after the header"}},
		{"header and blank lines only", header + ",,,,,,,,\n\n", []string{"row 2", "no rows after the header"}},
		{"missing column", strings.Replace(header, ",Skill Level,", ",", 1) + "a,b,c,d,e,f,g,h\n",
			[]string{`row 1, column "Skill Level"`, `lacks the column "Skill Level"`, "found: Role Family, Role,"}},
		{"two missing columns", "Role,Role Level\nx,y\n", []string{"row 1", `"Role Family", "Role Description"`, "found: Role, Role Level"}},
		{"duplicate column", strings.TrimSuffix(header, "\n") + ",role level\n" + strings.TrimSuffix(ok, "\n") + ",x\n",
			[]string{`row 1, column "role level"`, `a second "Role Level" column`}},
		{"conflicting role description", header + ok +
			row("Eng", "Widget engineer", "Makes gadgets.", "Widget engineer", "", "Teamwork", "", "Working"),
			[]string{`row 3, column "Role Description"`, "role \"Widget engineer\"", `"Makes gadgets." differs from "Makes widgets." at row 2`}},
		{"conflicting role family", header + ok + row("Ops", "Widget engineer", "", "Widget engineer", "", "Teamwork", "", "Working"),
			[]string{`row 3, column "Role Family"`, "at row 2"}},
		{"conflicting level description", header + ok + row("Eng", "Widget engineer", "", "Widget engineer", "Makes others.", "Teamwork", "", "Working"),
			[]string{`row 3, column "Role Level Description"`, "at row 2"}},
		{"conflicting skill description", header +
			row("Eng", "Widget engineer", "", "Widget engineer", "", "Teamwork", "Working together.", "Working") +
			row("Eng", "Gadget keeper", "", "Gadget keeper", "", "Teamwork", "Working apart.", "Working"),
			[]string{`row 3, column "Skill Description"`, `differs from "Working together." at row 2`}},
		{"conflicting skill level description", header + ok +
			row("Eng", "Gadget keeper", "", "Gadget keeper", "", "Widget design", "", "working", `"You can:`+"\n"+`- design differently"`),
			[]string{`row 3, column "Skill Level Description"`, `skill "Widget design" at level working`, `described differently here and at f.csv: row 2, column "Skill Level Description"`}},
		{"unknown level name", header + row("Eng", "Widget engineer", "", "Widget engineer", "", "Widget design", "", "Expret"),
			[]string{`row 2, column "Skill Level"`, `unknown skill level "Expret"`, "Awareness, Working, Practitioner, Expert"}},
		{"skill without level", header + row("Eng", "Widget engineer", "", "Widget engineer", "", "Widget design"),
			[]string{`row 2, column "Skill Level"`, "empty"}},
		{"level without skill", header + row("Eng", "Widget engineer", "", "Widget engineer", "", "", "", "Working"),
			[]string{`row 2, column "Skill Name"`, "gives a Skill Level"}},
		{"role without level", header + row("Eng", "Widget engineer", "", "", "", "Widget design", "", "Working"),
			[]string{`row 2, column "Role Level"`, "empty"}},
		{"level without role", header + row("Eng", "", "", "Widget engineer", "", "Widget design", "", "Working"),
			[]string{`row 2, column "Role"`, "gives a Role Family"}},
		{"ragged row, too few cells", header + ok + "Eng,Widget engineer,x\n", []string{`row 3, column "Role Level"`, "3 cells and the header 9"}},
		{"ragged row, too many cells", header + strings.TrimSuffix(ok, "\n") + ",extra\n", []string{`row 2, column "column 10"`, "10 cells and the header 9"}},
		{"ragged row after a blank line", header + "\n" + ok + "\n\nEng,x\n", []string{`row 6, column "Role Description"`}},
		{"ragged row after a multi-line cell", header + ok + "Eng,x\n", []string{`row 3, column "Role Description"`}},
		{"invalid UTF-8 in a cell", header + row("Eng", "Widget engineer", "Makes \xff widgets", "Widget engineer", "", "", "", ""),
			[]string{`row 2, column "Role Description"`, "invalid UTF-8", "0xff", "character 7"}},
		{"invalid UTF-8 in the header", "Role \xc3Family" + header[len("Role Family"):] + ok, []string{`row 1, column "column 1"`, "invalid UTF-8"}},
		{"a workbook", "PK\x03\x04\x14\x00", []string{"f.csv: this is a workbook", "--format xlsx"}},
		{"UTF-16", "\xff\xfeR\x00o\x00", []string{"f.csv", "UTF-16", "CSV UTF-8"}},
		{"bare quote", header + `Eng,Widget "engineer,x` + "\n", []string{"row 2", "bare \" in non-quoted-field"}},
		{"unclosed quote", header + `Eng,"Widget engineer,x` + "\n", []string{"row 2", "extraneous or missing \" in quoted-field"}},
		{"responsibilities twice", strings.TrimSuffix(header, "\n") + ",Responsibilities\n" +
			strings.TrimSuffix(row("Eng", "Widget engineer", "", "Widget engineer", `"Makes.`+"\n"+`- one"`, "", "", ""), "\n") + ",- two\n",
			[]string{`row 2, column "Responsibilities"`, "both here and as a list in the Role Level Description at row 2"}},
		{"unknown grade", strings.TrimSuffix(header, "\n") + ",Grades\n" +
			strings.TrimSuffix(row("Eng", "Widget engineer", "", "Widget engineer", "", "", "", ""), "\n") + ",HE0\n",
			[]string{`row 2, column "Role Level"`, `unknown grade "HE0"`}},
		{"conflicting grades", strings.TrimSuffix(header, "\n") + ",Grades\n" +
			strings.TrimSuffix(ok, "\n") + ",EO; HEO\n" +
			strings.TrimSuffix(row("Eng", "Widget engineer", "", "Widget engineer", "", "Teamwork", "", "Working"), "\n") + ",EO\n",
			[]string{`row 3, column "Grades"`, `"EO" differs from "EO; HEO" at row 2`}},
		{"bad publication date", extra("Published") + withCells(ok, "2023-13-01"),
			[]string{`f.csv: row 2, column "Published"`, `"2023-13-01" is not a date`, "YYYY-MM-DD (e.g. 2023-07-31)", "31 July 2023"}},
		{"bad last-updated date", extra("Published", "Last updated") + withCells(ok, "2021-01-01", "31/07/2023"),
			[]string{`row 2, column "Last updated"`, `"31/07/2023" is not a date`, "YYYY-MM-DD"}},
		{"bad date in the update history", extra("Updates") + withCells(ok, `"2023-07-31: Moved.`+"\n\n"+`2023-02-30: Renamed."`),
			[]string{`row 2, column "Updates"`, `"2023-02-30" is not a valid date`, "YYYY-MM-DD"}},
		{"update history without dates", extra("Updates") + withCells(ok, "Moved to IT operations."),
			[]string{`row 2, column "Updates"`, `"Moved to IT operations." comes before any date`, `"2023-07-31: First published."`}},
		{"conflicting publication dates", extra("Published") + withCells(ok, "2021-01-01") +
			withCells(row("Eng", "Widget engineer", "", "Widget engineer", "", "Teamwork", "", "Working"), "2 January 2021"),
			[]string{`row 3, column "Published"`, `role "Widget engineer"`, `"2 January 2021" differs from "2021-01-01" at row 2`}},
		{"conflicting last-updated dates", extra("Last Updated") + withCells(ok, "2021-01-01") +
			withCells(row("Eng", "Widget engineer", "", "Widget engineer", "", "Teamwork", "", "Working"), "2022-01-01"),
			[]string{`row 3, column "Last Updated"`, `"2022-01-01" differs from "2021-01-01" at row 2`}},
		{"conflicting update histories", extra("Updates") + withCells(ok, "2021-01-01: First published.") +
			withCells(row("Eng", "Widget engineer", "", "Widget engineer", "", "Teamwork", "", "Working"), "2021-01-02: First published."),
			[]string{`row 3, column "Updates"`, `role "Widget engineer"`, "at row 2"}},
		{"conflicting framework names", extra("Framework") + withCells(ok, "Our framework") +
			withCells(row("Eng", "Widget engineer", "", "Widget engineer", "", "Teamwork", "", "Working"), "Their framework"),
			[]string{`row 3, column "Framework"`, "framework:", `"Their framework" differs from "Our framework" at row 2`}},
		{"conflicting licence on a skill row", extra("License") + withCells(ok, "OGL v3.0") +
			withCells(row("", "", "", "", "", "Teamwork", "", "Working", "- work together"), "CC BY 4.0"),
			[]string{`row 3, column "License"`, `"CC BY 4.0" differs from "OGL v3.0" at row 2`}},
		{"conflicting source on a metadata row", extra("Source") + withCells(ok, "GOV.UK") + withCells(row(), "Intranet"),
			[]string{`row 3, column "Source"`, `"Intranet" differs from "GOV.UK" at row 2`}},
		{"role date without a role", extra("Published") + withCells(row("", "", "", "", "", "Teamwork", "", "Working"), "2021-01-01"),
			[]string{`row 2, column "Role"`, "gives a Published"}},
		{"skill listed twice in a level", header + ok + row("Eng", "Widget engineer", "Makes widgets.", "Widget engineer", "Makes them.", "Widget design", "", "Expert"),
			[]string{`row 3, column "Skill Name"`, "listed twice", "first at f.csv: row 2"}},
		{"level number not a number", extra("Role Level Number") + withCells(ok, "first"),
			[]string{`row 2, column "Role Level Number"`, `"first" is not a level number`}},
		{"level number twice", extra("Role Level Number") + withCells(ok, "1") +
			withCells(row("Eng", "Widget engineer", "", "Senior widget engineer", "", "Teamwork", "", "Working"), "1"),
			[]string{`row 3, column "Role Level Number"`, `Role Level Number 1 is also given to level "Widget engineer" at f.csv: row 2`}},
		{"level number on some levels", extra("Role Level Number") + withCells(ok, "1") +
			withCells(row("Eng", "Widget engineer", "", "Senior widget engineer", "", "Teamwork", "", "Working"), ""),
			[]string{`row 3, column "Role Level"`, "no Role Level Number, but other levels of the role have one"}},
		{"own list outside Senior Civil Service", extra("Role Type") + withCells(row("Eng", "Widget engineer", "", "Widget engineer", "", "Teamwork", "You can: work", "NOT IN USE"), "Digital"),
			[]string{`row 2, column "Skill Level"`, "empty; the level of skill"}},
		{"text before a skill level's list", header +
			row("Eng", "Widget engineer", "", "Widget engineer", "", "Widget design", "", "Working", "\"Some words.\n\nYou can:\n- design\""),
			[]string{`row 2, column "Skill Level Description"`, `text before the list: "Some words."`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problem(t, "f.csv", tt.data)
			if got == "" {
				t.Fatalf("no error; want one with %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("error %q\nlacks %q", got, w)
				}
			}
		})
	}
}
