package model

import (
	"time"
)

// Framework is a whole capability framework: the catalogues that roles refer
// to (skill levels, grades, skills) and the roles themselves, grouped in
// families. Build one with Load or a Builder; after that it is read-only and
// safe to share between goroutines.
type Framework struct {
	Meta        Meta
	SkillLevels []SkillLevel // ascending: awareness, working, …
	Grades      []Grade      // by seniority, most junior first
	Skills      []Skill      // catalogue, in source order
	Families    []Family     // in order of first appearance among the roles
	Roles       []Role       // in source order

	findings []Finding       // problems found while building, reported by Validate
	inferred map[string]bool // folded names of the roles whose level order was inferred
	index    index
}

// Meta describes the framework as a publication, for cover pages and
// attribution lines.
type Meta struct {
	Name    string // e.g. "Government Digital and Data Profession Capability Framework"
	Source  string // who publishes it and where, as the data states it
	URL     string
	Licence string
	Pos     Pos
}

// Family is a role family ("IT operations"), derived from the roles that
// name it.
type Family struct {
	ID    string
	Name  string
	Roles []string // role ids, in source order
}

// LastUpdated is the latest last-updated date of any role, or the zero time if
// no role has one.
func (fw *Framework) LastUpdated() time.Time {
	var t time.Time
	for i := range fw.Roles {
		if u := fw.Roles[i].Updated; u.After(t) {
			t = u
		}
	}
	return t
}

// LevelCount is the number of role levels across all roles.
func (fw *Framework) LevelCount() int {
	n := 0
	for i := range fw.Roles {
		n += len(fw.Roles[i].Levels)
	}
	return n
}
