package profile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/vacancy"
)

// describe builds the description of a job profile: a role level's when
// ref.Level is set, else the whole role's. Every text from the framework
// and from the vacancy, if any, passes through the cleaner; the first text
// the font cannot print is the error. A vacancy belongs to one role level:
// with a whole role it is an error.
func describe(fw *model.Framework, ref model.LevelRef, cov *coverage, v *vacancy.Vacancy) (*document, error) {
	if ref.Role == nil {
		return nil, fmt.Errorf("profile: no role given")
	}
	b := &profileBuilder{fw: fw, role: ref.Role, tc: &textCleaner{cov: cov, role: ref.Role.ID}}
	if !v.Empty() {
		if ref.Level == nil {
			return nil, fmt.Errorf("profile %s: vacancy details belong on the profile of one role level; choose the level", ref.Role.ID)
		}
		b.vac = b.newVacancyText(v)
	}
	var d *document
	if ref.Level != nil {
		d = b.levelProfile(ref.Level)
	} else {
		d = b.roleProfile()
	}
	if b.vac != nil && b.vac.err != nil {
		return nil, b.vac.err
	}
	if b.tc.err != nil {
		return nil, b.tc.err
	}
	return d, nil
}

// profileBuilder accumulates a document's blocks.
type profileBuilder struct {
	fw     *model.Framework
	role   *model.Role
	tc     *textCleaner
	vac    *vacancyText // the vacancy the profile is for; nil = none
	blocks []block
}

func (b *profileBuilder) add(bl ...block) { b.blocks = append(b.blocks, bl...) }

// levelProfile is the job profile of one role level.
func (b *profileBuilder) levelProfile(l *model.RoleLevel) *document {
	r := b.role
	b.tc.at(l.Pos)
	n := r.LevelNumber(l)
	title := b.tc.clean("level title", l.Title)
	roleName := b.tc.clean("name", r.Name)
	// An advertised title heads the page; the level's own title then
	// says which level of the framework the job is.
	shown, levelText := title, fmt.Sprintf("Level %d of %d", n, len(r.Levels))
	if adv := b.vacancyTitle(title); adv != "" {
		shown, levelText = adv, fmt.Sprintf("%s, level %d of %d", title, n, len(r.Levels))
	}
	b.add(
		block{Kind: kindCaption, Text: "Job profile"},
		block{Kind: kindTitle, Text: shown, Bookmark: 1},
	)
	facts := [][2]cell{
		{textCell("Role"), textCell(roleName)},
		{textCell("Role family"), textCell(b.familyName())},
	}
	facts = append(facts, b.roleType()...)
	facts = append(facts, [2]cell{textCell("Role level"), textCell(levelText)})
	if g := b.gradeLabels(l); len(g) > 0 {
		facts = append(facts, [2]cell{textCell("Civil Service grades"), g})
	}
	if !r.Updated.IsZero() {
		facts = append(facts, [2]cell{textCell("Last updated"), textCell(longDate(r.Updated))})
	}
	b.add(summaryTable(facts))
	b.vacancy()
	b.roleSummary(2)
	if len(paragraphs(l.Summary)) > 0 || len(l.Responsibilities) > 0 {
		// A Senior Civil Service role's one level has no text of its own.
		b.add(block{Kind: kindHeading, Level: 2, Text: "About this role level", Bookmark: 2})
		b.levelText(l)
	}
	b.add(block{Kind: kindHeading, Level: 2, Text: "Skills", Bookmark: 2})
	if unleveled(l) {
		b.add(block{Kind: kindParagraph, Text: "The skills you need at this role level. " + notSetAtLevel, KeepNext: true})
	} else {
		b.skillLevelLegend("")
	}
	b.skillsTable(l)
	b.sharedRoles(2)
	b.attribution()
	subject := b.subject(title + ", level " + strconv.Itoa(n) + " of the role " + roleName)
	kw := b.keywords(l)
	if ref := b.vacancyReference(); ref != "" {
		subject += "; vacancy reference " + ref
		kw = append(kw, ref)
	}
	if shown != title {
		kw = append(kw, shown)
	}
	return &document{
		Title:    shown,
		Subject:  subject,
		Keywords: kw,
		Blocks:   b.blocks,
	}
}

// roleProfile is the job profile of a whole role: a title page, how its
// skills grow, the roles that share them, then each level on its own pages.
func (b *profileBuilder) roleProfile() *document {
	r := b.role
	b.tc.at(r.Pos)
	name := b.tc.clean("name", r.Name)
	b.add(
		block{Kind: kindCaption, Text: "Job profile"},
		block{Kind: kindTitle, Text: name, Bookmark: 1},
	)
	facts := [][2]cell{{textCell("Role family"), textCell(b.familyName())}}
	facts = append(facts, b.roleType()...)
	if g := b.fw.GradeRange(r); g != "" {
		facts = append(facts, [2]cell{textCell("Civil Service grades"), textCell(b.tc.clean("grades", g))})
	}
	switch {
	case !r.Updated.IsZero() && !r.Published.IsZero():
		facts = append(facts, [2]cell{textCell("Last updated"), textCell(longDate(r.Updated) + " (first published " + longDate(r.Published) + ")")})
	case !r.Updated.IsZero():
		facts = append(facts, [2]cell{textCell("Last updated"), textCell(longDate(r.Updated))})
	case !r.Published.IsZero():
		facts = append(facts, [2]cell{textCell("Published"), textCell(longDate(r.Published))})
	}
	b.add(summaryTable(facts))
	b.roleSummary(2)
	if len(r.Levels) > 0 {
		b.add(block{Kind: kindHeading, Level: 2, Text: "Role levels"})
		// A framework without grades (the published download) gets no
		// column of "Not given".
		graded := b.fw.GradeRange(r) != ""
		t := &table{Kind: tableGrid, Keep: true, Columns: []column{{Head: "Role level", Width: 0.9}, {Head: "Page", Width: 0.1}}}
		if graded {
			t.Columns = []column{{Head: "Role level", Width: 0.5}, {Head: "Civil Service grades", Width: 0.4}, {Head: "Page", Width: 0.1}}
		}
		for i := range r.Levels {
			l := &r.Levels[i]
			row := []cell{textCell(fmt.Sprintf("%d. %s", i+1, b.tc.clean(b.levelField(l, "title"), l.Title)))}
			if graded {
				row = append(row, b.gradeCodesCell(l))
			}
			t.Rows = append(t.Rows, append(row, cell{{Kind: kindParagraph, PageOf: levelAnchor(l)}}))
		}
		b.add(block{Kind: kindTable, Table: t})
	}
	b.updates(2)
	b.attribution()
	if len(r.Levels) > 0 {
		b.add(block{Kind: kindPageBreak})
		b.progression()
	}
	for i := range r.Levels {
		l := &r.Levels[i]
		b.tc.at(l.Pos)
		title := b.tc.clean(b.levelField(l, "title"), l.Title)
		// Levels follow one another on the pages: a page break before each
		// left most of a page blank after every level.
		b.add(
			block{Kind: kindCaption, Text: fmt.Sprintf("Role level %d of %d", i+1, len(r.Levels))},
			block{Kind: kindHeading, Level: 1, Text: title, Bookmark: 2, Mark: fmt.Sprintf("%d. %s", i+1, title), Anchor: levelAnchor(l)},
		)
		if g := b.gradeLabels(l); len(g) > 0 {
			b.add(summaryTable([][2]cell{{textCell("Civil Service grades"), g}}))
		}
		if b.tc.all {
			// CheckPrintable cleans these very texts in the level's own
			// profile; twice would double its time for no finding.
			continue
		}
		b.levelText(l)
		b.add(block{Kind: kindHeading, Level: 2, Text: "Skills", Bookmark: 3})
		if unleveled(l) {
			b.add(block{Kind: kindParagraph, Text: notSetAtLevel, KeepNext: true})
		}
		b.skillsTable(l)
	}
	b.sharedRoles(2)
	return &document{
		Title:    name,
		Subject:  b.subject("the role " + name + " at each of its levels"),
		Keywords: b.keywords(nil),
		Blocks:   b.blocks,
	}
}

// roleSummary is the section "What an infrastructure engineer does".
func (b *profileBuilder) roleSummary(level int) {
	b.tc.at(b.role.Pos)
	paras := paragraphs(b.role.Summary)
	if len(paras) == 0 && len(b.role.Responsibilities) == 0 {
		return
	}
	b.add(block{Kind: kindHeading, Level: level, Text: "What " + withArticle(lowerFirst(b.tc.clean("name", b.role.Name))) + " does", Bookmark: level})
	for _, p := range paras {
		b.add(block{Kind: kindParagraph, Text: b.tc.clean("summary", p)})
	}
	if len(b.role.Responsibilities) > 0 {
		b.add(block{Kind: kindList, Text: "In this role, you will:", Items: b.tc.cleanAll("responsibilities", b.role.Responsibilities)})
	}
}

// updates is the role's dated list of changes, as the role page ends: a
// small table, newest first.
func (b *profileBuilder) updates(level int) {
	if len(b.role.Updates) == 0 {
		return
	}
	b.tc.at(b.role.Pos)
	b.add(block{Kind: kindHeading, Level: level, Text: "Updates to this role", Bookmark: level})
	t := &table{Kind: tableGrid, Keep: true, Columns: []column{{Head: "Date", Width: 0.22}, {Head: "Change", Width: 0.78}}}
	for i, u := range b.role.Updates {
		date := "Not dated"
		if !u.Date.IsZero() {
			date = longDate(u.Date)
		}
		var changes cell
		for _, c := range b.tc.cleanAll(fmt.Sprintf("update %d", i+1), u.Changes) {
			changes = append(changes, block{Kind: kindParagraph, Style: styleNote, Text: c})
		}
		t.Rows = append(t.Rows, []cell{{{Kind: kindParagraph, Style: styleNote, Text: date}}, changes})
	}
	b.add(block{Kind: kindTable, Table: t})
}

// levelText is a level's summary and its "At this role level, you will:"
// list.
func (b *profileBuilder) levelText(l *model.RoleLevel) {
	b.tc.at(l.Pos)
	for i, p := range paragraphs(l.Summary) {
		style := styleBody
		if i == 0 {
			style = styleLead
		}
		b.add(block{Kind: kindParagraph, Style: style, Text: b.tc.clean(b.levelField(l, "summary"), p)})
	}
	if len(l.Responsibilities) > 0 {
		b.add(block{Kind: kindList, Text: "At this role level, you will:", Items: b.tc.cleanAll(b.levelField(l, "responsibilities"), l.Responsibilities)})
	}
}

// attribution credits the framework as its metadata states it.
func (b *profileBuilder) attribution() {
	m := b.fw.Meta
	b.tc.at(m.Pos)
	var parts []string
	if m.Name != "" {
		parts = append(parts, "From the "+b.tc.clean("framework name", m.Name)+".")
	}
	if m.Source != "" {
		s := "Source: " + b.tc.clean("framework source", m.Source)
		if m.URL != "" {
			s += " (" + b.tc.clean("framework URL", m.URL) + ")"
		}
		parts = append(parts, s+".")
	}
	if m.Licence != "" {
		parts = append(parts, "Licence: "+b.tc.clean("framework licence", m.Licence)+".")
	}
	if len(parts) > 0 {
		b.add(block{Kind: kindParagraph, Style: styleNote, Text: strings.Join(parts, " ")})
	}
}

// roleType is the fact "Role type" when the role has one.
func (b *profileBuilder) roleType() [][2]cell {
	if b.role.Type == "" {
		return nil
	}
	return [][2]cell{{textCell("Role type"), textCell(b.tc.clean("type", b.role.Type))}}
}

func (b *profileBuilder) familyName() string {
	return b.tc.clean("family", b.fw.FamilyName(b.role))
}

// gradeLabels is a level's grades with their full names, one a paragraph.
func (b *profileBuilder) gradeLabels(l *model.RoleLevel) cell {
	var c cell
	for _, g := range b.fw.LevelGrades(l) {
		c = append(c, block{Kind: kindParagraph, Text: b.tc.clean(b.levelField(l, "grades"), g.Label())})
	}
	return c
}

// gradeCodesCell is a level's grade codes, or "Not given" where the
// framework gives the level no grades.
func (b *profileBuilder) gradeCodesCell(l *model.RoleLevel) cell {
	if g := b.gradeCodes(l); g != "" {
		return textCell(g)
	}
	return cell{{Kind: kindParagraph, Style: styleNote, Text: "Not given"}}
}

// gradeCodes is a level's grades by their short forms on one line, "SEO,
// G7", where the full names are given elsewhere in the document.
func (b *profileBuilder) gradeCodes(l *model.RoleLevel) string {
	var codes []string
	for _, g := range b.fw.LevelGrades(l) {
		codes = append(codes, b.tc.clean(b.levelField(l, "grades"), g.Short()))
	}
	return strings.Join(codes, ", ")
}

func (b *profileBuilder) skillLevelNames() string {
	names := make([]string, len(b.fw.SkillLevels))
	for i, sl := range b.fw.SkillLevels {
		names[i] = b.tc.clean("skill level name", sl.Name)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func (b *profileBuilder) subject(what string) string {
	s := "Job profile: " + what
	if b.fw.Meta.Name != "" {
		s += ", from the " + b.tc.clean("framework name", b.fw.Meta.Name)
	}
	return s
}

func (b *profileBuilder) keywords(l *model.RoleLevel) []string {
	kw := []string{"job profile", b.tc.clean("name", b.role.Name), b.familyName()}
	levels := b.role.Levels
	if l != nil {
		kw = append(kw, b.tc.clean("level title", l.Title))
		levels = []model.RoleLevel{*l}
	}
	seen := map[string]bool{}
	for i := range levels {
		for _, g := range b.fw.LevelGrades(&levels[i]) {
			if !seen[g.ID] {
				seen[g.ID] = true
				kw = append(kw, b.tc.clean("grades", g.Short()))
			}
		}
	}
	return kw
}

// levelField names a field of a level for error messages.
func (b *profileBuilder) levelField(l *model.RoleLevel, field string) string {
	return "level " + strconv.Quote(l.ID) + ", " + field
}

// levelAnchor names a level's section for page references.
func levelAnchor(l *model.RoleLevel) string { return "level-" + l.ID }

func textCell(s string) cell { return cell{{Kind: kindParagraph, Text: s}} }

// summaryTable is a table of facts, keys in bold. Four or more facts go two
// to a row, so they take half the height.
func summaryTable(rows [][2]cell) block {
	per := 1
	if len(rows) >= 4 {
		per = 2
	}
	return factTable(rows, per)
}

// factTable is a table of keys in bold and their values, per pairs to a row.
func factTable(rows [][2]cell, per int) block {
	t := &table{Kind: tableSummary, Keep: true, Columns: []column{{Width: 0.3}, {Width: 0.7}}}
	if per == 2 {
		t.Columns = []column{{Width: 0.16}, {Width: 0.34}, {Width: 0.16}, {Width: 0.34}}
	}
	for i := 0; i < len(rows); i += per {
		var cells []cell
		for _, r := range rows[i:min(i+per, len(rows))] {
			key := r[0]
			for j := range key {
				key[j].Style = styleStrong
			}
			cells = append(cells, key, r[1])
		}
		t.Rows = append(t.Rows, cells)
	}
	return block{Kind: kindTable, Table: t}
}
