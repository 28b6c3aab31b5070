package export

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// tableSheet is a sheet that holds one Excel table under a title and a note.
type tableSheet struct {
	sheet   string
	table   string
	title   string
	note    string
	headers []string
	widths  []float64
	freeze  int // columns kept in view beside the header
}

// tableHeaderRow is the row of a table sheet's header: title, note, header.
const tableHeaderRow = 3

// start writes a table sheet's title, note and header row and returns the
// stream to add the data rows to.
func (wb *workbook) start(t tableSheet) (*sheetStream, error) {
	s, err := newSheetStream(wb.f, t.sheet, t.widths, sheetSetup{freezeCols: t.freeze, freezeRows: tableHeaderRow, titleRows: "$" + itoa(tableHeaderRow) + ":$" + itoa(tableHeaderRow), styles: wb.st})
	if err != nil {
		return nil, err
	}
	if err := s.line(t.title, wb.st.title, titleHeight); err != nil {
		return nil, err
	}
	if err := s.line(t.note, 0, lineHeight); err != nil {
		return nil, err
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
	if err := s.table(t.table, tableHeaderRow, len(t.headers), "TableStyleMedium2"); err != nil {
		return err
	}
	return s.flush()
}

// skills writes the Skills sheet: each skill of the matrix, its
// description, its "You can:" list at each skill level and the role levels
// that need it.
func (wb *workbook) skills() error {
	lay, st := wb.lay, wb.st
	headers := []string{"Skill", "Description"}
	used := map[string]bool{"skill": true, "description": true, "role levels that need it": true}
	widths := []float64{nameWidth - 8, textWidth - 20}
	for i, l := range lay.fw.SkillLevels {
		// A table header cell must not be empty.
		name := cmp.Or(strings.TrimSpace(l.Name), l.ID, "Level "+strconv.Itoa(i+1))
		headers = append(headers, uniqueName(name, used, 0))
		widths = append(widths, textWidth-15)
	}
	headers = append(headers, "Role levels that need it")
	widths = append(widths, nameWidth+16)
	t := tableSheet{
		sheet: sheetSkills, table: "SkillsTable", headers: headers, widths: widths, freeze: 1,
		title: "Skills: what you can do at each skill level",
		note:  "One row per skill in the matrix. Under each skill level, what a person at that level can do. The last column lists the role levels that need the skill, with the level they need.",
	}
	s, err := wb.start(t)
	if err != nil {
		return err
	}
	needs := make([][]string, len(lay.skills))
	index := make(map[string]int, len(lay.skills))
	for i := range lay.skills {
		index[lay.skills[i].id] = i
	}
	for _, c := range lay.columns {
		for _, q := range c.level.Skills {
			i := index[q.Skill]
			needs[i] = append(needs[i], c.name+" ("+lay.levelName(q.Level)+")")
		}
	}
	row := make([]excelize.Cell, 0, len(headers))
	for i, sk := range lay.skills {
		row = append(row[:0], str(sk.name, st.text))
		desc := ""
		if sk.skill != nil {
			desc = sk.skill.Description
		}
		row = append(row, str(desc, st.text))
		for _, l := range lay.fw.SkillLevels {
			var items []string
			if sk.skill != nil {
				items = sk.skill.Can(l.ID)
			}
			row = append(row, str(bullets(items), st.text))
		}
		row = append(row, str(needsCell(needs[i]), st.text))
		if err := s.add(row); err != nil {
			return err
		}
	}
	return wb.finish(s, t)
}

// roles writes the Roles sheet: one row per role level of the matrix.
func (wb *workbook) roles() error {
	lay, st := wb.lay, wb.st
	t := tableSheet{
		sheet: sheetRoles, table: "RolesTable", freeze: 0,
		headers: []string{"Role family", "Role", "Role level", "Level order", "Title", "Grades (for information only)", "Summary", "Responsibilities"},
		widths:  []float64{18, 24, 30, shortWidth, 30, 16, textWidth, textWidth + 10},
		title:   "Roles: each role level's summary and responsibilities",
		note:    "One row per role level in the matrix, grouped by role family and role. Level order counts a role's levels from its most junior.",
	}
	s, err := wb.start(t)
	if err != nil {
		return err
	}
	for _, c := range lay.columns {
		err := s.add([]excelize.Cell{
			str(c.family, st.text), str(c.role.Name, st.text), str(c.name, st.text),
			{Value: c.number, StyleID: st.number}, str(c.level.Title, st.text), str(c.grades, st.text),
			str(c.level.Summary, st.text), str(bullets(c.level.Responsibilities), st.text),
		})
		if err != nil {
			return err
		}
	}
	return wb.finish(s, t)
}

// data writes the Data sheet: one row per role level and skill it needs,
// the long format pivot tables want.
func (wb *workbook) data() error {
	lay, st := wb.lay, wb.st
	t := tableSheet{
		sheet: sheetData, table: "DataTable", freeze: 0,
		headers: []string{"Role family", "Role", "Role level", "Level order", "Grades", "Skill", "Skill level", "Skill level number"},
		widths:  []float64{18, 24, 30, shortWidth, 30, nameWidth + 8, 14, 13},
		title:   "Data: one row per role level and skill, for pivot tables",
		note:    "Skill level number counts the skill levels from 1, the lowest (" + lay.levelNames() + "). Grades are for information only.",
	}
	s, err := wb.start(t)
	if err != nil {
		return err
	}
	names := make(map[string]string, len(lay.skills))
	for _, sk := range lay.skills {
		names[sk.id] = sk.name
	}
	row := make([]excelize.Cell, 0, len(t.headers))
	for _, c := range lay.columns {
		for _, q := range c.level.Skills {
			n := any(nil)
			if i := lay.fw.SkillLevelIndex(q.Level); i >= 0 {
				n = i + 1
			}
			row = append(row[:0],
				str(c.family, st.text), str(c.role.Name, st.text), str(c.name, st.text),
				excelize.Cell{Value: c.number, StyleID: st.number}, str(c.grades, st.text),
				str(names[q.Skill], st.text), str(lay.levelName(q.Level), st.text),
				excelize.Cell{Value: n, StyleID: st.number})
			if err := s.add(row); err != nil {
				return err
			}
		}
	}
	return wb.finish(s, t)
}

// levelNames lists the skill levels, lowest first: "1 Awareness, 2 Working…".
func (lay *matrixLayout) levelNames() string {
	parts := make([]string, len(lay.fw.SkillLevels))
	for i, l := range lay.fw.SkillLevels {
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
