package formats

import (
	"fmt"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// StandardSkillLevels is the framework's ascending scale of skill levels,
// which a flat file names but does not define.
func StandardSkillLevels() []model.SkillLevel {
	return []model.SkillLevel{
		{ID: "awareness", Name: "Awareness"},
		{ID: "working", Name: "Working"},
		{ID: "practitioner", Name: "Practitioner"},
		{ID: "expert", Name: "Expert"},
	}
}

// StandardGrades are the civil-service grades role levels are performed at,
// by seniority, as the framework's role pages write them. A flat file's grades
// refer to them by code or name; one written as "code (name)" that is not
// among them is added after them.
func StandardGrades() []model.Grade {
	return []model.Grade{
		{ID: "ao", Code: "AO", Name: "Administrative Officer"},
		{ID: "eo", Code: "EO", Name: "Executive Officer"},
		{ID: "heo", Code: "HEO", Name: "Higher Executive Officer"},
		{ID: "seo", Code: "SEO", Name: "Senior Executive Officer"},
		{ID: "g7", Code: "G7", Name: "Grade 7"},
		{ID: "g6", Code: "G6", Name: "Grade 6"},
		{ID: "deputy-director-or-equivalent", Name: "Deputy director or equivalent"},
	}
}

// skillLevelID is the id of the standard skill level a cell names, by id or
// name in any case, or "".
func skillLevelID(s string) string {
	for _, l := range StandardSkillLevels() {
		if fold(s) == l.ID || fold(s) == fold(l.Name) {
			return l.ID
		}
	}
	return ""
}

func levelNames() string {
	var names []string
	for _, l := range StandardSkillLevels() {
		names = append(names, l.Name)
	}
	return strings.Join(names, ", ")
}

// gradeRef is one grade as a cell writes it: "EO", "Executive Officer" or
// "EO (Executive Officer)".
type gradeRef struct{ code, name string }

// splitGrades splits a Grades cell at ";", "," and line breaks.
func splitGrades(s string) []gradeRef {
	var out []gradeRef
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '\n' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		g := gradeRef{code: part}
		if i := strings.Index(part, "("); i > 0 && strings.HasSuffix(part, ")") {
			g = gradeRef{code: strings.TrimSpace(part[:i]), name: strings.TrimSpace(part[i+1 : len(part)-1])}
		}
		out = append(out, g)
	}
	return out
}

// findGrade returns the index in gs of the grade with this code or name.
func findGrade(gs []model.Grade, s string) int {
	for i, g := range gs {
		if fold(s) == fold(g.Code) || fold(s) == fold(g.Name) || fold(s) == g.ID {
			return i
		}
	}
	return -1
}

// levelGrades reads a Grades cell into grade references. A "code (name)"
// that the catalogue lacks is added to it; one whose name differs from the
// catalogue's gets a warning. A bare code the catalogue lacks is kept as
// written, for Validate to report.
func (m *merger) levelGrades(cell string, r row) []string {
	var out []string
	for _, ref := range splitGrades(cell) {
		i := findGrade(m.grades, ref.code)
		switch {
		case i < 0 && ref.name != "":
			m.grades = append(m.grades, model.Grade{Code: ref.code, Name: ref.name, Pos: m.at(r, colGrades)})
		case i >= 0 && ref.name != "" && fold(ref.name) != fold(m.grades[i].Name) && fold(ref.name) != fold(m.grades[i].Code):
			m.found = append(m.found, model.Finding{Severity: model.Warning, Pos: m.at(r, colGrades), Subject: "grade " + quote(ref.code),
				Message: fmt.Sprintf("named %s here; the grade is %s", quote(ref.name), quote(m.grades[i].Label()))})
		}
		out = append(out, ref.code)
	}
	return out
}
