package profile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// The career documents: what changes from one role level to the next (a
// progression), between any two role levels (a comparison), and a hiring
// panel's interview sheet. Each is a document description like the job
// profile's, drawn by the same PDF and text renderers. Their labels are
// ddat's own words; every framework text passes through the textCleaner.

// describeProgression builds the progression of ref.Role: every step from
// a level to the next, or only the step into ref.Level; then the role's
// skills across all its levels in one table.
func describeProgression(fw *model.Framework, ref model.LevelRef, cov *coverage) (*document, error) {
	if ref.Role == nil {
		return nil, fmt.Errorf("progression: no role given")
	}
	r := ref.Role
	if len(r.Levels) < 2 {
		return nil, fmt.Errorf("progression of %s: the role has %d role level; a progression needs two or more", r.ID, len(r.Levels))
	}
	first, last := 2, len(r.Levels)
	if ref.Level != nil {
		n := r.LevelNumber(ref.Level)
		if n < 2 {
			return nil, fmt.Errorf("progression of %s: %q is the first role level; there is no step into it (choose level 2 to %d, or none for every step)", r.ID, ref.Level.Title, len(r.Levels))
		}
		first, last = n, n
	}
	b := &profileBuilder{fw: fw, role: r, tc: &textCleaner{cov: cov, role: r.ID}}
	b.tc.at(r.Pos)
	name := b.tc.clean("name", r.Name)
	title := name
	if ref.Level != nil {
		title = b.tc.clean(b.levelField(ref.Level, "title"), ref.Level.Title)
	}
	b.add(
		block{Kind: kindCaption, Text: "Career progression"},
		block{Kind: kindTitle, Text: title, Bookmark: 1},
	)
	var facts [][2]cell
	if ref.Level != nil {
		facts = append(facts, [2]cell{textCell("Role"), textCell(name)})
	}
	facts = append(facts,
		[2]cell{textCell("Role family"), textCell(b.familyName())},
		[2]cell{textCell("Role levels"), textCell(strconv.Itoa(len(r.Levels)))},
	)
	if ref.Level != nil {
		facts = append(facts, [2]cell{textCell("Step shown"), textCell(fmt.Sprintf("Level %d to level %d", first-1, first))})
	} else {
		facts = append(facts, [2]cell{textCell("Steps shown"), textCell(fmt.Sprintf("All %d, from level 1 to level %d", last-1, last))})
	}
	b.add(summaryTable(facts))
	b.add(block{Kind: kindParagraph, Text: "For each step from one role level to the next: the skills the higher level needs that the lower does not, the skills it needs at a higher or lower skill level, the skills it needs at the same level, the skills it no longer lists, and its responsibilities that the lower level does not list. Skill levels ascend: " + b.skillLevelNames() + "."})
	for n := first; n <= last; n++ {
		b.step(n)
	}
	b.add(block{Kind: kindPageBreak})
	b.progression()
	b.attribution()
	if b.tc.err != nil {
		return nil, b.tc.err
	}
	return b.document(title, "career progression: "+title), nil
}

// step describes the step from level n-1 to level n.
func (b *profileBuilder) step(n int) {
	r := b.role
	lo, hi := &r.Levels[n-2], &r.Levels[n-1]
	b.tc.at(hi.Pos)
	loTitle := b.tc.clean(b.levelField(lo, "title"), lo.Title)
	hiTitle := b.tc.clean(b.levelField(hi, "title"), hi.Title)
	c := b.fw.Compare(lo, hi)
	// Steps follow one another without a page break: a break left most
	// steps' last page nearly empty (14 pages for a role of five levels).
	b.add(
		block{Kind: kindCaption, Text: fmt.Sprintf("Step %d of %d: role level %d to role level %d", n-1, len(r.Levels)-1, n-1, n)},
		block{Kind: kindHeading, Level: 1, Text: "From " + loTitle + " to " + hiTitle, Bookmark: 2, Mark: fmt.Sprintf("Step %d: %s", n-1, hiTitle)},
		summaryTable(b.changeCounts(c)),
	)
	b.changeSection("New skills", "Skills this level needs that the level below does not, with what you can do at this level.", c.New, changeTo, true)
	b.changeSection("Skills raised", "Skills this level needs at a higher skill level, with what you can do at the higher level.", c.Raised, changeBoth, true)
	if len(c.Lowered) > 0 {
		b.changeSection("Skills at a lower level", "Skills this level needs at a lower skill level than the level below.", c.Lowered, changeBoth, false)
	}
	if len(c.Other) > 0 {
		b.changeSection("Skills at a level the framework does not rank", "Skills needed at both levels, at a skill level the framework does not define on its scale.", c.Other, changeBoth, false)
	}
	b.changeSection("Skills unchanged", "Skills this level needs at the same skill level as the level below.", c.Unchanged, changeTo, false)
	b.changeSection("Skills no longer listed", "Skills the level below needs that this level does not list.", c.Dropped, changeFrom, false)
	b.add(block{Kind: kindHeading, Level: 2, Text: "New responsibilities", Bookmark: 3})
	if len(c.NewResponsibilities) == 0 {
		b.add(block{Kind: kindParagraph, Style: styleNote, Text: "The framework lists no responsibilities for this level that the level below does not list."})
		return
	}
	b.add(block{Kind: kindList, Text: "At this role level, you will also:", Items: b.tc.cleanAll(b.levelField(hi, "responsibilities"), c.NewResponsibilities)})
}

// changeCounts are the facts at the top of a step: how many skills fall
// in each section.
func (b *profileBuilder) changeCounts(c model.Changes) [][2]cell {
	count := func(n int) cell { return textCell(plural(n, "skill")) }
	rows := [][2]cell{
		{textCell("New skills"), count(len(c.New))},
		{textCell("Skills raised"), count(len(c.Raised))},
	}
	if n := len(c.Lowered) + len(c.Other); n > 0 {
		rows = append(rows, [2]cell{textCell("Skills at a lower level"), count(n)})
	}
	return append(rows,
		[2]cell{textCell("Skills unchanged"), count(len(c.Unchanged))},
		[2]cell{textCell("Skills no longer listed"), count(len(c.Dropped))},
		[2]cell{textCell("New responsibilities"), textCell(strconv.Itoa(len(c.NewResponsibilities)))},
	)
}

// changeLevels says which skill levels a change table shows.
type changeLevels int

const (
	changeTo   changeLevels = iota // the second level's, with its gauge
	changeFrom                     // the first level's, with its gauge
	changeBoth                     // "Working to Practitioner", with the second's gauge
)

// changeSection is a heading, what the section holds, and its skills; a
// note when there are none.
func (b *profileBuilder) changeSection(head, intro string, cs []model.Change, show changeLevels, can bool) {
	b.add(block{Kind: kindHeading, Level: 2, Text: head, Bookmark: 3})
	if len(cs) == 0 {
		b.add(block{Kind: kindParagraph, Style: styleNote, Text: "None."})
		return
	}
	b.add(block{Kind: kindParagraph, Style: styleNote, Text: intro, KeepNext: true})
	b.changeTable(cs, show, can, "Skill level")
}

// changeTable lists skills with the levels show says, and with can the
// "You can:" list of the level they are needed at (the second's, or the
// first's for changeFrom).
func (b *profileBuilder) changeTable(cs []model.Change, show changeLevels, can bool, levelHead string) {
	cols := []column{{Head: "Skill", Width: 0.3}, {Head: levelHead, Width: 0.25}}
	if can {
		cols = append(cols, column{Head: "Description", Width: 0.45})
	} else {
		cols[0].Width, cols[1].Width = 0.55, 0.45
	}
	t := &table{Kind: tableGrid, Columns: cols}
	for _, c := range cs {
		sk := b.fw.Skill(c.Skill)
		name := c.Skill
		if sk != nil {
			name = sk.Name
			b.tc.at(sk.Pos)
		}
		field := "skill " + strconv.Quote(name)
		name = b.tc.clean(field+", name", name)
		at := c.To
		if show == changeFrom {
			at = c.From
		}
		var level cell
		switch show {
		case changeBoth:
			level = cell{{Kind: kindParagraph, Style: styleStrong, Text: b.levelName(field, c.From) + " to " + b.levelName(field, c.To)}}
		default:
			level = cell{{Kind: kindParagraph, Style: styleStrong, Text: b.levelName(field, at)}}
		}
		if sl := b.fw.SkillLevel(at); sl != nil {
			level = append(level, block{Kind: kindGauge, Level: b.fw.SkillLevelIndex(sl.ID) + 1, Of: len(b.fw.SkillLevels)})
		}
		row := []cell{{{Kind: kindParagraph, Style: styleStrong, Text: name}}, level}
		if can {
			row = append(row, b.canCell(sk, at, field))
		}
		t.Rows = append(t.Rows, row)
	}
	b.add(block{Kind: kindTable, Table: t})
}

// levelName is a skill level's name, or the text as written when the
// framework does not define it, or ddat's words for none.
func (b *profileBuilder) levelName(field, level string) string {
	if level == "" {
		return "No level given"
	}
	if sl := b.fw.SkillLevel(level); sl != nil {
		return b.tc.clean(field+", level", sl.Name)
	}
	return b.tc.clean(field+", level", level)
}

// canCell is the "You can:" list of sk at level, or ddat's note that the
// framework does not describe it.
func (b *profileBuilder) canCell(sk *model.Skill, level, field string) cell {
	sl := b.fw.SkillLevel(level)
	if sk == nil || sl == nil || len(sk.Can(sl.ID)) == 0 {
		return cell{{Kind: kindParagraph, Style: styleNote, Text: "The framework gives no description of this skill at this level."}}
	}
	if p, ok := sk.LevelPos[sl.ID]; ok && p.IsValid() {
		b.tc.at(p)
	}
	return cell{{Kind: kindList, Text: "You can:", Items: b.tc.cleanAll(field+`, "You can:"`, sk.Can(sl.ID))}}
}

// document ends a career document: its title, subject and keywords.
func (b *profileBuilder) document(title, what string) *document {
	s := strings.ToUpper(what[:1]) + what[1:]
	if b.fw.Meta.Name != "" {
		s += ", from the " + b.tc.clean("framework name", b.fw.Meta.Name)
	}
	kw := []string{strings.SplitN(what, ":", 2)[0], b.tc.clean("name", b.role.Name), b.familyName()}
	return &document{Title: title, Subject: s, Keywords: kw, Blocks: b.blocks}
}

// plural is "1 skill", "2 skills".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
