package model

import (
	"strconv"
	"strings"
	"time"
)

// Role is a job in a role family, with its levels in ascending order.
type Role struct {
	ID               string
	Name             string
	Family           string // family id
	Type             string // e.g. "Senior Civil Service"; empty for most roles
	Summary          string // "What an infrastructure engineer does"
	Responsibilities []string
	Published        time.Time
	Updated          time.Time
	Updates          []Update // newest first, as the role page lists them
	Levels           []RoleLevel
	Pos              Pos
}

// RoleLevel is one step of a role ("Senior infrastructure engineer").
type RoleLevel struct {
	ID               string
	Title            string
	Summary          string
	Responsibilities []string // "At this role level, you will:"
	Grades           []string // grade ids, as the source lists them
	Skills           []Requirement
	Pos              Pos
}

// Requirement is one skill a role level needs, at one skill level. A Senior
// Civil Service role needs its skills without a level: Level is empty and
// Items is the role's own "You can:" list for the skill.
type Requirement struct {
	Skill string   // skill id; the text as written when it names no known skill
	Level string   // skill level id; the text as written when unknown; "" for none
	Items []string // the role's own "You can:" items, for a requirement without a level
	Pos   Pos
}

// SeniorCivilService is the role type of the senior roles (chief digital and
// information officer, chief technology officer, …) that have one level and
// need their skills without a skill level.
const SeniorCivilService = "Senior Civil Service"

// SeniorCivilService reports whether r is of the type SeniorCivilService,
// whose skills are not set at a level.
func (r *Role) SeniorCivilService() bool { return fold(r.Type) == fold(SeniorCivilService) }

// Update is one dated entry of a role page's update history.
type Update struct {
	Date    time.Time
	Changes []string
	Pos     Pos
}

// Role returns the role whose id or name is q (case-insensitive). When there
// is none, the error is a *NotFoundError listing the roles there are.
func (fw *Framework) Role(q string) (*Role, error) {
	if i, ok := fw.index.roles[fold(q)]; ok {
		return &fw.Roles[i], nil
	}
	if i, ok := fw.index.roles[Slug(q)]; ok {
		return &fw.Roles[i], nil
	}
	choices := make([]string, len(fw.Roles))
	for i := range fw.Roles {
		choices[i] = fw.Roles[i].ID
	}
	return nil, &NotFoundError{Kind: "role", Query: q, Choices: choices}
}

// Level returns the role level that q names: a 1-based number, the level's
// id, its title, or its title without the role's name ("senior" for "Senior
// infrastructure engineer"). When there is none, the error is a
// *NotFoundError listing the levels there are.
func (r *Role) Level(q string) (*RoleLevel, error) {
	if n, err := strconv.Atoi(strings.TrimSpace(q)); err == nil && n >= 1 && n <= len(r.Levels) {
		return &r.Levels[n-1], nil
	}
	key := fold(q)
	for i := range r.Levels {
		l := &r.Levels[i]
		if key == fold(l.ID) || key == fold(l.Title) || Slug(q) == l.ID {
			return l, nil
		}
	}
	choices := make([]string, len(r.Levels))
	for i := range r.Levels {
		choices[i] = strconv.Itoa(i+1) + " (" + r.Levels[i].ID + ")"
	}
	return nil, &NotFoundError{Kind: "level of " + r.Name, Query: q, Choices: choices}
}

// LevelNumber is the 1-based position of l in r, or 0 if l is not r's.
func (r *Role) LevelNumber(l *RoleLevel) int {
	for i := range r.Levels {
		if &r.Levels[i] == l || r.Levels[i].ID == l.ID {
			return i + 1
		}
	}
	return 0
}

// LevelID derives a role level's id from its title: the title without the
// role's name ("Senior infrastructure engineer" in role "Infrastructure
// engineer" gives "senior"), or the whole title when that leaves nothing.
func LevelID(role, title string) string {
	t, r := fold(title), fold(role)
	if rest := strings.TrimSpace(strings.Replace(t, r, "", 1)); rest != t && rest != "" {
		return Slug(rest)
	}
	return Slug(title)
}

// GradeRange is the span of grades that r's levels are performed at, from the
// most junior to the most senior, e.g. "EO to G6"; "" when no level has a
// grade.
func (fw *Framework) GradeRange(r *Role) string {
	lo, hi := -1, -1
	for i := range r.Levels {
		for _, g := range r.Levels[i].Grades {
			n := fw.GradeIndex(g)
			if n < 0 {
				continue
			}
			if lo < 0 || n < lo {
				lo = n
			}
			if n > hi {
				hi = n
			}
		}
	}
	switch {
	case lo < 0:
		return ""
	case lo == hi:
		return fw.Grades[lo].Short()
	}
	return fw.Grades[lo].Short() + " to " + fw.Grades[hi].Short()
}

// LevelGrades returns the grades of l in the order the source lists them,
// skipping references to grades the framework does not define.
func (fw *Framework) LevelGrades(l *RoleLevel) []*Grade {
	gs := make([]*Grade, 0, len(l.Grades))
	for _, id := range l.Grades {
		if g := fw.Grade(id); g != nil {
			gs = append(gs, g)
		}
	}
	return gs
}
