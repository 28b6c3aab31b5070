package model

import (
	"fmt"
	"strings"
	"unicode"
)

// controls reports text that holds control characters other than tabs and
// line breaks. They come from copying out of other programs (an escape
// sequence, a stray NUL), print as nothing or as garbage, and would let a
// data file drive the terminal that "ddat show" prints to.
func (v *validator) controls() {
	fw := v.fw
	// Every control character of the texts is listed, so that one run
	// finds them all.
	check := func(pos Pos, subject, field string, texts ...string) {
		var found []string
		seen := map[rune]bool{}
		for _, s := range texts {
			for _, r := range s {
				if r != '\t' && r != '\n' && r != '\r' && r != '\u0085' && unicode.IsControl(r) && !seen[r] {
					seen[r] = true
					found = append(found, fmt.Sprintf("%U", r))
				}
			}
		}
		switch len(found) {
		case 0:
		case 1:
			v.add(Error, pos, subject, "%s holds the control character %s; remove it", field, found[0])
		default:
			v.add(Error, pos, subject, "%s holds the control characters %s; remove them", field, strings.Join(found, ", "))
		}
	}
	m := fw.Meta
	check(m.Pos, "framework", "the metadata", m.Name, m.Source, m.URL, m.Licence)
	for _, l := range fw.SkillLevels {
		check(l.Pos, fmt.Sprintf("skill level %q", l.Name), "the name", l.ID, l.Name)
	}
	for _, g := range fw.Grades {
		check(g.Pos, fmt.Sprintf("grade %q", g.Name), "the code or name", g.ID, g.Code, g.Name)
	}
	for i := range fw.Skills {
		s := &fw.Skills[i]
		subject := fmt.Sprintf("skill %q", s.Name)
		check(s.Pos, subject, "the name or description", s.ID, s.Name, s.Description)
		for _, l := range sortedKeys(s.Levels) {
			check(s.LevelPos[l], subject, fmt.Sprintf("the %s description", l), s.Levels[l]...)
		}
	}
	for i := range fw.Roles {
		r := &fw.Roles[i]
		subject := fmt.Sprintf("role %q", r.Name)
		check(r.Pos, subject, "the name, family, type or summary", r.ID, r.Name, r.Family, r.Type, r.Summary)
		check(r.Pos, subject, "a responsibility", r.Responsibilities...)
		for _, u := range r.Updates {
			check(u.Pos, subject, "an update", u.Changes...)
		}
		for j := range r.Levels {
			l := &r.Levels[j]
			ls := fmt.Sprintf("%s, level %d", subject, j+1)
			check(l.Pos, ls, "the title or summary", l.ID, l.Title, l.Summary)
			check(l.Pos, ls, "a responsibility", l.Responsibilities...)
			for _, q := range l.Skills {
				check(q.Pos, ls, fmt.Sprintf("the \"You can:\" list of skill %q", q.Skill), q.Items...)
			}
		}
	}
}
