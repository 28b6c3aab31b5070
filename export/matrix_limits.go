package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// checkCellTexts returns a *model.CellTextError, at its place in the
// framework, for the first text of the framework that the workbook would
// put in one cell and that is longer than a cell holds: excelize would cut
// it without a word. The texts ddat composes from many role levels are kept
// within a cell where they are made (see needsCell); sheetStream.add checks
// every cell once more.
func (lay *matrixLayout) checkCellTexts() error {
	fw := lay.fw
	type text struct{ field, s string }
	check := func(pos model.Pos, subject string, texts ...text) error {
		for _, t := range texts {
			if err := model.CheckCellText(t.s, pos, subject, t.field); err != nil {
				return err
			}
		}
		return nil
	}
	m := fw.Meta
	if err := check(m.Pos, "framework", text{"the name", "Skills matrix: " + m.Name}, text{"the source and URL", m.Source + " " + m.URL}, text{"the licence", m.Licence}); err != nil {
		return err
	}
	for _, l := range fw.SkillLevels {
		if err := check(l.Pos, "skill level "+strconv.Quote(l.ID), text{"the name", l.Name}); err != nil {
			return err
		}
	}
	for _, c := range lay.columns {
		r, l := c.role, c.level
		if err := check(r.Pos, "role "+strconv.Quote(r.Name), text{"the family", c.family}, text{"the name", r.Name}); err != nil {
			return err
		}
		err := check(l.Pos, fmt.Sprintf("role %q, level %d", r.Name, c.number),
			text{"the title", l.Title}, text{"the column name", c.name}, text{"the grades", c.grades},
			text{"the summary", l.Summary}, text{"the responsibilities", bullets(l.Responsibilities)})
		if err != nil {
			return err
		}
	}
	for _, sk := range lay.skills {
		if sk.skill == nil {
			if err := check(model.Pos{}, "skill "+strconv.Quote(sk.name), text{"the name", sk.name}); err != nil {
				return err
			}
			continue
		}
		s := sk.skill
		subject := "skill " + strconv.Quote(s.Name)
		if err := check(s.Pos, subject, text{"the name", sk.name}, text{"the description", s.Description}); err != nil {
			return err
		}
		for _, l := range fw.SkillLevels {
			pos := s.Pos
			if p, ok := s.LevelPos[l.ID]; ok && p.IsValid() {
				pos = p
			}
			if err := check(pos, subject, text{"the " + l.ID + ` "You can:" list`, bullets(s.Can(l.ID))}); err != nil {
				return err
			}
		}
	}
	return nil
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

// checkCell refuses a text longer than a cell holds, naming the sheet and
// the cell: the last guard that nothing is cut without a word.
func checkCell(sheet string, col, row int, v any) error {
	s, ok := v.(string)
	if !ok || len(s) <= model.MaxCellText {
		return nil
	}
	if n := model.CellTextLen(s); n > model.MaxCellText {
		cell, _ := excelize.CoordinatesToCellName(col, row)
		return fmt.Errorf("sheet %s cell %s: a text of %d characters; a spreadsheet cell holds at most %d, and ddat does not cut text", sheet, cell, n, model.MaxCellText)
	}
	return nil
}
