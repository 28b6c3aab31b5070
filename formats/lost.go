package formats

import (
	"slices"

	"github.com/ddat-tools/ddat/model"
)

// Lost lists what fw holds that the flat layout cannot, and so a file
// written by Write would not: role-level ids that are not derived from the
// titles, a skill-level scale or grades other than the standard ones, and
// update-history entries without a date. It is empty when a round trip
// through the layout keeps everything.
func Lost(fw *model.Framework) []string {
	var lost []string
	var undated, levelIDs bool
	for i := range fw.Roles {
		r := &fw.Roles[i]
		for _, u := range r.Updates {
			undated = undated || u.Date.IsZero()
		}
		for j := range r.Levels {
			l := &r.Levels[j]
			if l.ID != roundTripLevelID(r, l) {
				levelIDs = true
			}
		}
	}
	if undated {
		lost = append(lost, "update-history entries without a date")
	}
	if levelIDs {
		lost = append(lost, "role-level ids that differ from the ones derived from the titles")
	}
	if !slices.EqualFunc(fw.SkillLevels, StandardSkillLevels(), func(a, b model.SkillLevel) bool { return a.ID == b.ID && a.Name == b.Name }) {
		lost = append(lost, "a skill-level scale other than Awareness, Working, Practitioner, Expert")
	}
	std := StandardGrades()
	for _, g := range fw.Grades {
		if i := findGrade(std, firstNonEmpty(g.Code, g.Name)); i < 0 || std[i].ID != g.ID || std[i].Name != g.Name || std[i].Code != g.Code {
			lost = append(lost, "the grades catalogue (grades are written by their labels)")
			break
		}
	}
	return lost
}

// roundTripLevelID is the id Read gives a role level: the one derived from
// its title when the model is built.
func roundTripLevelID(r *model.Role, l *model.RoleLevel) string {
	fw := &model.Framework{Roles: []model.Role{{Name: r.Name, Levels: []model.RoleLevel{{Title: l.Title}}}}}
	fw.Build()
	return fw.Roles[0].Levels[0].ID
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
