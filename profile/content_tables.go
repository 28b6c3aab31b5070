package profile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/model"
)

// notSetAtLevel says why a Senior Civil Service role's skills have no skill
// level, gauge or level phrase.
const notSetAtLevel = "Skills of " + model.SeniorCivilService + " roles are not set at a level: each skill lists what you can do in this role."

// unleveled reports whether l needs a skill without a level.
func unleveled(l *model.RoleLevel) bool {
	for _, q := range l.Skills {
		if q.Level == "" {
			return true
		}
	}
	return false
}

// skillsTable lists the skills a level needs: name, level with its gauge,
// and the "You can:" items. The level's meaning is in the legend (see
// skillLevelLegend), not repeated in every row. A skill the framework does
// not describe at that level says so in words.
func (b *profileBuilder) skillsTable(l *model.RoleLevel) {
	if len(l.Skills) == 0 {
		b.add(block{Kind: kindParagraph, Style: styleNote, Text: "The framework lists no skills for this role level."})
		return
	}
	defer b.tc.at(l.Pos)
	t := &table{Kind: tableGrid, Columns: []column{{Head: "Skill", Width: skillNameW}, {Head: "Skill level", Width: skillLevelW}, {Head: "Description", Intro: "You can:", Width: 1 - skillNameW - skillLevelW}}}
	for _, q := range l.Skills {
		name, desc := q.Skill, ""
		var items []string
		sk := b.fw.Skill(q.Skill)
		if sk != nil {
			name, desc = sk.Name, sk.Description
		}
		field := b.levelField(l, "skill "+strconv.Quote(name))
		b.tc.at(q.Pos)
		levelName := q.Level
		var gauge block
		if sl := b.fw.SkillLevel(q.Level); sl != nil {
			levelName = sl.Name
			gauge = block{Kind: kindGauge, Level: b.fw.SkillLevelIndex(sl.ID) + 1, Of: len(b.fw.SkillLevels)}
			if sk != nil {
				items = sk.Can(sl.ID)
			}
		}
		if sk != nil {
			b.tc.at(sk.Pos)
		}
		skillCell := cell{{Kind: kindParagraph, Style: styleStrong, Text: b.tc.clean(field+", name", name)}}
		if desc != "" {
			skillCell = append(skillCell, block{Kind: kindParagraph, Style: styleNote, Text: b.tc.clean(field+", description", desc)})
		}
		b.tc.at(q.Pos)
		levelCell := cell{{Kind: kindParagraph, Text: b.tc.clean(field+", level", levelName)}}
		if gauge.Of > 0 {
			levelCell = append(levelCell, gauge)
		}
		canCell := cell{{Kind: kindParagraph, Style: styleNote, Text: NoLevelDescription}}
		if q.Level == "" {
			// A Senior Civil Service role's skill: no level, the role's
			// own list.
			levelCell = cell{{Kind: kindParagraph, Style: styleNote, Text: "Not set at a level"}}
			items = q.Items
		}
		if len(items) > 0 {
			if p, ok := sk.LevelPos[q.Level]; q.Level != "" && ok && p.IsValid() {
				b.tc.at(p)
			}
			canCell = cell{{Kind: kindList, Items: b.tc.cleanAll(field+`, "You can:"`, items)}}
		}
		t.Rows = append(t.Rows, []cell{skillCell, levelCell, canCell})
	}
	b.add(block{Kind: kindTable, Table: t})
}

// NoLevelDescription is what a profile says where the framework gives no
// "You can:" text for a skill at a level: the gap in ddat's own words, the
// same in the PDF, the text and the matrix.
const NoLevelDescription = "The framework gives no description for this skill level."

// The skills table's geometry: the skill name's and the skill level's share
// of the width; the description takes the rest. The level column holds
// "Practitioner" and a gauge on A4 and Letter without breaking the word.
const (
	skillNameW  = 0.22
	skillLevelW = 0.15
)

// skillLevelLegend explains the skill levels once, before the skills: each
// level's name and gauge with the framework's phrase for it, after an intro
// line unless intro is "". The legend is kept with the table after it.
func (b *profileBuilder) skillLevelLegend(intro string) {
	if len(b.fw.SkillLevels) == 0 {
		return
	}
	if intro != "" {
		b.add(block{Kind: kindParagraph, Text: intro, KeepNext: true})
	}
	t := &table{Kind: tableLegend, Keep: true}
	var cells []cell
	for i, sl := range b.fw.SkillLevels {
		b.tc.at(sl.Pos)
		c := cell{
			{Kind: kindParagraph, Style: styleStrong, Text: b.tc.clean("skill level name", sl.Name)},
			{Kind: kindGauge, Level: i + 1, Of: len(b.fw.SkillLevels)},
		}
		if p := b.fw.LevelPhrase(sl.ID); p != "" {
			c = append(c, block{Kind: kindParagraph, Style: styleNote, Text: b.tc.clean("skill level name", p)})
		}
		cells = append(cells, c)
		t.Columns = append(t.Columns, column{Width: 1 / float64(len(b.fw.SkillLevels))})
	}
	t.Rows = [][]cell{cells}
	b.add(block{Kind: kindTable, Table: t, KeepNext: true})
}

// progression is the table of the role's skills against its levels.
func (b *profileBuilder) progression() {
	r := b.role
	p := b.fw.Progression(r)
	b.add(block{Kind: kindHeading, Level: 2, Text: "Skills at each role level", Bookmark: 2})
	intro := "How the skills of the role grow from one level to the next, on " + strconv.Itoa(len(b.fw.SkillLevels)) + " ascending skill levels:"
	for i := range r.Levels {
		if unleveled(&r.Levels[i]) {
			b.add(block{Kind: kindParagraph, Text: "The skills the role needs. " + notSetAtLevel, KeepNext: true})
			intro = ""
			break
		}
	}
	if intro != "" {
		b.skillLevelLegend(intro)
	}
	if len(p.Skills) == 0 {
		return
	}
	n := len(r.Levels)
	groups := (n + maxProgressionLevels - 1) / maxProgressionLevels
	per := (n + groups - 1) / groups // balanced: 9 levels are 5 and 4, not 5 and 1
	levelW := (1 - progressionSkillW) / float64(per)
	names := make([]cell, len(p.Skills))
	for i, id := range p.Skills {
		name := id
		if sk := b.fw.Skill(id); sk != nil {
			name = sk.Name
			b.tc.at(sk.Pos)
		}
		names[i] = cell{{Kind: kindParagraph, Style: styleStrong, Text: b.tc.clean("skill "+strconv.Quote(id)+" name", name)}}
	}
	for from := 0; from < n; from += per {
		to := min(from+per, n)
		if groups > 1 {
			b.add(block{Kind: kindParagraph, Style: styleLabel, Text: fmt.Sprintf("Role levels %d to %d of %d", from+1, to, n), KeepNext: true})
		}
		// Every group repeats the skill column and keeps the same column
		// widths, so the groups line up one under the other.
		t := &table{Kind: tableGrid, Keep: true, Columns: []column{{Head: "Skill", Width: progressionSkillW}}}
		for i := from; i < to; i++ {
			short := levelShortName(b.tc.clean("name", r.Name), b.tc.clean(b.levelField(&r.Levels[i], "title"), r.Levels[i].Title))
			t.Columns = append(t.Columns, column{Head: fmt.Sprintf("Level %d", i+1), Sub: short, Width: levelW})
		}
		for i, id := range p.Skills {
			row := []cell{names[i]}
			for j, lv := range p.Levels[i][from:to] {
				row = append(row, b.progressionCell(id, lv, p.Needed[i][from+j]))
			}
			t.Rows = append(t.Rows, row)
		}
		b.add(block{Kind: kindTable, Table: t})
	}
}

// The progression table's geometry: the skill column's share of the width,
// and the most role levels one table shows. Five level columns leave each
// about 24 mm on A4 and Letter: room for "Practitioner", a four-step gauge
// and a level's short name without breaking a word. A role with more levels
// (the framework allows nine) gets several tables, each repeating the skill
// column.
const (
	progressionSkillW    = 0.28
	maxProgressionLevels = 5
)

// progressionCell is the skill level lv of skill id at one role level: its
// name and gauge, "Needed" for a skill needed without a level, or a dash
// when the level does not need the skill.
func (b *profileBuilder) progressionCell(id, lv string, needed bool) cell {
	sl := b.fw.SkillLevel(lv)
	switch {
	case lv == "" && needed:
		return cell{{Kind: kindParagraph, Text: "Needed"}, {Kind: kindParagraph, Style: styleNote, Text: "not set at a level"}}
	case lv == "":
		return cell{{Kind: kindParagraph, Style: styleNote, Text: "–"}}
	case sl == nil:
		return textCell(b.tc.clean("skill "+strconv.Quote(id)+" level", lv))
	}
	return cell{
		{Kind: kindParagraph, Text: b.tc.clean("skill "+strconv.Quote(id)+" level", sl.Name)},
		{Kind: kindGauge, Level: b.fw.SkillLevelIndex(sl.ID) + 1, Of: len(b.fw.SkillLevels)},
	}
}

// sharedRoles is the section "Roles that share … skills", when there are
// any.
//
// CheckPrintable leaves the section out: its texts are names of roles and
// skills, each cleaned in its own role's documents, and finding the roles
// that share skills reads the whole family for every document.
func (b *profileBuilder) sharedRoles(level int) {
	if b.tc.all {
		return
	}
	shared := b.fw.RolesSharingSkills(b.role)
	if len(shared) == 0 {
		return
	}
	b.tc.at(b.role.Pos)
	b.add(block{Kind: kindHeading, Level: level, Text: "Roles that share " + lowerFirst(b.tc.clean("name", b.role.Name)) + " skills", Bookmark: level})
	var rows [][2]cell
	for _, s := range shared {
		names := make([]string, len(s.Skills))
		for i, id := range s.Skills {
			names[i] = id
			if sk := b.fw.Skill(id); sk != nil {
				names[i] = sk.Name
			}
		}
		// One line of names, not one a line: the section stays short.
		skills := textCell(b.tc.clean("shared skill", strings.Join(names, ", ")))
		rows = append(rows, [2]cell{textCell(b.tc.clean("shared role", s.Role.Name)), skills})
	}
	b.add(factTable(rows, 1))
}
