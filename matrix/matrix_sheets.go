package matrix

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// tableSheet is a sheet that holds one Excel table under a title and a note.
type tableSheet struct {
	sheet     string
	table     string
	title     string
	note      string
	headers   []string
	widths    []float64
	freeze    int    // columns kept in view beside the header
	titleCols string // columns repeated on every printed page, e.g. "$A:$D"
	rows      int    // data rows under the header
}

// maxNoteWidth is the widest a line of a note runs, in units of column
// width: what one landscape page holds at 100%.
const maxNoteWidth = 135.0

// start writes a table sheet's title, note and header row and returns the
// stream to add the data rows to. The note is broken into lines that stay
// within the sheet's width, and its first page's.
func (wb *workbook) start(t tableSheet) (*sheetStream, error) {
	total := 0.0
	for _, w := range t.widths {
		total += w
	}
	note := breakLines(t.note, min(total, maxNoteWidth))
	header := 2 + len(note)
	s, err := newSheetStream(wb.f, t.sheet, t.widths, sheetSetup{
		rows: header + max(t.rows, 1), freezeCols: t.freeze, freezeRows: header,
		titleRows: "$" + itoa(header) + ":$" + itoa(header), titleCols: t.titleCols, paper: wb.paper, styles: wb.st,
	})
	if err != nil {
		return nil, err
	}
	if err := s.line(t.title, wb.st.title, titleHeight); err != nil {
		return nil, err
	}
	for _, l := range note {
		if err := s.line(l, wb.st.plain, lineHeight); err != nil {
			return nil, err
		}
	}
	row := make([]excelize.Cell, len(t.headers))
	for i, h := range t.headers {
		row[i] = str(h, wb.st.header)
	}
	if err := s.add(row); err != nil {
		return nil, err
	}
	return s, nil
}

// finish makes the rows under the header a table and ends the sheet.
func (wb *workbook) finish(s *sheetStream, t tableSheet) error {
	if err := s.table(t.table, s.row-t.rows, len(t.headers), "TableStyleMedium2"); err != nil {
		return err
	}
	return s.flush()
}

// undescribed is what the Skills sheet says where the framework describes
// a skill at a skill level with no text, as the profiles say it.
const (
	undescribed      = "The framework gives no description for this skill level."
	undescribedSkill = "The framework gives no description for this skill."
)

// skills writes the Skills sheet: each skill of the matrix, its
// description, its "You can:" list at each skill level and the role levels
// that need it. Where the framework gives no text, the cell says so.
func (wb *workbook) skills() error {
	p, st := wb.plan, wb.st
	headers := []string{"Skill", "Description"}
	used := map[string]bool{"skill": true, "description": true, "role levels that need it": true}
	widths := []float64{20, 22}
	// The levels share what is left of a printed page.
	level := min(max((pageUnits-20-22-26)/float64(max(len(p.fw.SkillLevels), 1)), 14), textWidth)
	for i, l := range p.fw.SkillLevels {
		// A table header cell must not be empty.
		name := cmp.Or(strings.TrimSpace(l.Name), l.ID, "Level "+strconv.Itoa(i+1))
		headers = append(headers, uniqueName(name, used, 0))
		widths = append(widths, level)
	}
	headers = append(headers, "Role levels that need it")
	widths = append(widths, 26)
	t := tableSheet{
		sheet: sheetSkills, table: "SkillsTable", headers: headers, widths: widths, freeze: 1, titleCols: "$A:$A", rows: len(p.skills),
		title: "Skills: what you can do at each skill level",
		note:  "One row per skill in the matrix. Under each skill level, what a person at that level can do. The last column lists the role levels that need the skill, with the level they need.",
	}
	s, err := wb.start(t)
	if err != nil {
		return err
	}
	needs := make([][]string, len(p.skills))
	index := make(map[string]int, len(p.skills))
	for i := range p.skills {
		index[p.skills[i].id] = i
	}
	for _, c := range p.columns {
		for _, q := range c.level.Skills {
			i := index[q.Skill]
			needs[i] = append(needs[i], c.name+" ("+p.levelName(q.Level)+")")
		}
	}
	row := make([]excelize.Cell, 0, len(headers))
	for i, sk := range p.skills {
		row = append(row[:0], str(sk.name, st.text))
		desc := ""
		if sk.skill != nil {
			desc = sk.skill.Description
		}
		row = append(row, str(cmp.Or(desc, undescribedSkill), st.text))
		for _, l := range p.fw.SkillLevels {
			var items []string
			if sk.skill != nil {
				items = sk.skill.Can(l.ID)
			}
			row = append(row, str(cmp.Or(bullets(items), undescribed), st.text))
		}
		row = append(row, str(needsCell(needs[i]), st.text))
		if err := s.add(row); err != nil {
			return err
		}
	}
	return wb.finish(s, t)
}

// gradeColumns adds a header and width per grade of the framework to
// headers and widths, the header the grade's short form made unique among
// used.
func (p *plan) gradeColumns(headers []string, widths []float64, used map[string]bool) ([]string, []float64) {
	for i := range p.fw.Grades {
		name := p.fw.Grades[i].Short()
		headers = append(headers, uniqueName(cmp.Or(name, "Grade "+itoa(i+1)), used, 0))
		// Wide enough for the longest word of a grade without a code.
		longest := 0
		for _, w := range strings.Fields(name) {
			longest = max(longest, utf8.RuneCountInString(w))
		}
		widths = append(widths, min(max(5, float64(longest)+1), 14))
	}
	return headers, widths
}

// gradeFlags appends to row, for each grade of the framework, 1 when c is
// performed at it and 0 when not: numbers that filter and that a pivot
// table sums into a count of role levels.
func (wb *workbook) gradeFlags(row []excelize.Cell, c *levelColumn) []excelize.Cell {
	for i := range wb.plan.fw.Grades {
		n := 0
		if c.atGrade(i) {
			n = 1
		}
		row = append(row, excelize.Cell{Value: n, StyleID: wb.st.flag})
	}
	return row
}

// gradeNote is what the sheets with grade columns say of them.
const gradeNote = " Under each grade, 1 where the role level is often performed at that grade and 0 where not: filter a grade's column to 1 to list its role levels."

// usedHeaders is a set of table headers, compared as Excel compares them,
// without case.
func usedHeaders(headers ...string) map[string]bool {
	used := make(map[string]bool, len(headers))
	for _, h := range headers {
		used[strings.ToLower(h)] = true
	}
	return used
}

// roles writes the Roles sheet: one row per role level of the matrix, its
// grades and its texts.
func (wb *workbook) roles() error {
	p, st := wb.plan, wb.st
	headers := []string{"Role family", "Role", "Level number", "Role level"}
	widths := []float64{12, 15, shortWidth, 18}
	headers, widths = p.gradeColumns(headers, widths, usedHeaders(append(headers, "Summary", "Responsibilities")...))
	// The texts share what is left of a printed page.
	used := 0.0
	for _, w := range widths {
		used += w
	}
	text := min(max((pageUnits-used)/2, 24), textWidth)
	headers = append(headers, "Summary", "Responsibilities")
	widths = append(widths, text, text)
	note := "One row per role level in the matrix, grouped by role family and role. Level number counts a role's levels from its most junior."
	if len(p.fw.Grades) > 0 {
		note += gradeNote
	}
	t := tableSheet{
		sheet: sheetRoles, table: "RolesTable", headers: headers, widths: widths, rows: len(p.columns),
		title: "Roles: each role level's summary and responsibilities",
		note:  note,
	}
	s, err := wb.start(t)
	if err != nil {
		return err
	}
	row := make([]excelize.Cell, 0, len(headers))
	for i := range p.columns {
		c := &p.columns[i]
		row = append(row[:0], str(c.family, st.text), str(c.role.Name, st.text), excelize.Cell{Value: c.number, StyleID: st.number}, str(c.name, st.text))
		row = wb.gradeFlags(row, c)
		row = append(row, str(c.level.Summary, st.text), str(bullets(c.level.Responsibilities), st.text))
		if err := s.add(row); err != nil {
			return err
		}
	}
	return wb.finish(s, t)
}

// data writes the Data sheet: one row per role level and skill it needs,
// the long format pivot tables want, with the level's grades as columns.
func (wb *workbook) data() error {
	p, st := wb.plan, wb.st
	headers := []string{"Role family", "Role", "Level number", "Role level", "Skill", "Skill level", "Skill level number"}
	widths := []float64{14, 18, shortWidth, 22, 26, levelWidth, 8}
	headers, widths = p.gradeColumns(headers, widths, usedHeaders(headers...))
	rows := 0
	for _, c := range p.columns {
		rows += len(c.level.Skills)
	}
	note := "Skill level number counts the skill levels from 1, the lowest (" + p.levelNames() + ")."
	if p.noLevel {
		note += " Skill level and its number are blank where a skill is needed without a level."
	}
	if len(p.fw.Grades) > 0 {
		note += gradeNote + " For a pivot table of skills by grade, see the Cover."
	}
	t := tableSheet{
		sheet: sheetData, table: "DataTable", headers: headers, widths: widths, rows: rows,
		title: "Data: one row per role level and skill, for pivot tables",
		note:  note,
	}
	s, err := wb.start(t)
	if err != nil {
		return err
	}
	names := make(map[string]string, len(p.skills))
	for _, sk := range p.skills {
		names[sk.id] = sk.name
	}
	row := make([]excelize.Cell, 0, len(t.headers))
	for i := range p.columns {
		c := &p.columns[i]
		for _, q := range c.level.Skills {
			n := any(nil)
			if i := p.fw.SkillLevelIndex(q.Level); i >= 0 {
				n = i + 1
			}
			level := p.levelName(q.Level)
			if q.Level == "" {
				level = "" // data for a pivot table: no level, not a label
			}
			row = append(row[:0],
				str(c.family, st.text), str(c.role.Name, st.text),
				excelize.Cell{Value: c.number, StyleID: st.number}, str(c.name, st.text),
				str(names[q.Skill], st.text), str(level, st.text),
				excelize.Cell{Value: n, StyleID: st.number})
			row = wb.gradeFlags(row, c)
			if err := s.add(row); err != nil {
				return err
			}
		}
	}
	return wb.finish(s, t)
}

// levelNames lists the skill levels, lowest first: "1 Awareness, 2 Working…".
func (p *plan) levelNames() string {
	parts := make([]string, len(p.fw.SkillLevels))
	for i, l := range p.fw.SkillLevels {
		parts[i] = strconv.Itoa(i+1) + " " + l.Name
	}
	return strings.Join(parts, ", ")
}

// bullets writes list items one per line, each after a bullet.
func bullets(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("• " + it)
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

// frameworkName is the framework's name for titles, or a generic one.
func frameworkName(fw *model.Framework) string {
	if fw.Meta.Name != "" {
		return fw.Meta.Name
	}
	return "capability framework"
}

// needsCell lists the role levels that need a skill, one a line, within
// what a cell holds: when a skill is needed by so many that the list would
// not fit, it ends by saying how many more there are, which the Matrix and
// Data sheets list.
func needsCell(lines []string) string {
	const room = model.MaxCellText - 100 // for the closing line
	var b strings.Builder
	used := 0
	for i, l := range lines {
		n := model.CellTextLen(l) + 1
		if used+n > room {
			fmt.Fprintf(&b, "\n… and %d more role levels: see the Matrix or Data sheet", len(lines)-i)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
		used += n
	}
	return b.String()
}
