package matrix

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/model"
)

// plan is what the workbook holds, decided from the model before any
// cell is written: the role levels as columns, the skills as rows, and the
// name of every sheet. Drawing code only walks it.
type plan struct {
	fw      *model.Framework
	columns []levelColumn // the role levels, grouped by family then role
	skills  []skillRow    // the skills any column needs, in catalogue order
	roles   []roleSheet   // with PerRole: one progression sheet per role
	noLevel bool          // some column needs a skill without a skill level
}

// levelColumn is one role level: a column of the Matrix sheet and a row of
// the Role levels and Roles sheets.
type levelColumn struct {
	family    string // family name
	role      *model.Role
	level     *model.RoleLevel
	number    int    // 1-based position of the level in its role
	name      string // unique among the columns and "Skill": the table header
	gradeText string // short codes as the source lists them, "SEO, G7"
	grades    []int  // the level's grades as indexes into fw.Grades, most junior first
	// need maps the id of each skill the level needs to the skill level
	// needed, "" when the framework names none.
	need map[string]string
}

// atGrade reports whether the level is performed at grade i of fw.Grades.
func (c *levelColumn) atGrade(i int) bool {
	_, ok := slices.BinarySearch(c.grades, i)
	return ok
}

// gradeSpan is the short forms of the level's lowest and highest grades,
// "" when it has none.
func (c *levelColumn) gradeSpan(fw *model.Framework) (lowest, highest string) {
	if len(c.grades) == 0 {
		return "", ""
	}
	return fw.Grades[c.grades[0]].Short(), fw.Grades[c.grades[len(c.grades)-1]].Short()
}

// skillRow is one skill of the Matrix: its catalogue entry (nil when a
// requirement names a skill the catalogue lacks) and display name.
type skillRow struct {
	id    string
	name  string
	skill *model.Skill
}

// roleSheet is the progression sheet of one role: its selected levels.
type roleSheet struct {
	sheet   string // sheet name, unique, at most 31 characters
	table   string // Excel table name
	role    *model.Role
	columns []int // indexes into plan.columns
}

// Fixed sheet names, in workbook order; role sheets follow.
const (
	sheetCover  = "Cover"
	sheetMatrix = "Matrix"
	sheetLevels = "Role levels"
	sheetSkills = "Skills"
	sheetRoles  = "Roles"
	sheetData   = "Data"
)

// maxSheetName is Excel's limit on the length of a sheet name.
const maxSheetName = 31

// newPlan lays out the workbook for the role levels refs (all levels
// when nil). A ref to a whole role stands for each of its levels.
func newPlan(fw *model.Framework, refs []model.LevelRef, perRole bool) *plan {
	if refs == nil {
		for i := range fw.Roles {
			refs = append(refs, model.LevelRef{Role: &fw.Roles[i]})
		}
	}
	p := &plan{fw: fw}
	// Group by family (in framework order), then role (in order of first
	// selection), then level as given.
	type group struct {
		role   *model.Role
		levels []*model.RoleLevel
	}
	var groups []*group
	byRole := map[*model.Role]*group{}
	seen := map[*model.RoleLevel]bool{}
	for _, ref := range refs {
		if ref.Role == nil {
			continue
		}
		g := byRole[ref.Role]
		if g == nil {
			g = &group{role: ref.Role}
			byRole[ref.Role] = g
			groups = append(groups, g)
		}
		levels := []*model.RoleLevel{ref.Level}
		if ref.Level == nil {
			levels = levels[:0]
			for i := range ref.Role.Levels {
				levels = append(levels, &ref.Role.Levels[i])
			}
		}
		for _, l := range levels {
			if !seen[l] {
				seen[l] = true
				g.levels = append(g.levels, l)
			}
		}
	}
	familyRank := map[string]int{}
	for i, f := range fw.Families {
		familyRank[f.ID] = i
	}
	ordered := make([]*group, 0, len(groups))
	for i := range fw.Families {
		for _, g := range groups {
			if g.role.Family == fw.Families[i].ID {
				ordered = append(ordered, g)
			}
		}
	}
	for _, g := range groups {
		if _, ok := familyRank[g.role.Family]; !ok {
			ordered = append(ordered, g)
		}
	}

	for _, g := range ordered {
		family := g.role.Family
		if f := fw.Family(g.role.Family); f != nil {
			family = f.Name
		}
		first := len(p.columns)
		for _, l := range g.levels {
			c := levelColumn{family: family, role: g.role, level: l, number: g.role.LevelNumber(l), need: make(map[string]string, len(l.Skills))}
			var codes []string
			for _, gr := range fw.LevelGrades(l) {
				codes = append(codes, gr.Short())
				if i := fw.GradeIndex(gr.ID); !slices.Contains(c.grades, i) {
					c.grades = append(c.grades, i)
				}
			}
			slices.Sort(c.grades)
			c.gradeText = strings.Join(codes, ", ")
			for _, q := range l.Skills {
				c.need[q.Skill] = q.Level
			}
			p.columns = append(p.columns, c)
		}
		if perRole {
			rs := roleSheet{role: g.role}
			for i := first; i < len(p.columns); i++ {
				rs.columns = append(rs.columns, i)
			}
			p.roles = append(p.roles, rs)
		}
	}
	p.nameColumns()
	p.nameRoleSheets()
	p.collectSkills()
	return p
}

// nameColumns gives each column a unique table header: the level's title,
// with its role's name added when two roles share a title, and a number when
// even that repeats. Excel compares header names without case.
func (p *plan) nameColumns() {
	count := map[string]int{}
	base := make([]string, len(p.columns))
	for i := range p.columns {
		c := &p.columns[i]
		t := strings.TrimSpace(c.level.Title)
		if t == "" {
			t = c.role.Name + " level " + strconv.Itoa(c.number)
		}
		base[i] = t
		count[strings.ToLower(t)]++
	}
	used := map[string]bool{"skill": true}
	for i := range p.columns {
		c := &p.columns[i]
		name := base[i]
		if count[strings.ToLower(name)] > 1 || used[strings.ToLower(name)] {
			name += " (" + c.role.Name + ")"
		}
		c.name = uniqueName(name, used, 0)
	}
}

// nameRoleSheets names the progression sheets after their roles, shortened
// to Excel's 31 characters without two names colliding.
func (p *plan) nameRoleSheets() {
	used := map[string]bool{}
	for _, s := range []string{sheetCover, sheetMatrix, sheetLevels, sheetSkills, sheetRoles, sheetData, "History"} {
		used[strings.ToLower(s)] = true
	}
	for i := range p.roles {
		rs := &p.roles[i]
		rs.sheet = uniqueName(sheetName(rs.role.Name), used, maxSheetName)
		rs.table = "Role" + strconv.Itoa(i+1) + "Table"
	}
}

// collectSkills lists the skills the columns need, catalogue skills in
// catalogue order first, then any the catalogue lacks, as first named.
func (p *plan) collectSkills() {
	needed := map[string]bool{}
	var unknown []string
	for _, c := range p.columns {
		for _, q := range c.level.Skills {
			if q.Level == "" {
				p.noLevel = true
			}
			if needed[q.Skill] {
				continue
			}
			needed[q.Skill] = true
			if p.fw.Skill(q.Skill) == nil {
				unknown = append(unknown, q.Skill)
			}
		}
	}
	for i := range p.fw.Skills {
		s := &p.fw.Skills[i]
		if needed[s.ID] {
			p.skills = append(p.skills, skillRow{id: s.ID, name: s.Name, skill: s})
		}
	}
	for _, id := range unknown {
		p.skills = append(p.skills, skillRow{id: id, name: id})
	}
}

// noLevel is what a cell says of a skill needed without a skill level, as
// the framework gives Senior Civil Service roles' skills.
const noLevel = "Needed, no level set"

// levelName is the display name of a skill level id, the id itself when
// the framework lacks it, or noLevel for "".
func (p *plan) levelName(id string) string {
	if id == "" {
		return noLevel
	}
	if l := p.fw.SkillLevel(id); l != nil {
		return l.Name
	}
	return id
}

// needs reports whether any of the columns cols (indexes into p.columns)
// needs the skill id.
func (p *plan) needs(cols []int, id string) bool {
	for _, c := range cols {
		if _, ok := p.columns[c].need[id]; ok {
			return true
		}
	}
	return false
}

// hasTypes reports whether any role of the plan has a role type.
func (p *plan) hasTypes() bool {
	for i := range p.columns {
		if p.columns[i].role.Type != "" {
			return true
		}
	}
	return false
}

// sheetName makes s a valid sheet name: no characters Excel forbids, no
// apostrophe at either end, at most 31 characters. A longer name is cut at a
// word and ends in "…", so a reader sees it was shortened.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ':', '\\', '/', '?', '*', '[', ']':
			return ' '
		}
		return r
	}, s)
	s = strings.Trim(strings.Join(strings.Fields(s), " "), "'")
	if utf8.RuneCountInString(s) > maxSheetName {
		cut := truncate(s, maxSheetName-1)
		if i := strings.LastIndexByte(cut, ' '); i >= maxSheetName/2 {
			cut = cut[:i]
		}
		s = strings.TrimRight(cut, " '") + "…"
	}
	if s == "" {
		s = "Role"
	}
	return s
}

// uniqueName returns name, or name with " (2)", " (3)"… when used already
// holds it (without case), kept within limit characters (0 = no limit); it
// records the result in used.
func uniqueName(name string, used map[string]bool, limit int) string {
	cand := name
	for n := 2; used[strings.ToLower(cand)]; n++ {
		suffix := " (" + strconv.Itoa(n) + ")"
		stem := name
		if limit > 0 {
			stem = strings.TrimRight(truncate(name, limit-utf8.RuneCountInString(suffix)), " ")
		}
		cand = stem + suffix
	}
	used[strings.ToLower(cand)] = true
	return cand
}

// truncate cuts s to at most n runes.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}

// checkCellTexts returns a *model.CellTextError, at its place in the
// framework, for the first text of the framework that the workbook would
// put in one cell and that is longer than a cell holds: excelize would cut
// it without a word. The texts ddat composes from many role levels are kept
// within a cell where they are made (see needsCell); sheetStream.add checks
// every cell once more.
func (p *plan) checkCellTexts() error {
	fw := p.fw
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
	for _, c := range p.columns {
		r, l := c.role, c.level
		if err := check(r.Pos, "role "+strconv.Quote(r.Name), text{"the family", c.family}, text{"the name", r.Name}); err != nil {
			return err
		}
		err := check(l.Pos, fmt.Sprintf("role %q, level %d", r.Name, c.number),
			text{"the title", l.Title}, text{"the column name", c.name},
			text{"the summary", l.Summary}, text{"the responsibilities", bullets(l.Responsibilities)})
		if err != nil {
			return err
		}
	}
	for _, sk := range p.skills {
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
