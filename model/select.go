package model

import (
	"fmt"
	"strings"
)

// LevelRef points at one role level, or at a whole role when Level is nil.
type LevelRef struct {
	Role  *Role
	Level *RoleLevel
}

// Number is the 1-based position of the level in its role, 0 for a whole role.
func (ref LevelRef) Number() int {
	if ref.Level == nil {
		return 0
	}
	return ref.Role.LevelNumber(ref.Level)
}

// Selection narrows a framework to some role levels. Each non-empty field
// must match; within a field, any value may match.
type Selection struct {
	Families []string // family ids or names
	Roles    []string // role ids or names
	Grades   []string // grade codes, ids or names: levels performed at one of them
}

// IsZero reports whether s selects everything.
func (s Selection) IsZero() bool {
	return len(s.Families) == 0 && len(s.Roles) == 0 && len(s.Grades) == 0
}

// Select returns the role levels that s picks, in framework order. A value
// that names nothing is a *NotFoundError; a selection that is valid but picks
// no level is an error that says why.
func (fw *Framework) Select(s Selection) ([]LevelRef, error) {
	families := map[string]bool{}
	for _, f := range s.Families {
		fam := fw.Family(f)
		if fam == nil {
			choices := make([]string, len(fw.Families))
			for i := range fw.Families {
				choices[i] = fw.Families[i].ID
			}
			return nil, &NotFoundError{Kind: "family", Query: f, Choices: choices}
		}
		families[fam.ID] = true
	}
	roles := map[string]bool{}
	for _, q := range s.Roles {
		r, err := fw.Role(q)
		if err != nil {
			return nil, err
		}
		roles[r.ID] = true
	}
	grades := map[string]bool{}
	for _, q := range s.Grades {
		g := fw.Grade(q)
		if g == nil {
			choices := make([]string, len(fw.Grades))
			for i := range fw.Grades {
				choices[i] = fw.Grades[i].Short()
			}
			return nil, &NotFoundError{Kind: "grade", Query: q, Choices: choices}
		}
		grades[g.ID] = true
	}
	var refs []LevelRef
	for i := range fw.Roles {
		r := &fw.Roles[i]
		if len(families) > 0 && !families[r.Family] || len(roles) > 0 && !roles[r.ID] {
			continue
		}
		for j := range r.Levels {
			l := &r.Levels[j]
			if len(grades) > 0 && !anyOf(l.Grades, grades) {
				continue
			}
			refs = append(refs, LevelRef{Role: r, Level: l})
		}
	}
	if len(refs) == 0 {
		return nil, fmt.Errorf("%w: no role level matches %s", ErrEmptySelection, s)
	}
	return refs, nil
}

// ErrEmptySelection is matched by the error Select returns when its filters
// are valid but leave nothing.
var ErrEmptySelection = fmt.Errorf("empty selection")

func (s Selection) String() string {
	var parts []string
	add := func(what string, vs []string) {
		if len(vs) > 0 {
			parts = append(parts, what+" "+strings.Join(vs, " or "))
		}
	}
	add("family", s.Families)
	add("role", s.Roles)
	add("grade", s.Grades)
	if len(parts) == 0 {
		return "the selection"
	}
	return strings.Join(parts, " and ")
}

func anyOf(ids []string, set map[string]bool) bool {
	for _, id := range ids {
		if set[id] {
			return true
		}
	}
	return false
}

// Documents returns the refs of every job profile a role has: the whole role
// first, then each of its levels in order.
func (r *Role) Documents() []LevelRef {
	refs := make([]LevelRef, 0, 1+len(r.Levels))
	refs = append(refs, LevelRef{Role: r})
	for j := range r.Levels {
		refs = append(refs, LevelRef{Role: r, Level: &r.Levels[j]})
	}
	return refs
}
