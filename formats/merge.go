package formats

import (
	"fmt"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// merger turns the rows of a sheet into a framework: a role, a role level
// and a skill are created by the first row that names them, and the rows
// after it must repeat the same values or leave the cell empty.
type merger struct {
	name    string
	fw      *model.Framework
	header  row
	cols    [numColumns]int // index of each known column in a row; -1 if absent
	ragged  bool            // a CSV row must have as many cells as the header
	unnamed map[int]bool    // columns without a heading, warned about once
	roles   map[string]*roleAcc
	skills  map[string]*skillAcc
	grades  []model.Grade
	descs   []description
	found   []model.Finding
	keys    map[string]string // fold of the names seen, to spare the work on every row
	levels  map[string]string // skill level id of each Skill Level cell seen
	meta    [4]seen           // Framework, Source, Licence, URL
}

// seen is a value repeated on many rows: the first non-empty one, and its row.
type seen struct {
	raw string
	row int
}

type roleAcc struct {
	i                     int    // index in fw.Roles
	subject               string // for findings
	family, desc, typ, id seen
	published, updated    seen
	updates               seen
	levels                map[string]*levelAcc
}

type levelAcc struct {
	i                    int    // index in the role's Levels
	subject              string // for findings
	desc, grades, resp   seen
	descItems, respItems bool
}

type skillAcc struct {
	i        int    // index in fw.Skills
	subject  string // for findings
	id, desc seen
	texts    map[string]bool // skill level id + "\x00" + each raw "Skill Level Description" given
}

// description is a skill-level description to give to the built framework.
type description struct {
	skill, level string
	items        []string
	pos          model.Pos
}

func merge(t *table, name string) (*model.Framework, error) {
	m := &merger{
		name:    name,
		fw:      &model.Framework{Meta: model.Meta{Name: frameworkName(name), Pos: model.Pos{File: name}}},
		roles:   map[string]*roleAcc{},
		skills:  map[string]*skillAcc{},
		grades:  StandardGrades(),
		unnamed: map[int]bool{},
		ragged:  t.ragged,
		keys:    map[string]string{},
		levels:  map[string]string{},
	}
	m.fw.SkillLevels = StandardSkillLevels()
	rows := t.rows
	for len(rows) > 0 && blank(rows[0].cells) {
		rows = rows[1:]
	}
	if len(rows) == 0 {
		return nil, loadErr(name, 1, "", "the file is empty; expected a header row naming the columns (%s)", strings.Join(requiredHeadings(), ", "))
	}
	m.header, rows = rows[0], rows[1:]
	if err := m.columns(); err != nil {
		return nil, err
	}
	data := 0
	for _, r := range rows {
		if blank(r.cells) {
			continue
		}
		data++
		if err := m.row(r); err != nil {
			return nil, err
		}
	}
	if data == 0 {
		return nil, loadErr(name, m.header.num+1, m.heading(0), "no rows after the header; expected one row per role level and skill")
	}
	m.fw.Grades = m.grades
	m.fw.Build()
	for _, d := range m.descs {
		m.fw.Describe(d.skill, d.level, d.items, d.pos)
	}
	for _, f := range m.found {
		m.fw.Report(f)
	}
	return m.fw, nil
}

// columns maps the header row's headings to the known columns.
func (m *merger) columns() error {
	h := m.header
	for i := range m.cols {
		m.cols[i] = -1
	}
	if err := checkUTF8(m.name, h, func(i int) string { return fmt.Sprintf("column %d", i+1) }); err != nil {
		return err
	}
	var found []string
	for i, heading := range h.cells {
		heading = strings.TrimSpace(heading)
		if heading == "" {
			m.unnamed[i] = false
			continue
		}
		found = append(found, heading)
		c, ok := columnOf(heading)
		if !ok {
			m.found = append(m.found, model.Finding{Severity: model.Warning, Pos: m.pos(h.num, i),
				Subject: "column " + quote(heading), Message: "unknown column, ignored; the layout's columns are " + strings.Join(headings[:], ", ")})
			continue
		}
		if j := m.cols[c]; j >= 0 {
			return loadErr(m.name, h.num, heading, "a second %q column (the first is %q, column %d); keep one", headings[c], h.cells[j], j+1)
		}
		m.cols[c] = i
	}
	var missing []string
	for _, c := range required {
		if m.cols[c] < 0 {
			missing = append(missing, quote(headings[c]))
		}
	}
	if len(missing) > 0 {
		col := "column"
		if len(missing) > 1 {
			col = "columns"
		}
		return loadErr(m.name, h.num, strings.Trim(missing[0], `"`), "the header row lacks the %s %s; found: %s",
			col, strings.Join(missing, ", "), strings.Join(found, ", "))
	}
	return nil
}

func (m *merger) heading(i int) string {
	if i < len(m.header.cells) && strings.TrimSpace(m.header.cells[i]) != "" {
		return strings.TrimSpace(m.header.cells[i])
	}
	return fmt.Sprintf("column %d", i+1)
}

func (m *merger) pos(num, i int) model.Pos {
	return model.Pos{File: m.name, Line: num, Column: m.heading(i)}
}

// at is the position of column c in row r.
func (m *merger) at(r row, c column) model.Pos { return m.pos(r.num, m.cols[c]) }

func (m *merger) errAt(r row, c column, format string, args ...any) error {
	return &model.LoadError{Pos: m.at(r, c), Msg: fmt.Sprintf(format, args...)}
}

func (m *merger) row(r row) error {
	if err := checkUTF8(m.name, r, m.heading); err != nil {
		return err
	}
	if m.ragged && len(r.cells) != len(m.header.cells) {
		return m.raggedErr(r)
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
	cell := func(c column) string {
		if i := m.cols[c]; i >= 0 && i < len(r.cells) {
			return strings.TrimSpace(r.cells[i])
		}
		return ""
	}
	metaOnly := m.readMeta(r, cell)
	roleName, levelTitle, skillName := cell(colRole), cell(colRoleLevel), cell(colSkillName)
	if roleName == "" {
		for _, c := range roleColumns {
			if cell(c) != "" {
				return m.errAt(r, colRole, "empty, but the row gives a %s; every row of a role level needs the role's name", headings[c])
			}
		}
		if skillName == "" {
			for _, c := range []column{colSkillID, colSkillDescription, colSkillLevel, colSkillLevelDescription} {
				if cell(c) != "" {
					return m.errAt(r, colSkillName, "empty, but the row gives a %s; name the skill it is about", headings[c])
				}
			}
			if metaOnly {
				return nil
			}
			return m.errAt(r, colSkillName, "empty; a row without a role describes a skill and needs its name")
		}
	} else if levelTitle == "" {
		return m.errAt(r, colRoleLevel, "empty; every row of role %s needs the role level it is about", quote(roleName))
	}
	var level *model.RoleLevel
	if roleName != "" {
		l, err := m.level(r, cell, roleName, levelTitle)
		if err != nil {
			return err
		}
		level = l
	}
	if skillName == "" {
		for _, c := range []column{colSkillID, colSkillDescription, colSkillLevel, colSkillLevelDescription} {
			if cell(c) != "" {
				return m.errAt(r, colSkillName, "empty, but the row gives a %s; name the skill, or leave the skill cells empty for a role level without skills", headings[c])
			}
		}
		return nil
	}
	return m.skill(r, cell, skillName, level)
}

func (m *merger) raggedErr(r row) error {
	n, h := len(r.cells), len(m.header.cells)
	if n < h {
		return loadErr(m.name, r.num, m.heading(n), "the row has %d cells and the header %d: this cell and the ones after it are missing (check the quotes and separators)", n, h)
	}
	return loadErr(m.name, r.num, fmt.Sprintf("column %d", h+1), "the row has %d cells and the header %d: cells past the last heading (check the quotes and separators)", n, h)
}

// level finds or creates the role and the role level a row is about, and
// checks the row's role and level values against the rows before it.
func (m *merger) level(r row, cell func(column) string, roleName, levelTitle string) (*model.RoleLevel, error) {
	fw := m.fw
	ra, ok := m.roles[m.key(roleName)]
	if !ok {
		ra = &roleAcc{i: len(fw.Roles), levels: map[string]*levelAcc{}, subject: "role " + quote(roleName)}
		m.roles[m.key(roleName)] = ra
		fw.Roles = append(fw.Roles, model.Role{Name: roleName, Pos: m.at(r, colRole)})
	}
	role := &fw.Roles[ra.i]
	subject := ra.subject
	if v := cell(colRoleFamily); m.agree(&ra.family, v, r, colRoleFamily, subject, sameName) {
		role.Family = v
	}
	if v := cell(colRoleID); m.agree(&ra.id, v, r, colRoleID, subject, sameName) {
		role.ID = v
	}
	if v := cell(colRoleType); m.agree(&ra.typ, v, r, colRoleType, subject, sameName) {
		role.Type = v
	}
	if v := cell(colRoleDescription); m.agree(&ra.desc, v, r, colRoleDescription, subject, sameText) {
		t := model.ParseText(v)
		role.Summary, role.Responsibilities = t.Summary(), t.Items
	}
	if err := m.roleHistory(r, cell, ra, role); err != nil {
		return nil, err
	}

	la, ok := ra.levels[m.key(levelTitle)]
	if !ok {
		la = &levelAcc{i: len(role.Levels), subject: fmt.Sprintf("%s, level %s", ra.subject, quote(levelTitle))}
		ra.levels[m.key(levelTitle)] = la
		role.Levels = append(role.Levels, model.RoleLevel{Title: levelTitle, Pos: m.at(r, colRoleLevel)})
	}
	l := &role.Levels[la.i]
	subject = la.subject
	if v := cell(colRoleLevelDescription); m.agree(&la.desc, v, r, colRoleLevelDescription, subject, sameText) {
		t := model.ParseText(v)
		l.Summary = t.Summary()
		if len(t.Items) > 0 {
			la.descItems = true
			m.bothResponsibilities(la, r, subject)
			l.Responsibilities = t.Items
		}
	}
	if v := cell(colResponsibilities); m.agree(&la.resp, v, r, colResponsibilities, subject, sameText) {
		la.respItems = true
		if !m.bothResponsibilities(la, r, subject) {
			l.Responsibilities = list(model.ParseText(v))
		}
	}
	if v := cell(colGrades); m.agree(&la.grades, v, r, colGrades, subject, sameCodes) {
		l.Grades = m.levelGrades(v, r)
	}
	return l, nil
}

// bothResponsibilities reports a level whose responsibilities are given both
// as a list in its description and in the Responsibilities column.
func (m *merger) bothResponsibilities(la *levelAcc, r row, subject string) bool {
	if !la.descItems || !la.respItems {
		return false
	}
	m.found = append(m.found, model.Finding{Severity: model.Error, Pos: m.at(r, colResponsibilities), Subject: subject,
		Message: fmt.Sprintf("responsibilities are given both here and as a list in the %s at row %d; keep one", headings[colRoleLevelDescription], la.desc.row)})
	return true
}

// skill records the skill a row names in the catalogue and, for a row of a
// role level, as a requirement of the level.
func (m *merger) skill(r row, cell func(column) string, name string, l *model.RoleLevel) error {
	fw := m.fw
	sa, ok := m.skills[m.key(name)]
	if !ok {
		sa = &skillAcc{i: len(fw.Skills), texts: map[string]bool{}, subject: "skill " + quote(name)}
		m.skills[m.key(name)] = sa
		fw.Skills = append(fw.Skills, model.Skill{Name: name, Pos: m.at(r, colSkillName)})
	}
	s := &fw.Skills[sa.i]
	subject := sa.subject
	if v := cell(colSkillID); m.agree(&sa.id, v, r, colSkillID, subject, sameName) {
		s.ID = v
	}
	if v := cell(colSkillDescription); m.agree(&sa.desc, v, r, colSkillDescription, subject, sameText) {
		s.Description = model.ParseText(v).Summary()
	}
	levelName := cell(colSkillLevel)
	if levelName == "" {
		if l != nil {
			return m.errAt(r, colSkillLevel, "empty; the level of skill %s that the role level needs is one of: %s", quote(name), levelNames())
		}
		if cell(colSkillLevelDescription) != "" {
			return m.errAt(r, colSkillLevel, "empty, but the row gives a %s; name the skill level it describes (%s)", headings[colSkillLevelDescription], levelNames())
		}
		return nil
	}
	level, ok := m.levels[levelName]
	if !ok {
		level = skillLevelID(levelName)
		m.levels[levelName] = level
	}
	if level == "" {
		return m.errAt(r, colSkillLevel, "unknown skill level %s; expected one of: %s", quote(levelName), levelNames())
	}
	if l != nil {
		l.Skills = append(l.Skills, model.Requirement{Skill: name, Level: level, Pos: m.at(r, colSkillName)})
	}
	v := cell(colSkillLevelDescription)
	if v == "" {
		return nil
	}
	// Identical text was given before: nothing to check. A different one
	// goes to Describe, which keeps the first and reports a real difference.
	if key := level + "\x00" + v; sa.texts[key] {
		return nil
	} else {
		sa.texts[key] = true
	}
	t := model.ParseText(v)
	items := t.Items
	if len(items) == 0 {
		items = t.Paragraphs
	} else if extra := withoutLevelPhrase(t.Paragraphs); len(extra) > 0 {
		m.found = append(m.found, model.Finding{Severity: model.Error, Pos: m.at(r, colSkillLevelDescription),
			Subject: fmt.Sprintf("%s at level %s", subject, level),
			Message: fmt.Sprintf("text before the list: %s; expected the \"You can:\" items only", quote(extra[0]))})
	}
	m.descs = append(m.descs, description{skill: name, level: level, items: items, pos: m.at(r, colSkillLevelDescription)})
	return nil
}
