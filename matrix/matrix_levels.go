package matrix

import (
	"github.com/xuri/excelize/v2"
)

// levels writes the Role levels sheet: one row per role level, who it is
// (family, role, number, name, type), its grades, then one column per skill
// holding the skill level it needs. It is the Matrix turned on its side, as
// one Excel table, so that the filters on family, role, type and each grade
// pick role levels directly.
func (wb *workbook) levels() error {
	p, st := wb.plan, wb.st
	headers := []string{"Role family", "Role", "Level number", "Role level", "Role type"}
	widths := []float64{14, 18, shortWidth, 22, 12}
	grades := len(p.fw.Grades) > 0
	if grades {
		headers = append(headers, "Lowest grade", "Highest grade")
		widths = append(widths, 9, 9)
	}
	used := usedHeaders(headers...)
	headers, widths = p.gradeColumns(headers, widths, used)
	for _, sk := range p.skills {
		headers = append(headers, uniqueName(sk.name, used, 0))
		widths = append(widths, levelWidth)
	}
	note := "One row per role level, then one column per skill: the skill level the role level needs, blank where it does not need the skill. Filter any column to pick role levels; the Matrix shows the same needs with the skills as rows."
	if grades {
		note += gradeNote
	}
	t := tableSheet{
		sheet: sheetLevels, table: "RoleLevelsTable", headers: headers, widths: widths,
		freeze: 4, titleCols: "$A:$D", rows: len(p.columns),
		title: "Role levels: the skill level each needs, one row per role level",
		note:  note,
	}
	s, err := wb.start(t)
	if err != nil {
		return err
	}
	row := make([]excelize.Cell, 0, len(headers))
	for i := range p.columns {
		c := &p.columns[i]
		row = append(row[:0], str(c.family, st.text), str(c.role.Name, st.text),
			excelize.Cell{Value: c.number, StyleID: st.number}, str(c.name, st.text), str(c.role.Type, st.text))
		if grades {
			lo, hi := c.gradeSpan(p.fw)
			row = append(row, str(lo, st.text), str(hi, st.text))
		}
		row = wb.gradeFlags(row, c)
		for j := range p.skills {
			row = append(row, wb.levelCell(c, p.skills[j].id))
		}
		if err := s.add(row); err != nil {
			return err
		}
	}
	return wb.finish(s, t)
}
