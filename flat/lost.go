package flat

import (
	"slices"

	"github.com/ddat-tools/ddat/model"
)

// Lost lists what fw holds that the flat layout cannot, and so a file
// written by Write would not: metadata, dates, update history, role-level ids
// that are not derived from the titles, a skill-level scale or grades other
// than the standard ones. It is empty when a round trip through the layout
// keeps everything.
func Lost(fw *model.Framework) []string {
	var lost []string
	m := fw.Meta
	if m.Source != "" || m.URL != "" || m.Licence != "" {
		lost = append(lost, "the framework's name, source and licence (a flat file's framework is named after the file)")
	}
	var dates, updates, levelIDs bool
	for i := range fw.Roles {
		r := &fw.Roles[i]
		dates = dates || !r.Published.IsZero() || !r.Updated.IsZero()
		updates = updates || len(r.Updates) > 0
		for j := range r.Levels {
			l := &r.Levels[j]
			if l.ID != roundTripLevelID(r, l) {
				levelIDs = true
			}
		}
	}
	if dates {
		lost = append(lost, "the roles' publication and last-updated dates")
	}
	if updates {
		lost = append(lost, "the roles' update history")
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
