package matrix

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// gradesNote is the cover's caution about grades.
const gradesNote = "Grades are for information only. They show the Civil Service job grades a role level is often performed at; organisations may map role levels to grades differently."

// Texts of the cover's section on grades as data.
const (
	gradeFilterHelp = "The Role levels, Roles and Data sheets have a column for each grade, headed by its code: 1 where the role level is often performed at that grade, 0 where not. To list the role levels of one grade, filter its column to 1 with the arrow in its header."
	gradePivotHelp  = "Click in the Data table, insert a PivotTable, put Skill in Rows and the grade columns in Values, summarised by Sum. Each sum is the number of role levels at that grade that need the skill; with one grade in Values, put Skill level in Columns to split it by level. A role level performed at two grades counts once under each of them and never twice under one, so compare the grade columns side by side: do not add them together."
)

// coverLine is a row of the cover: a label or heading in column A, text in
// column B.
type coverLine struct {
	a, b   string
	aStyle int
	bStyle int
	link   string // sheet that column A links to
}

// cover writes the Cover sheet, first in the workbook: what the workbook is,
// where its data comes from, which role levels it holds and when it was
// made, its contents with links, how to use grades, and the legend of skill
// level colours. It is small, so it is written cell by cell.
func (wb *workbook) cover() error {
	st, p := wb.st, wb.plan
	fw := p.fw
	const sheet = sheetCover
	roles := map[string]bool{}
	for _, c := range p.columns {
		roles[c.role.ID] = true
	}
	updated := "not stated"
	if t := fw.LastUpdated(); !t.IsZero() {
		updated = t.Format("2 January 2006")
	}
	source := fw.Meta.Source
	if fw.Meta.URL != "" {
		source += " " + fw.Meta.URL
	}
	filters := "None: the whole framework"
	switch sel := wb.opts.Selection; {
	case !sel.IsZero():
		filters = "Role levels of " + sel.String()
	case len(p.columns) < fw.LevelCount():
		filters = "Some role levels, chosen without filters"
	}
	grades := gradesNote
	if len(fw.Grades) == 0 {
		grades = "The framework gives no grades."
	}
	lines := []coverLine{
		{a: "Skills matrix: " + frameworkName(fw), aStyle: st.title},
		{a: "The skills each role level needs and at what skill level, to compare roles and plan a workforce.", aStyle: st.plain},
		{},
		{a: "Source", b: source},
		{a: "Licence", b: fw.Meta.Licence},
		{a: "Framework last updated", b: updated},
		{a: "Workbook created", b: wb.opts.Created.Format("2 January 2006")},
		{a: "Filters", b: filters},
		{a: "Role levels", b: count(len(p.columns), "role level") + " of " + count(len(roles), "role")},
		{a: "Skills", b: count(len(p.skills), "skill")},
		{a: "Grades", b: grades},
		{},
		{a: "Contents", aStyle: st.title},
		{a: "Sheet", b: "What it holds", aStyle: st.header, bStyle: st.header},
		{a: sheetMatrix, link: sheetMatrix, b: "One row per skill and one column per role level, grouped by role family and role: the skill level each role level needs, coloured by level. Blank where a role level does not need the skill. For reading and printing."},
		{a: sheetLevels, link: sheetLevels, b: "One row per role level: its family, role, level number, type, lowest and highest grade, a column per grade, then a column per skill with the skill level it needs. For filtering by family, role or grade."},
		{a: sheetSkills, link: sheetSkills, b: "Each skill, its description, what you can do at each skill level, and the role levels that need it."},
		{a: sheetRoles, link: sheetRoles, b: "Each role level: role family, role, grades, summary and responsibilities."},
		{a: sheetData, link: sheetData, b: "One row per role level and skill it needs, with the role level's grades, in long format for pivot tables, sorting and filters."},
	}
	for _, rs := range p.roles {
		lines = append(lines, coverLine{a: rs.sheet, link: rs.sheet, b: rs.role.Name + ": its skills across its role levels (progression)."})
	}
	if len(fw.Grades) > 0 {
		lines = append(lines, coverLine{}, coverLine{a: "Grades as data", aStyle: st.title},
			coverLine{a: "Filter by grade", b: gradeFilterHelp},
			coverLine{a: "Skills by grade", b: gradePivotHelp})
	}
	lines = append(lines, coverLine{}, coverLine{a: "Skill levels", aStyle: st.title},
		coverLine{a: "Level", b: "Meaning", aStyle: st.header, bStyle: st.header})
	for i, l := range fw.SkillLevels {
		lines = append(lines, coverLine{a: l.Name, aStyle: st.levels[i], b: fw.LevelPhrase(l.ID) + "."})
	}
	if p.noLevel {
		lines = append(lines, coverLine{a: noLevel, aStyle: st.noLevel, b: "The role level needs the skill, but the framework sets no skill level for it, as for Senior Civil Service roles. Grey with a dashed border, apart from the levels' blues."})
	}
	lines = append(lines, coverLine{a: "Colours", b: "Each skill level's colour is a step darker than the one below it, and every coloured cell names its level, so no meaning rests on colour alone."})
	if err := wb.writeCover(sheet, lines); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	return nil
}

// writeCover writes the cover's lines, sizes its rows to their wrapped text
// and sets how it prints.
func (wb *workbook) writeCover(sheet string, lines []coverLine) error {
	f, st := wb.f, wb.st
	widths := []float64{26, 68}
	if err := setPrint(f, sheet, printSetup{paper: wb.paper, widths: widths}); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sheet, usedRange(len(widths), len(lines))); err != nil {
		return err
	}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	for i, l := range lines {
		r := i + 1
		if l.a == "" && l.b == "" {
			continue
		}
		aStyle, bStyle := l.aStyle, l.bStyle
		if aStyle == 0 {
			aStyle = st.bold
		}
		if bStyle == 0 {
			bStyle = st.text
		}
		if l.link != "" {
			aStyle = st.link
		}
		a, b := "A"+strconv.Itoa(r), "B"+strconv.Itoa(r)
		if err := errors.Join(checkCell(sheet, 1, r, l.a), checkCell(sheet, 2, r, l.b)); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, a, l.a); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, a, a, aStyle); err != nil {
			return err
		}
		if l.link != "" {
			tip := "Go to sheet " + l.link
			if err := f.SetCellHyperLink(sheet, a, quoteSheet(l.link)+"!A1", "Location", excelize.HyperlinkOpts{Tooltip: &tip}); err != nil {
				return err
			}
		}
		height := lineHeight
		switch {
		case aStyle == st.title:
			height = titleHeight
		case l.b != "":
			if err := f.SetCellStr(sheet, b, l.b); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, b, b, bStyle); err != nil {
				return err
			}
			height = float64(max(wrappedLines(l.b, widths[1], bStyle == st.header), wrappedLines(l.a, widths[0], true))) * lineHeight
		}
		if err := f.SetRowHeight(sheet, r, height); err != nil {
			return err
		}
	}
	return nil
}

// count is "1 skill" or "3 skills".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
