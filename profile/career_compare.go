package profile

import (
	"fmt"
	"strconv"

	"github.com/ddat-tools/ddat/model"
)

// describeComparison builds the comparison of two role levels, of any roles:
// counts at the top, the skills both need with both levels, the skills only
// to needs with its "You can:" lists (what to develop), and the skills only
// from needs.
func describeComparison(fw *model.Framework, from, to model.LevelRef, cov *coverage) (*document, error) {
	if from.Level == nil || to.Level == nil {
		return nil, fmt.Errorf("comparison: give two role levels")
	}
	b := &profileBuilder{fw: fw, role: to.Role, tc: &textCleaner{cov: cov, role: to.Role.ID}}
	fromTitle, fromRole, fromFamily := b.refNames(from)
	toTitle, toRole, toFamily := b.refNames(to)
	title := fromTitle + " to " + toTitle
	c := fw.Compare(from.Level, to.Level)
	b.add(
		block{Kind: kindCaption, Text: "Role comparison"},
		block{Kind: kindTitle, Text: title, Bookmark: 1},
		summaryTable([][2]cell{
			{textCell("From"), {{Kind: kindParagraph, Text: fromTitle}, {Kind: kindParagraph, Style: styleNote, Text: fmt.Sprintf("Level %d of %s, %s", from.Number(), fromRole, fromFamily)}}},
			{textCell("To"), {{Kind: kindParagraph, Text: toTitle}, {Kind: kindParagraph, Style: styleNote, Text: fmt.Sprintf("Level %d of %s, %s", to.Number(), toRole, toFamily)}}},
			{textCell("Skills both need"), textCell(fmt.Sprintf("%s: %d at the same level, %d higher, %d lower", plural(c.Shared(), "skill"), len(c.Unchanged), len(c.Raised), len(c.Lowered)+len(c.Other)))},
			{textCell("Only To needs"), textCell(plural(len(c.New), "skill"))},
			{textCell("Only From needs"), textCell(plural(len(c.Dropped), "skill"))},
		}),
		block{Kind: kindParagraph, Text: "What a move from one role level to the other asks of you: the skills both need, at the same, a higher or a lower skill level; the skills only " + toTitle + " needs, which are the ones to develop; and the skills only " + fromTitle + " needs. Skill levels ascend: " + b.skillLevelNames() + "."},
	)

	b.add(block{Kind: kindHeading, Level: 2, Text: "Skills both need", Bookmark: 2})
	shared := append(append(append(append([]model.Change(nil), c.Raised...), c.Unchanged...), c.Lowered...), c.Other...)
	if len(shared) == 0 {
		b.add(block{Kind: kindParagraph, Style: styleNote, Text: "None: the two role levels share no skill."})
	} else {
		b.add(block{Kind: kindParagraph, Style: styleNote, Text: "Higher skill levels first, then the same, then lower.", KeepNext: true})
		t := &table{Kind: tableGrid, Columns: []column{
			{Head: "Skill", Width: 0.34},
			{Head: "From", Sub: levelShortName(fromRole, fromTitle), Width: 0.22},
			{Head: "To", Sub: levelShortName(toRole, toTitle), Width: 0.22},
			{Head: "Change", Width: 0.22},
		}}
		for _, ch := range shared {
			name, field := b.skillName(ch.Skill)
			t.Rows = append(t.Rows, []cell{
				{{Kind: kindParagraph, Style: styleStrong, Text: name}},
				b.levelCell(field, ch.From),
				b.levelCell(field, ch.To),
				textCell(b.changeWord(ch)),
			})
		}
		b.add(block{Kind: kindTable, Table: t})
	}

	b.add(block{Kind: kindHeading, Level: 2, Text: "Skills only " + toTitle + " needs", Bookmark: 2})
	if len(c.New) == 0 {
		b.add(block{Kind: kindParagraph, Style: styleNote, Text: "None."})
	} else {
		b.add(block{Kind: kindParagraph, Style: styleNote, Text: "The skills to develop, with what you can do at the level " + toTitle + " needs.", KeepNext: true})
		b.changeTable(c.New, changeTo, true, "Skill level")
	}
	b.add(block{Kind: kindHeading, Level: 2, Text: "Skills only " + fromTitle + " needs", Bookmark: 2})
	if len(c.Dropped) == 0 {
		b.add(block{Kind: kindParagraph, Style: styleNote, Text: "None."})
	} else {
		b.changeTable(c.Dropped, changeFrom, false, "Skill level")
	}
	b.attribution()
	if b.tc.err != nil {
		return nil, b.tc.err
	}
	d := b.document(title, "role comparison: "+title)
	d.Keywords = append(d.Keywords, fromTitle, toTitle)
	return d, nil
}

// refNames are a role level's title, its role's name and its family's name,
// cleaned.
func (b *profileBuilder) refNames(ref model.LevelRef) (title, role, family string) {
	b.tc.at(ref.Level.Pos)
	title = b.tc.clean(b.levelField(ref.Level, "title"), ref.Level.Title)
	b.tc.at(ref.Role.Pos)
	role = b.tc.clean("name", ref.Role.Name)
	family = b.tc.clean("family", b.fw.FamilyName(ref.Role))
	return title, role, family
}

// skillName is a skill's name, cleaned, and the field that names it in
// errors.
func (b *profileBuilder) skillName(id string) (name, field string) {
	name = id
	if sk := b.fw.Skill(id); sk != nil {
		name = sk.Name
		b.tc.at(sk.Pos)
	}
	field = "skill " + strconv.Quote(name)
	return b.tc.clean(field+", name", name), field
}

// levelCell is a skill level's name with its gauge.
func (b *profileBuilder) levelCell(field, level string) cell {
	c := cell{{Kind: kindParagraph, Text: b.levelName(field, level)}}
	if sl := b.fw.SkillLevel(level); sl != nil {
		c = append(c, block{Kind: kindGauge, Level: b.fw.SkillLevelIndex(sl.ID) + 1, Of: len(b.fw.SkillLevels)})
	}
	return c
}

// changeWord says how a shared skill's level changes, in ddat's words.
func (b *profileBuilder) changeWord(c model.Change) string {
	i, j := b.fw.SkillLevelIndex(c.From), b.fw.SkillLevelIndex(c.To)
	switch {
	case i < 0 || j < 0:
		if c.From == c.To {
			return "Same"
		}
		return "Not comparable"
	case j > i:
		return fmt.Sprintf("Higher by %s", plural(j-i, "step"))
	case j < i:
		return fmt.Sprintf("Lower by %s", plural(i-j, "step"))
	}
	return "Same"
}
