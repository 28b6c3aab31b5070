package formats

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/ddat-tools/ddat/model"
)

// merger turns the rows of one or more sheets into a framework: a role, a
// role level and a skill are created by the first row that names them, and
// the rows after it, in this sheet or another, must repeat the same values or
// leave the cell empty.
type merger struct {
	*sheet // the sheet being read
	fw     *model.Framework
	roles  map[string]*roleAcc
	order  []*roleAcc // in the order of fw.Roles
	skills map[string]*skillAcc
	grades []model.Grade
	descs  []description
	found  []model.Finding
	keys   map[string]string // fold of the names seen, to spare the work on every row
	levels map[string]string // skill level id of each Skill Level cell seen
	meta   [4]seen           // Framework, Source, Licence, URL
}

// seen is a value repeated on many rows: the first non-empty one, and its
// file and row.
type seen struct {
	raw  string
	file string
	row  int
}

type roleAcc struct {
	i                     int    // index in fw.Roles
	subject               string // for findings
	family, desc, typ, id seen
	published, updated    seen
	updates               seen
	levels                map[string]*levelAcc
	order                 []*levelAcc // in the order of the role's Levels
}

type levelAcc struct {
	i                    int    // index in the role's Levels
	subject              string // for findings
	desc, grades, resp   seen
	number               seen // the Role Level Number cell
	num                  int  // its value; 0 when none is given
	descItems, respItems bool
}

type skillAcc struct {
	i        int    // index in fw.Skills
	name     string // as first written
	subject  string // for findings
	id, desc seen
	missing  model.Pos       // the first Skill Description cell that holds a placeholder
	texts    map[string]bool // skill level id + "\x00" + each raw "Skill Level Description" given
}

// description is a skill-level description to give to the built framework.
type description struct {
	skill, level string
	items        []string
	pos          model.Pos
}

// flatInput is a sheet to merge and the name of its file.
type flatInput struct {
	name string
	t    *table
}

// merge reads the sheets of inputs into one framework: role content first,
// whatever order the files are given in, so that the catalogue lists the
// skills in the order the roles need them; then the sheets of skill
// descriptions. The framework is named after the first role-content file.
func merge(inputs []flatInput) (*model.Framework, error) {
	m := &merger{
		fw:     &model.Framework{},
		roles:  map[string]*roleAcc{},
		skills: map[string]*skillAcc{},
		grades: StandardGrades(),
		keys:   map[string]string{},
		levels: map[string]string{},
	}
	m.fw.SkillLevels = StandardSkillLevels()
	var sheets []*sheet
	for _, in := range inputs {
		s, err := newSheet(in)
		if err != nil {
			return nil, err
		}
		sheets = append(sheets, s)
	}
	slices.SortStableFunc(sheets, func(a, b *sheet) int { return cmp.Compare(a.kind, b.kind) })
	if len(sheets) > 0 {
		// Files without a Framework Name column (the framework's own
		// download) leave the framework nameless: a file's name is no name
		// to cite it by ("From the role-content.").
		m.fw.Meta = model.Meta{Pos: model.Pos{File: sheets[0].name}}
	}
	for _, s := range sheets {
		m.sheet = s
		m.found = append(m.found, s.warnings...)
		if err := m.readSheet(); err != nil {
			return nil, err
		}
	}
	m.orderLevels()
	m.orderCatalogue()
	m.fw.Grades = m.grades
	m.fw.Build()
	for _, d := range m.descs {
		m.fw.Describe(d.skill, d.level, d.items, d.pos)
	}
	m.undescribedSkills()
	for _, f := range m.found {
		m.fw.Report(f)
	}
	return m.fw, nil
}

// readSheet reads the rows of the current sheet.
func (m *merger) readSheet() error {
	data := 0
	for i := range m.rows {
		if blank(m.rows[i].cells) {
			continue
		}
		data++
		r, skip, err := m.prelude(i)
		if err != nil {
			return err
		}
		if skip {
			continue
		}
		if m.kind == sheetSkills {
			err = m.skillRow(r)
		} else {
			err = m.row(r)
		}
		if err != nil {
			return err
		}
	}
	if data == 0 {
		what := "one row per role level and skill"
		if m.kind == sheetSkills {
			what = "one row per skill"
		}
		return loadErr(m.name, m.header.num+1, m.heading(0), "no rows after the header; expected %s", what)
	}
	m.repeated()
	return nil
}

func (m *merger) row(r row) error {
	cell := m.cell(r)
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
		if !m.seniorCivilService(roleName, cell) {
			return m.errAt(r, colRoleLevel, "empty; every row of role %s needs the role level it is about", quote(roleName))
		}
		// The one level of a Senior Civil Service role, which the
		// download leaves NOT IN USE, is named after the role.
		levelTitle = roleName
	}
	var (
		role  *model.Role
		level *model.RoleLevel
	)
	if roleName != "" {
		var err error
		if role, level, err = m.level(r, cell, roleName, levelTitle); err != nil {
			return err
		}
	}
	if skillName == "" {
		for _, c := range []column{colSkillID, colSkillDescription, colSkillLevel, colSkillLevelDescription} {
			if cell(c) != "" {
				return m.errAt(r, colSkillName, "empty, but the row gives a %s; name the skill, or leave the skill cells empty for a role level without skills", headings[c])
			}
		}
		return nil
	}
	return m.skill(r, cell, skillName, role, level)
}

// seniorCivilService reports whether the role a row is about is a Senior
// Civil Service role, by the row's Role Type or an earlier row's.
func (m *merger) seniorCivilService(roleName string, cell func(column) string) bool {
	typ := cell(colRoleType)
	if ra, ok := m.roles[m.key(roleName)]; ok && typ == "" {
		typ = ra.typ.raw
	}
	return (&model.Role{Type: typ}).SeniorCivilService()
}

// level finds or creates the role and the role level a row is about, and
// checks the row's role and level values against the rows before it.
func (m *merger) level(r row, cell func(column) string, roleName, levelTitle string) (*model.Role, *model.RoleLevel, error) {
	fw := m.fw
	ra, ok := m.roles[m.key(roleName)]
	if !ok {
		ra = &roleAcc{i: len(fw.Roles), levels: map[string]*levelAcc{}, subject: "role " + quote(roleName)}
		m.roles[m.key(roleName)] = ra
		m.order = append(m.order, ra)
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
		return nil, nil, err
	}

	la, ok := ra.levels[m.key(levelTitle)]
	if !ok {
		la = &levelAcc{i: len(role.Levels), subject: fmt.Sprintf("%s, level %s", ra.subject, quote(levelTitle))}
		ra.levels[m.key(levelTitle)] = la
		ra.order = append(ra.order, la)
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
	if v := cell(colLevelNumber); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, nil, m.errAt(r, colLevelNumber, "%s is not a level number; expected 1 for the role's most junior level, 2 for the next, and so on", quote(v))
		}
		if m.agree(&la.number, v, r, colLevelNumber, subject, sameNumber) {
			la.num = n
		}
	}
	return role, l, nil
}

// bothResponsibilities reports a level whose responsibilities are given both
// as a list in its description and in the Responsibilities column.
func (m *merger) bothResponsibilities(la *levelAcc, r row, subject string) bool {
	if !la.descItems || !la.respItems {
		return false
	}
	m.found = append(m.found, model.Finding{Severity: model.Error, Pos: m.at(r, colResponsibilities), Subject: subject,
		Message: fmt.Sprintf("responsibilities are given both here and as a list in the %s at %s; keep one", headings[colRoleLevelDescription], m.where(la.desc))})
	return true
}

// skillAcc finds or creates the catalogue skill a row names.
func (m *merger) skillAcc(r row, name string) *skillAcc {
	sa, ok := m.skills[m.key(name)]
	if !ok {
		sa = &skillAcc{i: len(m.fw.Skills), name: name, texts: map[string]bool{}, subject: "skill " + quote(name)}
		m.skills[m.key(name)] = sa
		m.fw.Skills = append(m.fw.Skills, model.Skill{Name: name, Pos: m.at(r, colSkillName)})
	}
	return sa
}

// skillDescription checks a row's Skill Description against the rows and
// files before it, and keeps the first.
func (m *merger) skillDescription(r row, sa *skillAcc, v string) {
	if v == "" && m.wasPlaceholder(colSkillDescription) && !sa.missing.IsValid() {
		sa.missing = m.at(r, colSkillDescription)
	}
	if m.agree(&sa.desc, v, r, colSkillDescription, sa.subject, sameText) {
		m.fw.Skills[sa.i].Description = model.ParseText(v).Summary()
	}
}

// skill records the skill a row names in the catalogue and, for a row of a
// role level, as a requirement of the level. A row of a Senior Civil Service
// role without a skill level needs the skill without one: its Skill
// Description is then the role's own "You can:" list for the skill, not the
// skill's description.
func (m *merger) skill(r row, cell func(column) string, name string, role *model.Role, l *model.RoleLevel) error {
	sa := m.skillAcc(r, name)
	s := &m.fw.Skills[sa.i]
	if v := cell(colSkillID); m.agree(&sa.id, v, r, colSkillID, sa.subject, sameName) {
		s.ID = v
	}
	levelName := cell(colSkillLevel)
	if levelName == "" && l != nil && role.SeniorCivilService() && cell(colSkillLevelDescription) == "" {
		items := m.listItems(r, m.cols[colSkillDescription], fmt.Sprintf("%s in role %s", sa.subject, quote(role.Name)), cell(colSkillDescription))
		if !m.needs(l, name, "", items) {
			l.Skills = append(l.Skills, model.Requirement{Skill: name, Items: items, Pos: m.at(r, colSkillName)})
		}
		return nil
	}
	m.skillDescription(r, sa, cell(colSkillDescription))
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
	if l != nil && !m.needs(l, name, level, nil) {
		l.Skills = append(l.Skills, model.Requirement{Skill: name, Level: level, Pos: m.at(r, colSkillName)})
	}
	m.describe(r, m.cols[colSkillLevelDescription], sa, level, cell(colSkillLevelDescription))
	return nil
}

// needs reports whether l already needs skill at level, with the same own
// "You can:" items: a row that repeats a role level's skill so, other cells
// aside, states the same requirement again (its other texts are checked to
// agree like any repeated value), and the level needs the skill once, as
// ddat writes it back. A repeat that differs is kept, for Validate to
// report with both places.
func (m *merger) needs(l *model.RoleLevel, skill, level string, items []string) bool {
	for _, q := range l.Skills {
		// Skills are named as the catalogue matches them (m.key).
		if m.key(q.Skill) == m.key(skill) && q.Level == level && slices.Equal(q.Items, items) {
			return true
		}
	}
	return false
}

// describe records the "You can:" list v that cell i of row r gives for a
// skill at a level.
func (m *merger) describe(r row, i int, sa *skillAcc, level, v string) {
	if v == "" {
		return
	}
	// Identical text was given before: nothing to check. A different one
	// goes to Describe, which keeps the first and reports a real difference.
	key := level + "\x00" + v
	if sa.texts[key] {
		return
	}
	sa.texts[key] = true
	items := m.listItems(r, i, fmt.Sprintf("%s at level %s", sa.subject, level), v)
	m.descs = append(m.descs, description{skill: sa.name, level: level, items: items, pos: m.pos(r.num, i)})
}

// listItems reads cell i of row r as a "You can:" list: its items, or its
// paragraphs when it has none. A paragraph before the items is an error,
// except the derived sentence a role page prints under a skill level.
func (m *merger) listItems(r row, i int, subject, v string) []string {
	t := model.ParseText(v)
	if len(t.Items) == 0 {
		return t.Paragraphs
	}
	if extra := withoutLevelPhrase(t.Paragraphs); len(extra) > 0 {
		m.found = append(m.found, model.Finding{Severity: model.Error, Pos: m.pos(r.num, i), Subject: subject,
			Message: fmt.Sprintf("text before the list: %s; expected the \"You can:\" items only", quote(extra[0]))})
	}
	return t.Items
}
