package model

import (
	"fmt"
	"strings"
)

// Severity says whether a finding stops the framework from being used.
type Severity int

const (
	// Warning marks a gap a document can live with, such as a skill level
	// that no source describes.
	Warning Severity = iota
	// Error marks data that cannot be turned into correct documents.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Finding is one problem Validate found, with where it is.
type Finding struct {
	Severity Severity
	Pos      Pos
	Subject  string // what it is about: `role "Infrastructure engineer", level 2`
	Message  string
}

func (f Finding) String() string {
	var b strings.Builder
	if f.Pos.IsValid() {
		b.WriteString(f.Pos.String())
		b.WriteString(": ")
	}
	b.WriteString(f.Severity.String())
	b.WriteString(": ")
	if f.Subject != "" {
		b.WriteString(f.Subject)
		b.WriteString(": ")
	}
	b.WriteString(f.Message)
	return b.String()
}

// Findings is the result of Validate.
type Findings []Finding

// Errors counts the findings of severity Error.
func (fs Findings) Errors() int {
	n := 0
	for _, f := range fs {
		if f.Severity == Error {
			n++
		}
	}
	return n
}

// Err returns nil when fs holds no error, else a *ValidationError with them.
func (fs Findings) Err() error {
	if fs.Errors() == 0 {
		return nil
	}
	return &ValidationError{Findings: fs}
}

// ValidationError is returned when a framework has errors that make its
// documents wrong. It carries every finding, warnings included.
type ValidationError struct{ Findings Findings }

func (e *ValidationError) Error() string {
	var first Finding
	for _, f := range e.Findings {
		if f.Severity == Error {
			first = f
			break
		}
	}
	n := e.Findings.Errors()
	if n == 1 {
		return first.String()
	}
	return fmt.Sprintf("%s (and %d more errors)", first, n-1)
}

// Validate checks the framework and returns every finding, in the order of the
// data: errors for references to unknown skills, skill levels and grades,
// duplicate ids or names, a (skill, level) described two ways, a role level
// with no title, a skill needed without a level outside a Senior Civil Service
// role, control characters in text; warnings for a required (skill, level)
// with no description, a role level with no grades or no skills, a role with
// no dates, and one notice listing the roles whose level order was inferred.
func (fw *Framework) Validate() Findings {
	v := &validator{fw: fw}
	v.findings = append(v.findings, fw.findings...)
	v.meta()
	v.catalogues()
	v.controls()
	for i := range fw.Roles {
		v.role(&fw.Roles[i])
	}
	v.undescribed()
	v.inferredOrder()
	return v.findings
}

type validator struct {
	fw       *Framework
	findings Findings
}

func (v *validator) add(sev Severity, pos Pos, subject, format string, args ...any) {
	v.findings = append(v.findings, Finding{Severity: sev, Pos: pos, Subject: subject, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) meta() {
	m := v.fw.Meta
	for _, f := range []struct{ name, value string }{{"name", m.Name}, {"source", m.Source}, {"licence", m.Licence}} {
		switch {
		case strings.TrimSpace(f.value) != "":
		case f.name == "name":
			v.add(Warning, m.Pos, "framework", "no name: documents will not say which framework they are from; give its name in the file, or with ddat's --framework-name")
		default:
			v.add(Warning, m.Pos, "framework", "no %s: documents will have no attribution for it", f.name)
		}
	}
	if len(v.fw.SkillLevels) == 0 {
		v.add(Error, m.Pos, "framework", "no skill levels: expected the ascending scale, e.g. awareness, working, practitioner, expert")
	}
}

// dupes reports items whose folded key was seen before.
type dupes struct {
	v    *validator
	kind string
	seen map[string]Pos
}

func (v *validator) dupes(kind string) *dupes {
	return &dupes{v: v, kind: kind, seen: map[string]Pos{}}
}

func (d *dupes) check(what, value string, pos Pos) {
	if value == "" {
		return
	}
	if what == "id" || strings.HasPrefix(what, "id ") {
		d.v.slug(d.kind, value, pos)
	}
	k := fold(value)
	if first, ok := d.seen[k]; ok {
		d.v.add(Error, pos, fmt.Sprintf("%s %q", d.kind, value), "duplicate %s; first given at %s", what, first)
		return
	}
	d.seen[k] = pos
}

// slug reports an id that is not a slug (see IsSlug).
func (v *validator) slug(kind, id string, pos Pos) {
	if IsSlug(id) {
		return
	}
	hint := ""
	if s := Slug(id); s != "" {
		hint = fmt.Sprintf(", e.g. %q", s)
	}
	v.add(Error, pos, fmt.Sprintf("%s id %q", kind, id), "not a valid id; expected lower-case letters a-z, digits and single hyphens between them%s", hint)
}

func (v *validator) catalogues() {
	fw := v.fw
	ids, names := v.dupes("skill level"), v.dupes("skill level")
	for _, l := range fw.SkillLevels {
		if l.Name == "" {
			v.add(Error, l.Pos, "skill level", "no name")
		}
		ids.check("id", l.ID, l.Pos)
		names.check("name", l.Name, l.Pos)
	}
	ids, codes, names := v.dupes("grade"), v.dupes("grade"), v.dupes("grade")
	for _, g := range fw.Grades {
		if g.Name == "" && g.Code == "" {
			v.add(Error, g.Pos, "grade", "no code or name")
		}
		ids.check("id", g.ID, g.Pos)
		codes.check("code", g.Code, g.Pos)
		names.check("name", g.Name, g.Pos)
	}
	ids, names = v.dupes("skill"), v.dupes("skill")
	for _, s := range fw.Skills {
		if s.Name == "" {
			v.add(Error, s.Pos, "skill", "no name")
		}
		ids.check("id", s.ID, s.Pos)
		names.check("name", s.Name, s.Pos)
		for _, l := range sortedKeys(s.Levels) {
			if fw.SkillLevel(l) == nil {
				v.add(Error, s.LevelPos[l], fmt.Sprintf("skill %q", s.Name), "unknown skill level %q; expected one of: %s", l, v.skillLevelNames())
			}
		}
	}
	ids, names = v.dupes("role"), v.dupes("role")
	for _, r := range fw.Roles {
		ids.check("id", r.ID, r.Pos)
		names.check("name", r.Name, r.Pos)
	}
}

func (v *validator) role(r *Role) {
	fw := v.fw
	subject := fmt.Sprintf("role %q", r.Name)
	if r.Name == "" {
		v.add(Error, r.Pos, "role", "no name")
	}
	if r.Family == "" {
		v.add(Warning, r.Pos, subject, "no family")
	}
	if r.Published.IsZero() {
		v.add(Warning, r.Pos, subject, "no publication date")
	}
	if r.Updated.IsZero() {
		v.add(Warning, r.Pos, subject, "no last-updated date")
	}
	if len(r.Levels) == 0 {
		v.add(Error, r.Pos, subject, "no role levels")
	}
	ids, titles := v.dupes("role level"), v.dupes("role level")
	for i := range r.Levels {
		l := &r.Levels[i]
		ls := fmt.Sprintf("%s, level %d", subject, i+1)
		if strings.TrimSpace(l.Title) == "" {
			v.add(Error, l.Pos, ls, "no title")
		}
		ids.check("id in "+subject, l.ID, l.Pos)
		titles.check("title in "+subject, l.Title, l.Pos)
		if len(l.Grades) == 0 {
			v.add(Warning, l.Pos, ls, "no grades")
		}
		for _, g := range l.Grades {
			if fw.Grade(g) == nil {
				v.add(Error, l.Pos, ls, "unknown grade %q; expected one of: %s", g, v.gradeNames())
			}
		}
		if len(l.Skills) == 0 {
			v.add(Warning, l.Pos, ls, "no skills")
		}
		seen := map[string]Pos{}
		for _, q := range l.Skills {
			if fw.Skill(q.Skill) == nil {
				v.add(Error, q.Pos, ls, "unknown skill %q; it is not in the skills catalogue", q.Skill)
			} else if first, ok := seen[q.Skill]; ok {
				v.add(Error, q.Pos, ls, "skill %q listed twice; first at %s", fw.Skill(q.Skill).Name, first)
			} else {
				seen[q.Skill] = q.Pos
			}
			switch {
			case q.Level == "" && !r.SeniorCivilService():
				v.add(Error, q.Pos, ls, "no skill level for skill %q; expected one of: %s (only the skills of %s roles have none)", v.skillName(q.Skill), v.skillLevelNames(), SeniorCivilService)
			case q.Level == "":
			case fw.SkillLevel(q.Level) == nil:
				v.add(Error, q.Pos, ls, "unknown skill level %q; expected one of: %s", q.Level, v.skillLevelNames())
			case len(q.Items) > 0:
				v.add(Error, q.Pos, ls, "skill %q at level %s has a \"You can:\" list of its own; the list of a skill at a level is the skill's, the same in every role (only a skill needed without a level has its own)", v.skillName(q.Skill), q.Level)
			}
		}
	}
}

// undescribed warns once for each required (skill, level) that has no
// description, at the first place that requires it.
func (v *validator) undescribed() {
	fw := v.fw
	type pair struct{ skill, level string }
	seen := map[pair]bool{}
	for i := range fw.Roles {
		r := &fw.Roles[i]
		for j := range r.Levels {
			for _, q := range r.Levels[j].Skills {
				s, l := fw.Skill(q.Skill), fw.SkillLevel(q.Level)
				if s != nil && q.Level == "" && len(q.Items) == 0 {
					v.add(Warning, q.Pos, fmt.Sprintf("skill %q in %s", s.Name, levelName(r, j)), "no \"You can:\" list: a skill needed without a level has the role's own")
					continue
				}
				p := pair{q.Skill, q.Level}
				if s == nil || l == nil || seen[p] || len(s.Levels[l.ID]) > 0 {
					continue
				}
				seen[p] = true
				v.add(Warning, q.Pos, fmt.Sprintf("skill %q at level %s", s.Name, l.ID), "no description (first needed by %s)", levelName(r, j))
			}
		}
	}
}

// skillName is the name of the skill with this id, or the id.
func (v *validator) skillName(id string) string {
	if s := v.fw.Skill(id); s != nil {
		return s.Name
	}
	return id
}

func (v *validator) skillLevelNames() string {
	names := make([]string, len(v.fw.SkillLevels))
	for i, l := range v.fw.SkillLevels {
		names[i] = l.ID
	}
	return strings.Join(names, ", ")
}

func (v *validator) gradeNames() string {
	names := make([]string, len(v.fw.Grades))
	for i := range v.fw.Grades {
		names[i] = v.fw.Grades[i].Short()
	}
	return strings.Join(names, ", ")
}

// levelName names a role level in a message: its title, or its number in the
// role when it has none.
func levelName(r *Role, j int) string {
	if t := strings.TrimSpace(r.Levels[j].Title); t != "" {
		return t
	}
	return fmt.Sprintf("%s level %d", r.Name, j+1)
}
