package formats

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/internal/csvrows"
	"github.com/ddat-tools/ddat/model"
)

// sheetKind is what a sheet holds, told by its header.
type sheetKind int

const (
	// sheetRoles is role content: one row per role level and skill.
	sheetRoles sheetKind = iota
	// sheetSkills is skill descriptions, as the framework's download has
	// them: one row per skill, with a column for each skill level's "You
	// can:" list.
	sheetSkills
)

// rolesThatRequire is the heading of the skill descriptions download's last
// column, which ddat derives from the roles and so ignores.
const rolesThatRequire = "Roles that require Skill"

// sheet is one file's table being merged: its header, what each column is,
// and what its rows have shown so far.
type sheet struct {
	name        string
	kind        sheetKind
	header      row
	rows        []row // after the header
	cols        [numColumns]int
	levelCols   []levelCol // sheetSkills: the column of each skill level
	ragged      bool       // a CSV row must have as many cells as the header
	unnamed     map[int]bool
	warnings    []model.Finding  // about the header
	placeholder []bool           // the cells of the row being read that held a placeholder
	seed        maphash.Seed     // of the hashes in firsts
	firsts      map[uint64][]int // a hash of a row's cells → the indexes in rows of the rows that have them
	repeats     [][2]int         // a row that repeats an earlier one exactly, and that row
}

// levelCol is the column of a skill level in a sheet of skill descriptions.
type levelCol struct {
	i     int
	level string // skill level id
}

// newSheet finds the header of a file's table and what its columns are.
func newSheet(in flatInput) (*sheet, error) {
	rows := in.t.rows
	for len(rows) > 0 && blank(rows[0].cells) {
		rows = rows[1:]
	}
	if len(rows) == 0 {
		return nil, loadErr(in.name, 1, "", "the file is empty; expected a header row naming the columns (%s)", strings.Join(requiredHeadings(), ", "))
	}
	s := &sheet{name: in.name, header: rows[0], rows: rows[1:], ragged: in.t.ragged, unnamed: map[int]bool{}, seed: maphash.MakeSeed(), firsts: map[uint64][]int{}}
	if err := s.columns(); err != nil {
		return nil, err
	}
	return s, nil
}

// columns maps the header row's headings to the known columns, and tells
// role content from skill descriptions: a sheet with a Skill Name column and
// a column for a skill level but no Role column holds skill descriptions.
func (s *sheet) columns() error {
	h := s.header
	for i := range s.cols {
		s.cols[i] = -1
	}
	if err := checkUTF8(s.name, h, func(i int) string { return fmt.Sprintf("column %d", i+1) }); err != nil {
		return err
	}
	levelHeadings := 0
	named := map[column]bool{}
	for _, heading := range h.cells {
		if c, ok := columnOf(heading); ok {
			named[c] = true
		} else if skillLevelID(heading) != "" {
			levelHeadings++
		}
	}
	if !named[colRole] && named[colSkillName] && levelHeadings > 0 {
		s.kind = sheetSkills
	}
	var found []string
	for i, heading := range h.cells {
		heading = strings.TrimSpace(normaliseSpace(heading))
		if heading == "" {
			s.unnamed[i] = false
			continue
		}
		found = append(found, heading)
		c, ok := columnOf(heading)
		if s.kind == sheetSkills {
			if level := skillLevelID(heading); !ok && level != "" {
				for _, lc := range s.levelCols {
					if lc.level == level {
						return loadErr(s.name, h.num, heading, "a second %q column (the first is column %d); keep one", heading, lc.i+1)
					}
				}
				s.levelCols = append(s.levelCols, levelCol{i: i, level: level})
				continue
			}
			if csvrows.HeadingKey(heading) == csvrows.HeadingKey(rolesThatRequire) {
				continue // derived from the roles
			}
			if ok && c != colSkillName && c != colSkillID && c != colSkillDescription {
				ok = false
			}
		}
		if !ok {
			expected := "the layout's columns are " + strings.Join(headings[:], ", ")
			if s.kind == sheetSkills {
				expected = "a file of skill descriptions has the columns Skill Name, Skill ID, Skill Description, " + levelNames() + " and " + rolesThatRequire
			}
			s.warnings = append(s.warnings, model.Finding{Severity: model.Warning, Pos: s.pos(h.num, i),
				Subject: "column " + quote(heading), Message: "unknown column, ignored; " + expected})
			continue
		}
		if j := s.cols[c]; j >= 0 {
			return loadErr(s.name, h.num, heading, "a second %q column (the first is %q, column %d); keep one", headings[c], h.cells[j], j+1)
		}
		s.cols[c] = i
	}
	if s.kind == sheetSkills {
		return nil
	}
	var missing []string
	for _, c := range required {
		if s.cols[c] < 0 {
			missing = append(missing, quote(headings[c]))
		}
	}
	if len(missing) > 0 {
		col := "column"
		if len(missing) > 1 {
			col = "columns"
		}
		return loadErr(s.name, h.num, strings.Trim(missing[0], `"`), "the header row lacks the %s %s; found: %s",
			col, strings.Join(missing, ", "), strings.Join(found, ", "))
	}
	return nil
}

func (s *sheet) heading(i int) string {
	if i >= 0 && i < len(s.header.cells) && strings.TrimSpace(s.header.cells[i]) != "" {
		return strings.TrimSpace(normaliseSpace(s.header.cells[i]))
	}
	return fmt.Sprintf("column %d", i+1)
}

func (s *sheet) pos(num, i int) model.Pos {
	return model.Pos{File: s.name, Line: num, Column: s.heading(i)}
}

// at is the position of column c in row r.
func (s *sheet) at(r row, c column) model.Pos { return s.pos(r.num, s.cols[c]) }

func (s *sheet) errAt(r row, c column, format string, args ...any) error {
	return &model.LoadError{Pos: s.at(r, c), Msg: fmt.Sprintf(format, args...)}
}

// cell returns the cells of row r by column, as prelude cleaned them.
func (s *sheet) cell(r row) func(column) string {
	return func(c column) string {
		if i := s.cols[c]; i >= 0 && i < len(r.cells) {
			return r.cells[i]
		}
		return ""
	}
}

// wasPlaceholder reports whether the cell of column c in the row being read
// held a placeholder.
func (s *sheet) wasPlaceholder(c column) bool {
	i := s.cols[c]
	return i >= 0 && i < len(s.placeholder) && s.placeholder[i]
}

func (s *sheet) raggedErr(r row) error {
	n, h := len(r.cells), len(s.header.cells)
	if n < h {
		return loadErr(s.name, r.num, s.heading(n), "the row has %d cells and the header %d: this cell and the ones after it are missing (check the quotes and separators)", n, h)
	}
	return loadErr(s.name, r.num, fmt.Sprintf("column %d", h+1), "the row has %d cells and the header %d: cells past the last heading (check the quotes and separators)", n, h)
}

// prelude checks the shape of the row rows[i] and returns it with its cells
// cleaned (see cleanCell). It reports whether the row repeats an earlier row
// exactly, as the framework's download does a few times: such a row is
// skipped, and counted in one notice.
func (m *merger) prelude(i int) (clean row, skip bool, err error) {
	r := m.rows[i]
	if err := checkUTF8(m.name, r, m.heading); err != nil {
		return row{}, false, err
	}
	if m.ragged && len(r.cells) != len(m.header.cells) {
		return row{}, false, m.raggedErr(r)
	}
	for i := len(m.header.cells); i < len(r.cells); i++ {
		if _, ok := m.unnamed[i]; !ok {
			m.unnamed[i] = false // an XLSX cell past the last heading
		}
	}
	for i := range m.unnamed {
		if !m.unnamed[i] && i < len(r.cells) && strings.TrimSpace(r.cells[i]) != "" {
			m.unnamed[i] = true
			m.found = append(m.found, model.Finding{Severity: model.Warning, Pos: m.pos(r.num, i),
				Subject: fmt.Sprintf("column %d", i+1), Message: "a column without a heading; its cells are ignored"})
		}
	}
	// A hash finds the candidates, which are then compared cell by cell:
	// the rows' text is not copied into keys.
	var h maphash.Hash
	h.SetSeed(m.seed)
	for _, c := range r.cells {
		h.WriteString(c)
		h.WriteByte(0)
	}
	key := h.Sum64()
	for _, j := range m.firsts[key] {
		if slices.Equal(m.rows[j].cells, r.cells) {
			m.repeats = append(m.repeats, [2]int{r.num, m.rows[j].num})
			return row{}, true, nil
		}
	}
	m.firsts[key] = append(m.firsts[key], i)
	m.placeholder = m.placeholder[:0]
	clean = row{num: r.num, cells: make([]string, len(r.cells))}
	for i, c := range r.cells {
		c = strings.TrimSpace(normaliseSpace(c))
		ph := isPlaceholder(c)
		if ph {
			c = ""
		}
		clean.cells[i] = c
		m.placeholder = append(m.placeholder, ph)
	}
	return clean, false, nil
}

// repeated is the one notice of the rows of the sheet that repeat an
// earlier row exactly.
func (m *merger) repeated() {
	n := len(m.repeats)
	if n == 0 {
		return
	}
	const shown = 10
	var parts []string
	for _, rp := range m.repeats[:min(n, shown)] {
		parts = append(parts, fmt.Sprintf("row %d (as row %d)", rp[0], rp[1]))
	}
	if n > shown {
		parts = append(parts, fmt.Sprintf("and %d more", n-shown))
	}
	what := "1 row repeats an earlier row exactly and was"
	if n > 1 {
		what = fmt.Sprintf("%d rows repeat an earlier row exactly and were", n)
	}
	m.found = append(m.found, model.Finding{Severity: model.Warning, Pos: model.Pos{File: m.name},
		Subject: "repeated rows", Message: what + " read once: " + strings.Join(parts, ", ")})
}

// skillRow reads a row of skill descriptions: a skill's description and its
// "You can:" list at each skill level.
func (m *merger) skillRow(r row) error {
	cell := m.cell(r)
	name := cell(colSkillName)
	if name == "" {
		if c := cell(colSkillDescription); c != "" {
			return m.errAt(r, colSkillName, "empty, but the row gives a %s; name the skill it is about", headings[colSkillDescription])
		}
		for _, lc := range m.levelCols {
			if lc.i < len(r.cells) && r.cells[lc.i] != "" {
				return m.errAt(r, colSkillName, "empty, but the row gives the %s description; name the skill it is about", m.heading(lc.i))
			}
		}
		return nil
	}
	sa := m.skillAcc(r, name)
	if v := cell(colSkillID); m.agree(&sa.id, v, r, colSkillID, sa.subject, sameName) {
		m.fw.Skills[sa.i].ID = v
	}
	m.skillDescription(r, sa, cell(colSkillDescription))
	for _, lc := range m.levelCols {
		if lc.i < len(r.cells) {
			m.describe(r, lc.i, sa, lc.level, r.cells[lc.i])
		}
	}
	return nil
}
