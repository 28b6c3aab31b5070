package model

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
	if i, ok := fw.index.grades[fold(grade)]; ok {
		return &fw.Grades[i]
	}
	return nil
}

// GradeIndex is the seniority position of the grade (0 = most junior), or -1.
func (fw *Framework) GradeIndex(grade string) int {
	if i, ok := fw.index.grades[fold(grade)]; ok {
		return i
	}
	return -1
}
