package formats_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/model"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"
)

// TestReadHistoryAndMeta reads the roles' dates and update history and the
// framework's metadata in the forms a person may write them: other
// headings, dates as the role pages print them, a history pasted from a role
// page, values given once rather than on every row, metadata on a row of its
// own.
func TestReadHistoryAndMeta(t *testing.T) {
	const pageHistory = "\"31 July 2023\n\n  • Infrastructure engineer was moved\n    to the IT operations role group.\n\n" +
		"30 August 2022:\n• One change.\n• Another change.\n\n7 January 2020\n\n  • First published.\""
	data := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description," +
		"first published,LAST_UPDATED,Update history,Framework name,License,source,url\n" +
		"Eng,Widget engineer,Makes.,Widget engineer,Makes them.,Widget design,,Working,- design,7 January 2020,31 Jul 2023," + pageHistory + ",,,,\n" +
		"Eng,Widget engineer,,Widget engineer,,Teamwork,,Working,- team,2020-01-07,,,,,,\n" +
		"Eng,Gadget keeper,Keeps.,Gadget keeper,Keeps them.,Teamwork,,Working,,,2024-08-30,\"2024-08-30: Renamed: now gadget keeper.\",,,,\n" +
		",,,,,,,,,,,,Our framework,OGL v3.0,Our intranet,https://example.org/fw\n"
	fw := read(t, "h.csv", data, formats.Options{})
	if want := (model.Meta{Name: "Our framework", Source: "Our intranet", URL: "https://example.org/fw", Licence: "OGL v3.0"}); !cmp.Equal(fw.Meta, want, cmpopts.IgnoreTypes(model.Pos{})) {
		t.Errorf("meta %+v, want %+v", fw.Meta, want)
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	type history struct {
		Published, Updated time.Time
		Updates            []model.Update
	}
	want := []history{
		{day(2020, 1, 7), day(2023, 7, 31), []model.Update{
			{Date: day(2023, 7, 31), Changes: []string{"Infrastructure engineer was moved to the IT operations role group."}},
			{Date: day(2022, 8, 30), Changes: []string{"One change.", "Another change."}},
			{Date: day(2020, 1, 7), Changes: []string{"First published."}},
		}},
		{time.Time{}, day(2024, 8, 30), []model.Update{{Date: day(2024, 8, 30), Changes: []string{"Renamed: now gadget keeper."}}}},
	}
	var got []history
	for _, r := range fw.Roles {
		got = append(got, history{r.Published, r.Updated, r.Updates})
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreTypes(model.Pos{})); diff != "" {
		t.Errorf("dates and histories (-want +got):\n%s", diff)
	}
	// Written back, the history takes the documented form.
	var buf bytes.Buffer
	if err := formats.Write(&buf, fw, formats.FormatCSV); err != nil {
		t.Fatal(err)
	}
	const written = "\"2023-07-31: Infrastructure engineer was moved to the IT operations role group.\r\n\r\n" +
		"2022-08-30:\r\n- One change.\r\n- Another change.\r\n\r\n2020-01-07: First published.\""
	if !strings.Contains(buf.String(), written) {
		t.Errorf("the written CSV lacks the history as\n%s\n%s", written, buf.String())
	}
	if !strings.HasSuffix(strings.SplitN(buf.String(), "\r\n", 2)[0], ",Published,Last Updated,Updates,Framework,Source,Licence,URL") {
		t.Errorf("header %q: want the new columns last", strings.SplitN(buf.String(), "\r\n", 2)[0])
	}
}

// TestWritePlain checks that a framework without metadata, dates or history
// gives a file without those columns: the required ones and the level
// numbers, which keep the order of the levels.
func TestWritePlain(t *testing.T) {
	data := header + row("Eng", "Widget engineer", "Makes.", "Widget engineer", "Makes them.", "Widget design", "", "Working", "- design")
	fw := read(t, "plain.csv", data, formats.Options{})
	fw.Meta = model.Meta{}
	var buf bytes.Buffer
	if err := formats.Write(&buf, fw, formats.FormatCSV); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.SplitN(buf.String(), "\r\n", 2)[0], "\xef\xbb\xbf"+strings.Replace(strings.TrimSuffix(header, "\n"), "Role Level,", "Role Level,Role Level Number,", 1); got != want {
		t.Errorf("header %q, want %q", got, want)
	}
}

// TestReadXLSXDateCells reads dates that a spreadsheet stores as dates (a
// serial number shown in a locale's format, "07-31-23") as well as dates
// typed as text.
func TestReadXLSXDateCells(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	heads := []any{"Role Family", "Role", "Role Description", "Role Level", "Role Level Description", "Skill Name",
		"Skill Description", "Skill Level", "Skill Level Description", "Published", "Last Updated"}
	if err := f.SetSheetRow("Sheet1", "A1", &heads); err != nil {
		t.Fatal(err)
	}
	cells := []any{"Eng", "Widget engineer", "Makes.", "Widget engineer", "Makes them.", "", "", "", "", "", "31 July 2023"}
	if err := f.SetSheetRow("Sheet1", "A2", &cells); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Sheet1", "J2", time.Date(2020, 1, 7, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yy, Excel's default for a typed date
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle("Sheet1", "J2", "J2", style); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	fw, err := formats.Read(&buf, "dates.xlsx", formats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := fw.Roles[0]
	if got, want := r.Published.Format(time.DateOnly)+" "+r.Updated.Format(time.DateOnly), "2020-01-07 2023-07-31"; got != want {
		t.Errorf("published and updated %s, want %s", got, want)
	}
}

// TestDocUpdateHistory reads the update history that docs/flat.md shows, so
// that the documented form stays the one ddat reads and writes.
func TestDocUpdateHistory(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "flat.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Update history\n.*?```\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/flat.md has no example under \"## Update history\"")
	}
	history := strings.TrimSuffix(string(m[1]), "\n")
	data := extra("Updates") + withCells(row("Eng", "Widget engineer", "", "Widget engineer"), `"`+history+`"`)
	fw := read(t, "doc.csv", data, formats.Options{})
	var got []string
	for _, u := range fw.Roles[0].Updates {
		got = append(got, u.Date.Format(time.DateOnly)+": "+strings.Join(u.Changes, " | "))
	}
	want := []string{
		"2024-08-30: The skill level descriptions for 'change management' have been updated.",
		"2022-08-30: The 'problem solving' skill has been renamed 'problem management'. | Another change made the same day.",
		"2020-01-07: First published.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the documented history reads as (-want +got):\n%s", diff)
	}
	var buf bytes.Buffer
	if err := formats.Write(&buf, fw, formats.FormatCSV); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"`+strings.ReplaceAll(history, "\n", "\r\n")+`"`) {
		t.Errorf("the written CSV lacks the documented history as documented:\n%s", buf.String())
	}
}
