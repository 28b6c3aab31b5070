package matrix

import (
	"github.com/xuri/excelize/v2"
)

// gridLabel is a plain row above a grid's table header: a label in the
// skill column and one value per role level column.
type gridLabel struct {
	label string
	bold  bool
	value func(c *levelColumn) string
}

// grid is a sheet of skills (rows) against role levels (columns): the Matrix
// and each role's progression.
type grid struct {
	sheet   string
	table   string
	title   string
	labels  []gridLabel
	columns []int // indexes into the plan's columns
}

// gradesLabel is the label row of a grid that gives each role level's grades.
var gradesLabel = gridLabel{"Grades (for information only)", false, func(c *levelColumn) string { return c.gradeText }}

// matrix writes the Matrix sheet: every selected role level.
func (wb *workbook) matrix() error {
	cols := make([]int, len(wb.plan.columns))
	for i := range cols {
		cols[i] = i
	}
	labels := []gridLabel{
		{"Role family", true, func(c *levelColumn) string { return c.family }},
		{"Role", false, func(c *levelColumn) string { return c.role.Name }},
	}
	if wb.plan.hasTypes() {
		labels = append(labels, gridLabel{"Role type", false, func(c *levelColumn) string { return c.role.Type }})
	}
	return wb.grid(grid{
		sheet:   sheetMatrix,
		table:   "MatrixTable",
		title:   "Skills matrix: the skill level each role level needs",
		labels:  append(labels, gradesLabel),
		columns: cols,
	})
}

// progression writes one role's sheet: its skills across its levels.
func (wb *workbook) progression(rs *roleSheet) error {
	return wb.grid(grid{
		sheet:   rs.sheet,
		table:   rs.table,
		title:   rs.role.Name + ": skills by role level",
		labels:  []gridLabel{gradesLabel},
		columns: rs.columns,
	})
}

// grid writes a skills × role levels sheet: title, legend, the label rows,
// then a table whose header names the role levels and whose cells hold the
// skill level needed, filled with the level's colour; blank where a role
// level does not need the skill. Only skills some column needs get a row.
func (wb *workbook) grid(g grid) error {
	p, st := wb.plan, wb.st
	var skills []*skillRow
	for i := range p.skills {
		if p.needs(g.columns, p.skills[i].id) {
			skills = append(skills, &p.skills[i])
		}
	}
	names := make([]string, 0, len(skills)+len(g.labels)+1)
	names = append(names, "Skill")
	for _, l := range g.labels {
		names = append(names, l.label)
	}
	for _, s := range skills {
		names = append(names, s.name)
	}
	widths := []float64{fitWidth(20, nameWidth+10, names...)}
	legend := wb.legend("Skill levels, lowest to highest:")
	// The legend may reach past the role level columns.
	for range max(len(g.columns), len(legend)-1) {
		widths = append(widths, levelWidth)
	}
	header := 3 + len(g.labels) // title, legend, labels, header
	s, err := newSheetStream(wb.f, g.sheet, widths, sheetSetup{
		rows: header + max(len(skills), 1), freezeCols: 1, freezeRows: header,
		titleRows: "$1:$" + itoa(header), titleCols: "$A:$A", paper: wb.paper, styles: st,
	})
	if err != nil {
		return err
	}
	if err := s.line(g.title, st.title, titleHeight); err != nil {
		return err
	}
	if err := s.add(legend); err != nil {
		return err
	}
	for _, l := range g.labels {
		row := []excelize.Cell{str(l.label, st.bold)}
		style := st.text
		if l.bold {
			style = st.bold
		}
		for _, c := range g.columns {
			row = append(row, str(l.value(&p.columns[c]), style))
		}
		if err := s.add(row); err != nil {
			return err
		}
	}
	row := []excelize.Cell{str("Skill", st.header)}
	for _, c := range g.columns {
		row = append(row, str(p.columns[c].name, st.header))
	}
	if err := s.add(row); err != nil {
		return err
	}
	for _, sk := range skills {
		row = row[:0]
		row = append(row, str(sk.name, st.text))
		for _, c := range g.columns {
			row = append(row, wb.levelCell(&p.columns[c], sk.id))
		}
		if err := s.add(row); err != nil {
			return err
		}
	}
	if err := s.table(g.table, header, len(g.columns)+1, "TableStyleLight1"); err != nil {
		return err
	}
	return s.flush()
}

// legend is a row naming each skill level in its colour, after a label,
// then, if some role level needs a skill without a level, the cell that
// says so.
func (wb *workbook) legend(label string) []excelize.Cell {
	row := []excelize.Cell{str(label, wb.st.bold)}
	for i, l := range wb.plan.fw.SkillLevels {
		row = append(row, str(l.Name, wb.st.levels[i]))
	}
	if wb.plan.noLevel {
		row = append(row, str(noLevel, wb.st.noLevel))
	}
	return row
}

// levelCell is the cell of role level c for skill id: the name of the
// skill level it needs in the level's colour, noLevel in the neutral fill
// when it needs the skill at no level, or an empty cell.
func (wb *workbook) levelCell(c *levelColumn, id string) excelize.Cell {
	level, ok := c.need[id]
	switch {
	case !ok:
		return excelize.Cell{}
	case level == "":
		return str(noLevel, wb.st.noLevel)
	}
	if i := wb.plan.fw.SkillLevelIndex(level); i >= 0 && i < len(wb.st.levels) {
		return str(wb.plan.fw.SkillLevels[i].Name, wb.st.levels[i])
	}
	return str(level, wb.st.text)
}
