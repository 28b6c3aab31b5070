package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/model"
)

// labelWidth aligns the values of the fields at the top of a shown role.
const labelWidth = len("Last updated:  ")

// dateLayout is how role pages write dates: "31 July 2023".
const dateLayout = "2 January 2006"

// writeShow writes what a job profile holds as plain text for a terminal,
// wrapped to width columns (0: no wrapping): one role level when ref.Level is
// set, else the whole role with all its levels in order.
func writeShow(w io.Writer, fw *model.Framework, ref model.LevelRef, width int) error {
	t := &textWriter{w: w, width: width}
	if ref.Level != nil {
		showLevel(t, fw, ref.Role, ref.Level)
	} else {
		showRole(t, fw, ref.Role)
	}
	return t.err
}

// showLevel writes one role level: a header of facts, the role summary, the
// level's own text and skills, and the roles that share the role's skills.
func showLevel(t *textWriter, fw *model.Framework, r *model.Role, l *model.RoleLevel) {
	n := r.LevelNumber(l)
	t.heading(l.Title, '=')
	t.blank()
	t.field(labelWidth, "Role", r.Name)
	t.field(labelWidth, "Family", familyName(fw, r))
	if r.Type != "" {
		t.field(labelWidth, "Type", r.Type)
	}
	t.field(labelWidth, "Level", fmt.Sprintf("%d of %d", n, len(r.Levels)))
	if !r.Updated.IsZero() {
		t.field(labelWidth, "Last updated", r.Updated.Format(dateLayout))
	}
	t.blank()
	showRoleSummary(t, r)
	t.heading(fmt.Sprintf("%d. %s", n, l.Title), '-')
	showLevelText(t, fw, l)
	if len(l.Skills) > 0 {
		t.heading("Skills", '-')
		showSkills(t, fw, l, 0)
	}
	showSharing(t, fw, r)
}

// showRole writes a whole role: its facts and summary, every level in
// order, the roles that share its skills and its update history.
func showRole(t *textWriter, fw *model.Framework, r *model.Role) {
	t.heading(r.Name, '=')
	t.blank()
	t.field(labelWidth, "Family", familyName(fw, r))
	if r.Type != "" {
		t.field(labelWidth, "Type", r.Type)
	}
	t.field(labelWidth, "Levels", levelSpan(r))
	if g := fw.GradeRange(r); g != "" {
		t.field(labelWidth, "Grades", g)
	}
	if !r.Published.IsZero() {
		t.field(labelWidth, "Published", r.Published.Format(dateLayout))
	}
	if !r.Updated.IsZero() {
		t.field(labelWidth, "Last updated", r.Updated.Format(dateLayout))
	}
	t.blank()
	showRoleSummary(t, r)
	for i := range r.Levels {
		l := &r.Levels[i]
		t.heading(fmt.Sprintf("%d. %s", i+1, l.Title), '-')
		showLevelText(t, fw, l)
		if len(l.Skills) > 0 {
			t.line("Skills:")
			t.blank()
			showSkills(t, fw, l, 2)
		}
	}
	showSharing(t, fw, r)
	if len(r.Updates) > 0 {
		t.heading("Updates", '-')
		for _, u := range r.Updates {
			if !u.Date.IsZero() {
				t.line(u.Date.Format(dateLayout))
			}
			for _, c := range u.Changes {
				t.bullet(2, c)
			}
			t.blank()
		}
	}
}

// showRoleSummary writes "What an infrastructure engineer does" and the
// role's summary and responsibilities.
func showRoleSummary(t *textWriter, r *model.Role) {
	if r.Summary == "" && len(r.Responsibilities) == 0 {
		return
	}
	t.heading("What "+withArticle(lowerFirst(r.Name))+" does", '-')
	paragraphs(t, r.Summary)
	list(t, "In this role, you will:", r.Responsibilities)
}

// showLevelText writes a level's summary, its "At this role level, you
// will:" list and its grades with their full names, as a role page does.
func showLevelText(t *textWriter, fw *model.Framework, l *model.RoleLevel) {
	paragraphs(t, l.Summary)
	list(t, "At this role level, you will:", l.Responsibilities)
	if gs := gradeLabels(fw, l); len(gs) > 0 {
		list(t, "This role level is often performed at the Civil Service job grade of:", gs)
	} else {
		t.line("Grades: none given")
		t.blank()
	}
}

// showSkills writes each skill a level needs, in source order, at indent:
// its name, level, the derived level phrase and the "You can:" list where
// the framework describes the pair; for a skill needed without a level, the
// role's own list.
func showSkills(t *textWriter, fw *model.Framework, l *model.RoleLevel, indent int) {
	for _, q := range l.Skills {
		name, level, about := q.Skill, q.Level, ""
		var can []string
		if s := fw.Skill(q.Skill); s != nil {
			name, about, can = s.Name, s.Description, s.Can(q.Level)
		}
		if sl := fw.SkillLevel(q.Level); sl != nil {
			level = lowerFirst(sl.Name)
		}
		if q.Level == "" {
			level, can = "not set (skills of "+model.SeniorCivilService+" roles are not set at a level)", q.Items
		}
		t.para(indent, name)
		if about != "" {
			t.para(indent+2, about)
		}
		t.para(indent+2, "Level: "+level)
		if p := fw.LevelPhrase(q.Level); p != "" {
			t.para(indent+2, p)
		}
		if len(can) > 0 {
			t.para(indent+2, "You can:")
			for _, c := range can {
				t.bullet(indent+4, c)
			}
		}
		t.blank()
	}
}

// showSharing writes "Roles that share infrastructure engineer skills": each
// role and the skills it shares, as model.RolesSharingSkills orders them.
func showSharing(t *textWriter, fw *model.Framework, r *model.Role) {
	shared := fw.RolesSharingSkills(r)
	if len(shared) == 0 {
		return
	}
	t.heading("Roles that share "+lowerFirst(r.Name)+" skills", '-')
	for _, s := range shared {
		names := make([]string, len(s.Skills))
		for i, id := range s.Skills {
			names[i] = id
			if sk := fw.Skill(id); sk != nil {
				names[i] = sk.Name
			}
		}
		t.para(0, s.Role.Name)
		t.para(2, strings.Join(names, ", "))
		t.blank()
	}
}

// paragraphs writes text whose paragraphs are separated by blank lines, and a
// blank line after it.
func paragraphs(t *textWriter, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			t.para(0, p)
			t.blank()
		}
	}
}

// list writes a lead-in and its bullet items, and a blank line; nothing when
// there are no items.
func list(t *textWriter, leadIn string, items []string) {
	if len(items) == 0 {
		return
	}
	t.para(0, leadIn)
	for _, it := range items {
		t.bullet(2, it)
	}
	t.blank()
}

// gradeLabels are a level's grades with their full names.
func gradeLabels(fw *model.Framework, l *model.RoleLevel) []string {
	gs := fw.LevelGrades(l)
	labels := make([]string, len(gs))
	for i, g := range gs {
		labels[i] = g.Label()
	}
	return labels
}

// familyName is the name of r's family.
func familyName(fw *model.Framework, r *model.Role) string {
	if f := fw.Family(r.Family); f != nil && f.Name != "" {
		return f.Name
	}
	if r.Family == "" {
		return "none given"
	}
	return r.Family
}

// levelSpan says how many levels a role has and which: "5, from Associate
// infrastructure engineer to Principal infrastructure engineer".
func levelSpan(r *model.Role) string {
	switch len(r.Levels) {
	case 0:
		return "none"
	case 1:
		return "1: " + r.Levels[0].Title
	}
	return fmt.Sprintf("%d, from %s to %s", len(r.Levels), r.Levels[0].Title, r.Levels[len(r.Levels)-1].Title)
}

// lowerFirst lower-cases the first letter of a name for use inside a
// sentence ("Infrastructure engineer" → "infrastructure engineer"), but
// leaves a leading acronym alone ("IT service manager").
func lowerFirst(s string) string {
	first, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[size:]); unicode.IsUpper(next) || unicode.IsDigit(next) {
		return s
	}
	return string(unicode.ToLower(first)) + s[size:]
}

// withArticle puts "a" or "an" before a lower-case noun phrase.
func withArticle(s string) string {
	if s != "" && strings.ContainsRune("aeiouAEIOU", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}
