package model

// Change is one skill as two role levels need it: at From by the first, at
// To by the second, "" where that level does not need it. Levels are skill
// level ids, or the text as written when the framework does not know it.
type Change struct {
	Skill    string // skill id
	From, To string
}

// Changes is what differs between two role levels: the next level of a role
// (a step) or any two levels of any roles (a comparison). Skills keep the
// order the level that needs them lists them in: the second level's for
// all but Dropped, the first's for Dropped.
type Changes struct {
	New       []Change // needed by the second level only
	Raised    []Change // needed by both, at a higher skill level by the second
	Unchanged []Change // needed by both at the same skill level
	Lowered   []Change // needed by both, at a lower skill level by the second
	// Other holds skills needed by both at levels that cannot be ordered,
	// because the framework does not know one of them.
	Other   []Change
	Dropped []Change // needed by the first level only

	// NewResponsibilities are the second level's "At this role level, you
	// will:" items that the first level does not list, in its order.
	NewResponsibilities []string
}

// Shared is how many skills both levels need.
func (c *Changes) Shared() int {
	return len(c.Raised) + len(c.Unchanged) + len(c.Lowered) + len(c.Other)
}

// Compare returns what changes from role level from to role level to. The
// two may belong to different roles, even different families.
func (fw *Framework) Compare(from, to *RoleLevel) Changes {
	var c Changes
	fromLevel := make(map[string]string, len(from.Skills))
	for _, q := range from.Skills {
		fromLevel[fw.skillKey(q.Skill)] = q.Level
	}
	inTo := make(map[string]bool, len(to.Skills))
	for _, q := range to.Skills {
		key := fw.skillKey(q.Skill)
		inTo[key] = true
		was, ok := fromLevel[key]
		ch := Change{Skill: q.Skill, From: was, To: q.Level}
		if !ok {
			c.New = append(c.New, ch)
			continue
		}
		i, j := fw.SkillLevelIndex(was), fw.SkillLevelIndex(q.Level)
		switch {
		case fold(was) == fold(q.Level):
			c.Unchanged = append(c.Unchanged, ch)
		case i < 0 || j < 0:
			c.Other = append(c.Other, ch)
		case j > i:
			c.Raised = append(c.Raised, ch)
		case j < i:
			c.Lowered = append(c.Lowered, ch)
		default: // an id and a name of the same level
			c.Unchanged = append(c.Unchanged, ch)
		}
	}
	for _, q := range from.Skills {
		if !inTo[fw.skillKey(q.Skill)] {
			c.Dropped = append(c.Dropped, Change{Skill: q.Skill, From: q.Level})
		}
	}
	had := make(map[string]bool, len(from.Responsibilities))
	for _, s := range from.Responsibilities {
		had[fold(s)] = true
	}
	for _, s := range to.Responsibilities {
		if !had[fold(s)] {
			c.NewResponsibilities = append(c.NewResponsibilities, s)
		}
	}
	return c
}

// Step returns what changes from level n-1 to level n of r (1-based n, at
// least 2).
func (fw *Framework) Step(r *Role, n int) Changes {
	return fw.Compare(&r.Levels[n-2], &r.Levels[n-1])
}

// skillKey is what two requirements of the same skill share: the catalogue
// skill's id, or the text as written when the catalogue lacks it.
func (fw *Framework) skillKey(s string) string {
	if sk := fw.Skill(s); sk != nil {
		return sk.ID
	}
	return fold(s)
}
