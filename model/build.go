package model

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
)

// index maps folded ids and names to positions in the framework's slices.
type index struct {
	skillLevels map[string]int
	grades      map[string]int
	skills      map[string]int
	roles       map[string]int
}

// Build completes a framework assembled by a loader or in code: it derives
// the ids the input left out, indexes names for lookup, resolves the
// references of role levels to skills, skill levels and grades, and derives
// the families. References that resolve to nothing are kept as written for
// Validate to report. Build returns fw.
func (fw *Framework) Build() *Framework {
	deriveIDs(len(fw.SkillLevels), func(i int) *string { return &fw.SkillLevels[i].ID },
		func(i int) string { return idOr("", fw.SkillLevels[i].Name) })
	deriveIDs(len(fw.Grades), func(i int) *string { return &fw.Grades[i].ID },
		func(i int) string { return idOr("", firstNonEmpty(fw.Grades[i].Code, fw.Grades[i].Name)) })
	deriveIDs(len(fw.Skills), func(i int) *string { return &fw.Skills[i].ID },
		func(i int) string { return idOr("", fw.Skills[i].Name) })
	deriveIDs(len(fw.Roles), func(i int) *string { return &fw.Roles[i].ID },
		func(i int) string { return idOr("", fw.Roles[i].Name) })
	for i := range fw.Roles {
		r := &fw.Roles[i]
		deriveIDs(len(r.Levels), func(j int) *string { return &r.Levels[j].ID }, func(j int) string {
			if r.Levels[j].Title == "" {
				return ""
			}
			return LevelID(r.Name, r.Levels[j].Title)
		})
	}
	fw.index = index{
		skillLevels: make(map[string]int),
		grades:      make(map[string]int),
		skills:      make(map[string]int),
		roles:       make(map[string]int),
	}
	for i, l := range fw.SkillLevels {
		addKeys(fw.index.skillLevels, i, l.ID, l.Name)
	}
	for i, g := range fw.Grades {
		addKeys(fw.index.grades, i, g.ID, g.Code, g.Name)
	}
	for i, s := range fw.Skills {
		addKeys(fw.index.skills, i, s.ID, s.Name)
	}
	for i, r := range fw.Roles {
		addKeys(fw.index.roles, i, r.ID, r.Name)
	}
	fw.resolve()
	fw.deriveFamilies()
	return fw
}

// resolve replaces the names that role levels use for skills, skill levels and
// grades by ids, and the level keys of skill descriptions likewise.
func (fw *Framework) resolve() {
	for i := range fw.Skills {
		s := &fw.Skills[i]
		if len(s.Levels) == 0 {
			continue
		}
		levels := make(map[string][]string, len(s.Levels))
		pos := make(map[string]Pos, len(s.LevelPos))
		for k, v := range s.Levels {
			id := k
			if l := fw.SkillLevel(k); l != nil {
				id = l.ID
			}
			if old, ok := levels[id]; ok && !slices.Equal(old, v) {
				fw.findings = append(fw.findings, describedTwice(s, id, s.LevelPos[k], pos[id]))
				continue
			}
			levels[id] = v
			pos[id] = s.LevelPos[k]
		}
		s.Levels, s.LevelPos = levels, pos
	}
	for i := range fw.Roles {
		r := &fw.Roles[i]
		for j := range r.Levels {
			l := &r.Levels[j]
			for k, g := range l.Grades {
				if gr := fw.Grade(g); gr != nil {
					l.Grades[k] = gr.ID
				}
			}
			for k := range l.Skills {
				q := &l.Skills[k]
				if s := fw.Skill(q.Skill); s != nil {
					q.Skill = s.ID
				}
				if sl := fw.SkillLevel(q.Level); sl != nil {
					q.Level = sl.ID
				}
			}
		}
	}
}

func (fw *Framework) deriveFamilies() {
	fw.Families = fw.Families[:0]
	byID := map[string]int{}
	for i := range fw.Roles {
		r := &fw.Roles[i]
		name := r.Family
		id := idOr("", name)
		n, ok := byID[id]
		if !ok {
			n = len(fw.Families)
			byID[id] = n
			fw.Families = append(fw.Families, Family{ID: id, Name: name})
		}
		r.Family = id
		fw.Families[n].Roles = append(fw.Families[n].Roles, r.ID)
	}
}

// Family returns the family with this id or name, or nil.
func (fw *Framework) Family(q string) *Family {
	for i := range fw.Families {
		f := &fw.Families[i]
		if fold(f.ID) == fold(q) || fold(f.Name) == fold(q) || f.ID == Slug(q) {
			return f
		}
	}
	return nil
}

// FamilyName is the name of r's family as documents print it: the family's
// name, else what the role gives, else "".
func (fw *Framework) FamilyName(r *Role) string {
	if f := fw.Family(r.Family); f != nil && f.Name != "" {
		return f.Name
	}
	return r.Family
}

// Describe records the "You can:" items of skill at level, given at pos.
// Loaders call it for every place a description appears; the first one given
// is kept, and a different text for the same pair becomes a validation error
// naming both places. The framework must have been built.
func (fw *Framework) Describe(skill, level string, items []string, pos Pos) {
	s := fw.Skill(skill)
	if s == nil || len(items) == 0 {
		return
	}
	id := level
	if l := fw.SkillLevel(level); l != nil {
		id = l.ID
	}
	if s.Levels == nil {
		s.Levels = map[string][]string{}
		s.LevelPos = map[string]Pos{}
	}
	old, ok := s.Levels[id]
	switch {
	case !ok:
		s.Levels[id] = items
		s.LevelPos[id] = pos
	case !slices.Equal(old, items):
		fw.findings = append(fw.findings, describedTwice(s, id, pos, s.LevelPos[id]))
	}
}

// describedTwice is the error for a (skill, level) given a second, different
// description at pos; first is where the kept one was given.
func describedTwice(s *Skill, level string, pos, first Pos) Finding {
	return Finding{
		Severity: Error,
		Pos:      pos,
		Subject:  fmt.Sprintf("skill %q at level %s", s.Name, level),
		Message:  fmt.Sprintf("described differently here and at %s", first),
	}
}

// Report adds a finding that a loader made, for Validate to return with the
// rest.
func (fw *Framework) Report(f Finding) { fw.findings = append(fw.findings, f) }

func addKeys(m map[string]int, i int, keys ...string) {
	for _, k := range keys {
		if k == "" {
			continue
		}
		if _, ok := m[fold(k)]; !ok {
			m[fold(k)] = i
		}
	}
}

// deriveIDs fills the empty ids of n items with derive(i). A derived id that
// an earlier item already has gets "-2", "-3", … so that distinct names that
// slug alike ("C developer", "C++ developer") get distinct ids; ids given in
// the input are kept as they are, for Validate to report if they clash.
func deriveIDs(n int, id func(i int) *string, derive func(i int) string) {
	taken := make(map[string]bool, n)
	for i := range n {
		if p := id(i); *p != "" {
			taken[*p] = true
		}
	}
	// next is the number to try first for a base already taken, so that
	// many items of one name number on in linear time.
	next := map[string]int{}
	for i := range n {
		p := id(i)
		if *p != "" {
			continue
		}
		base := derive(i)
		if base == "" {
			continue
		}
		cand := base
		if taken[cand] {
			k := max(next[base], 2)
			for cand = fmt.Sprintf("%s-%d", base, k); taken[cand]; cand = fmt.Sprintf("%s-%d", base, k) {
				k++
			}
			next[base] = k + 1
		}
		*p = cand
		taken[cand] = true
	}
}

// idOr returns id, or one derived from name. A name with no Latin letter or
// digit (say, in Chinese) slugs to nothing; it gets an id from a hash of the
// name instead, so that every named item has a stable, non-empty id.
func idOr(id, name string) string {
	if id != "" {
		return id
	}
	if s := Slug(name); s != "" || strings.TrimSpace(name) == "" {
		return s
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("id-%08x", h.Sum32())
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
