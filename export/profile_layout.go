package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// profileLayout builds the description of a job profile: a role level's when
// ref.Level is set, else the whole role's. Every text from the framework
// passes through the cleaner; the first text the font cannot print is the
// error.
func profileLayout(fw *model.Framework, ref model.LevelRef, cov *coverage) (*document, error) {
	if ref.Role == nil {
		return nil, fmt.Errorf("profile: no role given")
	}
	b := &profileBuilder{fw: fw, role: ref.Role, tc: &textCleaner{cov: cov, role: ref.Role.ID}}
	var d *document
	if ref.Level != nil {
		d = b.levelProfile(ref.Level)
	} else {
		d = b.roleProfile()
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
	b.add(
		block{Kind: kindCaption, Text: "Job profile"},
		block{Kind: kindTitle, Text: title, Bookmark: 1},
	)
	facts := [][2]cell{
		{textCell("Role"), textCell(roleName)},
		{textCell("Role family"), textCell(b.familyName())},
	}
	facts = append(facts, b.roleType()...)
	facts = append(facts, [2]cell{textCell("Role level"), textCell(fmt.Sprintf("Level %d of %d", n, len(r.Levels)))})
	if g := b.gradeLabels(l); len(g) > 0 {
		facts = append(facts, [2]cell{textCell("Civil Service grades"), g})
	}
	if !r.Updated.IsZero() {
		facts = append(facts, [2]cell{textCell("Last updated"), textCell(longDate(r.Updated))})
	}
	b.add(summaryTable(facts))
	b.roleSummary(2)
	b.add(block{Kind: kindHeading, Level: 2, Text: "About this role level", Bookmark: 2})
	b.levelText(l)
	b.add(
		block{Kind: kindHeading, Level: 2, Text: "Skills", Bookmark: 2},
		block{Kind: kindParagraph, Text: "The skills you need at this role level, each at one of " + strconv.Itoa(len(b.fw.SkillLevels)) + " ascending skill levels: " + b.skillLevelNames() + ".", KeepNext: true},
	)
	b.skillsTable(l)
	b.sharedRoles(2)
	b.attribution()
	return &document{
		Title:    title,
		Subject:  b.subject(title + ", level " + strconv.Itoa(n) + " of the role " + roleName),
		Keywords: b.keywords(l),
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
	if len(r.Levels) > 0 {
		first := b.tc.clean("level title", r.Levels[0].Title)
		last := b.tc.clean("level title", r.Levels[len(r.Levels)-1].Title)
		text := fmt.Sprintf("%d, from %s to %s", len(r.Levels), first, last)
		if len(r.Levels) == 1 {
			text = "1: " + first
		}
		facts = append(facts, [2]cell{textCell("Role levels"), textCell(text)})
	}
	if g := b.fw.GradeRange(r); g != "" {
		facts = append(facts, [2]cell{textCell("Civil Service grades"), textCell(b.tc.clean("grades", g))})
	}
	if !r.Updated.IsZero() {
		facts = append(facts, [2]cell{textCell("Last updated"), textCell(longDate(r.Updated))})
	}
	b.add(summaryTable(facts))
	b.roleSummary(2)
	if len(r.Levels) > 0 {
		b.add(block{Kind: kindHeading, Level: 2, Text: "Role levels"})
		t := &table{Kind: tableGrid, Keep: true, Columns: []column{{Head: "Role level", Width: 0.5}, {Head: "Civil Service grades", Width: 0.4}, {Head: "Page", Width: 0.1}}}
		for i := range r.Levels {
			l := &r.Levels[i]
			t.Rows = append(t.Rows, []cell{
				textCell(fmt.Sprintf("%d. %s", i+1, b.tc.clean(b.levelField(l, "title"), l.Title))),
				b.gradeLabels(l),
				{{Kind: kindParagraph, PageOf: levelAnchor(l)}},
			})
		}
		b.add(block{Kind: kindTable, Table: t})
	}
	b.attribution()
	if len(r.Levels) > 0 {
		b.add(block{Kind: kindPageBreak})
		b.progression()
	}
	for i := range r.Levels {
		l := &r.Levels[i]
		b.tc.at(l.Pos)
		title := b.tc.clean(b.levelField(l, "title"), l.Title)
		b.add(
			block{Kind: kindPageBreak},
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
	if len(paras) == 0 {
		return
	}
	b.add(block{Kind: kindHeading, Level: level, Text: "What " + withArticle(lowerFirst(b.tc.clean("name", b.role.Name))) + " does", Bookmark: level})
	for _, p := range paras {
		b.add(block{Kind: kindParagraph, Text: b.tc.clean("summary", p)})
	}
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
	if f := b.fw.Family(b.role.Family); f != nil {
		return b.tc.clean("family", f.Name)
	}
	return b.tc.clean("family", b.role.Family)
}

// gradeLabels is a level's grades with their full names, one a paragraph.
func (b *profileBuilder) gradeLabels(l *model.RoleLevel) cell {
	var c cell
	for _, g := range b.fw.LevelGrades(l) {
		c = append(c, block{Kind: kindParagraph, Text: b.tc.clean(b.levelField(l, "grades"), g.Label())})
	}
	return c
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

func summaryTable(rows [][2]cell) block {
	t := &table{Kind: tableSummary, Keep: true, Columns: []column{{Width: 0.3}, {Width: 0.7}}}
	for _, r := range rows {
		key := r[0]
		for i := range key {
			key[i].Style = styleStrong
		}
		t.Rows = append(t.Rows, []cell{key, r[1]})
	}
	return block{Kind: kindTable, Table: t}
}
