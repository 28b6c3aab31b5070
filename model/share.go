package model

import (
	"cmp"
	"slices"
)

// Progression is a role's skills against its levels: Skills in order of first
// appearance (level by level, in source order) and, for each skill, the skill
// level id needed at each role level ("" where that level does not need it).
type Progression struct {
	Role   *Role
	Skills []string   // skill ids
	Levels [][]string // Levels[skill][role level] = skill level id or ""
	Needed [][]bool   // Needed[skill][role level]: the level needs the skill, at a level or (Senior Civil Service) without one
}

// Progression returns how r's skills grow across its levels.
func (fw *Framework) Progression(r *Role) Progression {
	p := Progression{Role: r}
	row := map[string]int{}
	for j := range r.Levels {
		for _, q := range r.Levels[j].Skills {
			i, ok := row[q.Skill]
			if !ok {
				i = len(p.Skills)
				row[q.Skill] = i
				p.Skills = append(p.Skills, q.Skill)
				p.Levels = append(p.Levels, make([]string, len(r.Levels)))
				p.Needed = append(p.Needed, make([]bool, len(r.Levels)))
			}
			p.Levels[i][j] = q.Level
			p.Needed[i][j] = true
		}
	}
	return p
}

// SharedSkills returns the skills that roles a and b both require at any
// level, in the order a first needs them.
func (fw *Framework) SharedSkills(a, b *Role) []string {
	inB := map[string]bool{}
	for j := range b.Levels {
		for _, q := range b.Levels[j].Skills {
			inB[q.Skill] = true
		}
	}
	var shared []string
	for _, s := range fw.Progression(a).Skills {
		if inB[s] {
			shared = append(shared, s)
		}
	}
	return shared
}

// SharedRole is a role that shares skills with another, and which skills.
type SharedRole struct {
	Role   *Role
	Skills []string // skill ids, in the order the first role needs them
}

// MaxSharedRoles is how many roles a role page lists under "Roles that share
// skills".
const MaxSharedRoles = 5

// RolesSharingSkills returns the roles a role page lists under "Roles that
// share … skills": the other roles of r's family that share at least one
// skill, most shared skills first, then by name, at most MaxSharedRoles.
func (fw *Framework) RolesSharingSkills(r *Role) []SharedRole {
	// r's skills are listed once; each other role of the family is then
	// read once, whatever the number of roles.
	mine := fw.Progression(r).Skills
	order := make(map[string]int, len(mine))
	for i, s := range mine {
		order[s] = i
	}
	var out []SharedRole
	has := make([]bool, len(mine))
	for i := range fw.Roles {
		o := &fw.Roles[i]
		if o == r || o.ID == r.ID || o.Family != r.Family {
			continue
		}
		clear(has)
		n := 0
		for j := range o.Levels {
			for _, q := range o.Levels[j].Skills {
				if k, ok := order[q.Skill]; ok && !has[k] {
					has[k] = true
					n++
				}
			}
		}
		if n == 0 {
			continue
		}
		s := make([]string, 0, n)
		for k, id := range mine {
			if has[k] {
				s = append(s, id)
			}
		}
		out = append(out, SharedRole{Role: o, Skills: s})
	}
	slices.SortStableFunc(out, func(x, y SharedRole) int {
		if c := cmp.Compare(len(y.Skills), len(x.Skills)); c != 0 {
			return c
		}
		return cmp.Compare(fold(x.Role.Name), fold(y.Role.Name))
	})
	if len(out) > MaxSharedRoles {
		out = out[:MaxSharedRoles]
	}
	return out
}
