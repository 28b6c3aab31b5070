package formats

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// orderLevels puts each role's levels in order. A Role Level Number column
// gives the order. Without one, rows that list a role's levels in
// alphabetical order of their titles, as the framework's download does, give
// no order: the levels are put in seniority order (model.SeniorityOrder)
// and the framework notes it for Validate to say. Levels listed in any other
// order keep it: someone chose it.
func (m *merger) orderLevels() {
	for _, ra := range m.order {
		role := &m.fw.Roles[ra.i]
		numbered := 0
		for _, la := range ra.order {
			if la.num > 0 {
				numbered++
			}
		}
		var order []int
		switch {
		case numbered > 0:
			order = m.numberedOrder(ra)
		case alphabetical(role.Levels):
			order = model.SeniorityOrder(role, standardStep)
			m.fw.SetLevelOrderInferred(role.Name, true)
		default:
			continue
		}
		role.ReorderLevels(order)
	}
}

// numberedOrder orders a role's levels by their Role Level Number; a number
// given twice, or levels without one beside numbered ones, are errors.
func (m *merger) numberedOrder(ra *roleAcc) []int {
	byNumber := slices.Clone(ra.order)
	slices.SortStableFunc(byNumber, func(a, b *levelAcc) int {
		if (a.num == 0) != (b.num == 0) {
			return cmp.Compare(b.num, a.num) // numbered first
		}
		return cmp.Compare(a.num, b.num)
	})
	order := make([]int, len(byNumber))
	for n, la := range byNumber {
		order[n] = la.i
		pos := model.Pos{File: la.number.file, Line: la.number.row, Column: headings[colLevelNumber]}
		switch {
		case la.num == 0:
			m.found = append(m.found, model.Finding{Severity: model.Error, Pos: m.fw.Roles[ra.i].Levels[la.i].Pos, Subject: la.subject,
				Message: fmt.Sprintf("no %s, but other levels of the role have one; number every level of the role, or none", headings[colLevelNumber])})
		case n > 0 && byNumber[n-1].num == la.num:
			prev := byNumber[n-1]
			m.found = append(m.found, model.Finding{Severity: model.Error, Pos: pos, Subject: la.subject,
				Message: fmt.Sprintf("%s %d is also given to level %s at %s: row %d; each level of a role needs its own", headings[colLevelNumber], la.num,
					quote(m.fw.Roles[ra.i].Levels[prev.i].Title), prev.number.file, prev.number.row)})
		}
	}
	return order
}

// alphabetical reports whether levels are in alphabetical order of their
// titles (ignoring case), which a person arranging them would not choose.
func alphabetical(levels []model.RoleLevel) bool {
	if len(levels) < 2 {
		return false
	}
	return slices.IsSortedFunc(levels, func(a, b model.RoleLevel) int {
		return strings.Compare(fold(a.Title), fold(b.Title))
	})
}

// standardStep is the step of a standard skill level, 1 for awareness; 0 for
// none.
func standardStep(level string) int {
	for i, l := range StandardSkillLevels() {
		if l.ID == level {
			return i + 1
		}
	}
	return 0
}

// orderCatalogue puts the skills catalogue in the order the roles' levels,
// now in their order, first need the skills, then the skills no level needs
// in the order the files name them: the order Write writes them in, so that
// a framework read from the download and one read from ddat's own CSV of it
// are the same.
func (m *merger) orderCatalogue() {
	fw := m.fw
	placed := make([]bool, len(fw.Skills))
	skills := make([]model.Skill, 0, len(fw.Skills))
	add := func(i int) {
		if !placed[i] {
			placed[i] = true
			skills = append(skills, fw.Skills[i])
		}
	}
	for i := range fw.Roles {
		for _, l := range fw.Roles[i].Levels {
			for _, q := range l.Skills {
				if sa, ok := m.skills[m.key(q.Skill)]; ok {
					add(sa.i)
				}
			}
		}
	}
	for i := range fw.Skills {
		add(i)
	}
	fw.Skills = skills
}

// undescribedSkills warns once for each skill that a file marks with a
// placeholder where its description should be, when no other row or file
// gives the description.
func (m *merger) undescribedSkills() {
	for i := range m.fw.Skills {
		s := &m.fw.Skills[i]
		sa := m.skills[m.key(s.Name)]
		if sa == nil || !sa.missing.IsValid() || s.Description != "" {
			continue
		}
		m.found = append(m.found, model.Finding{Severity: model.Warning, Pos: sa.missing, Subject: sa.subject,
			Message: "no description: the file marks it missing here, and no other row or file gives it (the skill descriptions file has one for each skill)"})
	}
}
