package model

import "slices"

// Grade is a civil-service job grade a role level is often performed at.
// Code is the short form ("SEO"); some grades have none ("Deputy director or
// equivalent").
type Grade struct {
	ID   string
	Code string
	Name string
	Pos  Pos
}

// Label is the grade as a role page writes it: "SEO (Senior Executive
// Officer)", or just the name when there is no code.
func (g *Grade) Label() string {
	if g.Code == "" {
		return g.Name
	}
	if g.Name == "" {
		return g.Code
	}
	return g.Code + " (" + g.Name + ")"
}

// Short is the grade's code, or its name when it has no code.
func (g *Grade) Short() string {
	if g.Code != "" {
		return g.Code
	}
	return g.Name
}

// Grade returns the grade with this id, code or name (case-insensitive), or
// nil.
func (fw *Framework) Grade(grade string) *Grade {
	if i := fw.GradeIndex(grade); i >= 0 {
		return &fw.Grades[i]
	}
	return nil
}

// GradeIndex is the seniority position of the grade (0 = most junior), or -1.
func (fw *Framework) GradeIndex(grade string) int {
	if i, ok := fw.index.grades[fold(grade)]; ok {
		return i
	}
	// A Senior Civil Service pay band names the grade it stands for, where
	// the framework has that grade.
	if name, ok := payBands[fold(grade)]; ok {
		if i, ok := fw.index.grades[fold(name)]; ok {
			return i
		}
	}
	return -1
}

// payBands are the Senior Civil Service pay bands by the grade names role
// pages use for them.
var payBands = map[string]string{
	"scs1": "Deputy director or equivalent",
	"scs2": "Director",
	"scs3": "Director general",
	"scs4": "Permanent secretary",
}

// FindGrade is Grade with an error: a *NotFoundError listing the grades
// there are, with a "did you mean" for a misspelling.
func (fw *Framework) FindGrade(q string) (*Grade, error) {
	if g := fw.Grade(q); g != nil {
		return g, nil
	}
	choices := make([]string, len(fw.Grades))
	for i := range fw.Grades {
		choices[i] = fw.Grades[i].Short()
	}
	return nil, &NotFoundError{Kind: "grade", Query: q, Choices: choices}
}

// LevelsAtGrade is the levels of r performed at grade g, in r's order.
func (r *Role) LevelsAtGrade(g *Grade) []*RoleLevel {
	var out []*RoleLevel
	for i := range r.Levels {
		if slices.Contains(r.Levels[i].Grades, g.ID) {
			out = append(out, &r.Levels[i])
		}
	}
	return out
}
