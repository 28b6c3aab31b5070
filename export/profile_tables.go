package export

import (
	"fmt"
	"strconv"

	"github.com/ddat-tools/ddat/model"
)

// skillsTable lists the skills a level needs: name, level with its gauge and
// phrase, and the "You can:" items. A skill the framework does not describe
// at that level gets no list.
func (b *profileBuilder) skillsTable(l *model.RoleLevel) {
	if len(l.Skills) == 0 {
		b.add(block{Kind: kindParagraph, Style: styleNote, Text: "The framework lists no skills for this role level."})
		return
	}
	defer b.tc.at(l.Pos)
	t := &table{Kind: tableGrid, Columns: []column{{Head: "Skill", Width: 0.27}, {Head: "Skill level", Width: 0.25}, {Head: "Description", Width: 0.48}}}
	for _, q := range l.Skills {
		name, desc := q.Skill, ""
		var items []string
		sk := b.fw.Skill(q.Skill)
		if sk != nil {
			name, desc = sk.Name, sk.Description
		}
		field := b.levelField(l, "skill "+strconv.Quote(name))
		b.tc.at(q.Pos)
		levelName, phrase := q.Level, ""
		var gauge block
		if sl := b.fw.SkillLevel(q.Level); sl != nil {
			levelName, phrase = sl.Name, b.fw.LevelPhrase(sl.ID)
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
		levelCell := cell{{Kind: kindParagraph, Style: styleStrong, Text: b.tc.clean(field+", level", levelName)}}
		if gauge.Of > 0 {
			levelCell = append(levelCell, gauge, block{Kind: kindParagraph, Style: styleNote, Text: b.tc.clean(field+", level", phrase)})
		}
		var canCell cell
		if len(items) > 0 {
			if p, ok := sk.LevelPos[q.Level]; ok && p.IsValid() {
				b.tc.at(p)
			}
			canCell = cell{{Kind: kindList, Text: "You can:", Items: b.tc.cleanAll(field+`, "You can:"`, items)}}
		}
		t.Rows = append(t.Rows, []cell{skillCell, levelCell, canCell})
	}
	b.add(block{Kind: kindTable, Table: t})
}

// progression is the table of the role's skills against its levels.
func (b *profileBuilder) progression() {
	r := b.role
	p := b.fw.Progression(r)
	b.add(
		block{Kind: kindHeading, Level: 2, Text: "Skills at each role level", Bookmark: 2},
		block{Kind: kindParagraph, Text: "How the skills of the role grow from one level to the next, on " + strconv.Itoa(len(b.fw.SkillLevels)) + " ascending skill levels: " + b.skillLevelNames() + ".", KeepNext: true},
	)
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
			for _, lv := range p.Levels[i][from:to] {
				row = append(row, b.progressionCell(id, lv))
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
// name and gauge, or a dash when the level does not need the skill.
func (b *profileBuilder) progressionCell(id, lv string) cell {
	sl := b.fw.SkillLevel(lv)
	switch {
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
	t := &table{Kind: tableGrid, Columns: []column{{Head: "Role", Width: 0.4}, {Head: "Shared skills", Width: 0.6}}}
	for _, s := range shared {
		var skills cell
		for _, id := range s.Skills {
			name := id
			if sk := b.fw.Skill(id); sk != nil {
				name = sk.Name
			}
			skills = append(skills, block{Kind: kindParagraph, Text: b.tc.clean("shared skill", name)})
		}
		t.Rows = append(t.Rows, []cell{{{Kind: kindParagraph, Style: styleStrong, Text: b.tc.clean("shared role", s.Role.Name)}}, skills})
	}
	b.add(block{Kind: kindTable, Table: t})
}
