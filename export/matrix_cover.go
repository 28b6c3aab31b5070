package export

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// gradesNote is the cover's caution about grades.
const gradesNote = "Grades are for information only. They show the Civil Service job grades a role level is often performed at; organisations may map role levels to grades differently."

// cover writes the Cover sheet, first in the workbook: what the workbook is,
// where its data comes from, when it was made, its contents with links, and
// the legend of skill level colours. It is small, so it is written cell by
// cell.
func (wb *workbook) cover() error {
	f, st, lay := wb.f, wb.st, wb.lay
	fw := lay.fw
	const sheet = sheetCover
	roles := map[string]bool{}
	for _, c := range lay.columns {
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
	type line struct {
		a, b   string
		aStyle int
		bStyle int
		link   string // sheet that column A links to
	}
	lines := []line{
		{a: "Skills matrix: " + frameworkName(fw), aStyle: st.title},
		{a: "The skills each role level needs and at what skill level, to compare roles and plan a workforce.", aStyle: -1},
		{},
		{a: "Source", b: source},
		{a: "Licence", b: fw.Meta.Licence},
		{a: "Framework last updated", b: updated},
		{a: "Workbook created", b: wb.opts.Created.Format("2 January 2006")},
		{a: "Role levels", b: count(len(lay.columns), "role level") + " of " + count(len(roles), "role")},
		{a: "Skills", b: count(len(lay.skills), "skill")},
		{a: "Grades", b: gradesNote},
		{},
		{a: "Contents", aStyle: st.title},
		{a: "Sheet", b: "What it holds", aStyle: st.header, bStyle: st.header},
		{a: sheetMatrix, link: sheetMatrix, b: "One row per skill and one column per role level, grouped by role family and role: the skill level each role level needs, coloured by level. Blank where a role level does not need the skill."},
		{a: sheetSkills, link: sheetSkills, b: "Each skill, its description, what you can do at each skill level, and the role levels that need it."},
		{a: sheetRoles, link: sheetRoles, b: "Each role level: role family, role, title, grades, summary and responsibilities."},
		{a: sheetData, link: sheetData, b: "One row per role level and skill it needs, in long format for pivot tables, sorting and filters."},
	}
	for _, rs := range lay.roles {
		lines = append(lines, line{a: rs.sheet, link: rs.sheet, b: rs.role.Name + ": its skills across its role levels (progression)."})
	}
	lines = append(lines, line{}, line{a: "Skill levels", aStyle: st.title},
		line{a: "Level", b: "Meaning", aStyle: st.header, bStyle: st.header})
	for i, l := range fw.SkillLevels {
		lines = append(lines, line{a: l.Name, aStyle: st.levels[i], b: fw.LevelPhrase(l.ID) + "."})
	}
	lines = append(lines, line{a: "Colours", b: "Each skill level's colour is a step darker than the one below it, and every coloured cell names its level, so no meaning rests on colour alone."})

	widths := []float64{36, 100}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return fmt.Errorf("sheet %s: %w", sheet, err)
		}
	}
	var titleRows []int
	for i, l := range lines {
		r := i + 1
		if l.a == "" && l.b == "" {
			continue
		}
		if l.aStyle == st.title {
			titleRows = append(titleRows, r)
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
			return fmt.Errorf("sheet %s: %w", sheet, err)
		}
		if aStyle > 0 {
			if err := f.SetCellStyle(sheet, a, a, aStyle); err != nil {
				return fmt.Errorf("sheet %s: %w", sheet, err)
			}
		}
		if l.link != "" {
			tip := "Go to sheet " + l.link
			if err := f.SetCellHyperLink(sheet, a, quoteSheet(l.link)+"!A1", "Location", excelize.HyperlinkOpts{Tooltip: &tip}); err != nil {
				return fmt.Errorf("sheet %s: %w", sheet, err)
			}
		}
		if l.b != "" {
			if err := f.SetCellStr(sheet, b, l.b); err != nil {
				return fmt.Errorf("sheet %s: %w", sheet, err)
			}
			if err := f.SetCellStyle(sheet, b, b, bStyle); err != nil {
				return fmt.Errorf("sheet %s: %w", sheet, err)
			}
			if h := float64(max(wrappedLines(l.b, widths[1], false), wrappedLines(l.a, widths[0], true))) * lineHeight; h > lineHeight {
				if err := f.SetRowHeight(sheet, r, h); err != nil {
					return fmt.Errorf("sheet %s: %w", sheet, err)
				}
			}
		}
	}
	for _, r := range titleRows {
		if err := f.SetRowHeight(sheet, r, titleHeight); err != nil {
			return fmt.Errorf("sheet %s: %w", sheet, err)
		}
	}
	portrait, one, zero, fit := "portrait", 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &portrait, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
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
