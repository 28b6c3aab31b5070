package profile

import (
	"fmt"

	"github.com/ddat-tools/ddat/model"
)

// Scale is the range of scores an interview panel gives each skill, from
// Min (the lowest) to Max.
type Scale struct{ Min, Max int }

// DefaultScale is the scale when none is chosen: 1 to 7.
var DefaultScale = Scale{1, 7}

// Check reports a scale that is empty or too long to pick from.
func (s Scale) Check() error {
	if s.Min < 0 || s.Max <= s.Min || s.Max-s.Min > 20 {
		return fmt.Errorf("scale %d to %d: expected whole numbers from 0 up, the highest above the lowest, at most 21 scores", s.Min, s.Max)
	}
	return nil
}

// String is "1 to 7".
func (s Scale) String() string { return fmt.Sprintf("%d to %d", s.Min, s.Max) }

// evidenceSpace is the room left to write the evidence for one skill, in
// mm: about six handwritten lines.
const evidenceSpace = 42

// describeInterview builds a hiring panel's sheet for one role level: for
// each skill, its level and "You can:" list, room for the evidence noted
// and a score.
func describeInterview(fw *model.Framework, ref model.LevelRef, scale Scale, cov *coverage) (*document, error) {
	if ref.Role == nil || ref.Level == nil {
		return nil, fmt.Errorf("interview sheet: give a role level")
	}
	if err := scale.Check(); err != nil {
		return nil, fmt.Errorf("interview sheet: %w", err)
	}
	r, l := ref.Role, ref.Level
	b := &profileBuilder{fw: fw, role: r, tc: &textCleaner{cov: cov, role: r.ID}}
	title, roleName, family := b.refNames(ref)
	b.add(
		block{Kind: kindCaption, Text: "Interview sheet"},
		block{Kind: kindTitle, Text: title, Bookmark: 1},
	)
	facts := [][2]cell{
		{textCell("Role"), textCell(roleName)},
		{textCell("Role family"), textCell(family)},
		{textCell("Role level"), textCell(fmt.Sprintf("Level %d of %d", ref.Number(), len(r.Levels)))},
	}
	if g := b.gradeCodes(l); g != "" {
		facts = append(facts, [2]cell{textCell("Civil Service grades"), textCell(g)})
	}
	for _, blank := range []string{"Candidate", "Panel member", "Date"} {
		facts = append(facts, [2]cell{textCell(blank), {{Kind: kindSpace, Level: 5}}})
	}
	b.add(summaryTable(facts))
	b.add(block{Kind: kindParagraph, Text: fmt.Sprintf("For each skill this role level needs: what a person at its level can do, as the framework describes it; the evidence the candidate gives; and a score from %d, the lowest, to %d, the highest.", scale.Min, scale.Max)})
	if len(l.Skills) == 0 {
		b.add(block{Kind: kindParagraph, Style: styleNote, Text: "The framework lists no skills for this role level."})
	} else {
		t := &table{Kind: tableGrid, Columns: []column{
			{Head: "Skill", Width: 0.42},
			{Head: "Evidence noted", Width: 0.43},
			{Head: "Score", Sub: scale.String(), Width: 0.15},
		}}
		for i, q := range l.Skills {
			name, field := b.skillName(q.Skill)
			field = b.levelField(l, field)
			skill := cell{
				{Kind: kindParagraph, Style: styleStrong, Text: fmt.Sprintf("%d. %s", i+1, name)},
				{Kind: kindParagraph, Text: "Level: " + b.levelName(field, q.Level)},
			}
			if sl := fw.SkillLevel(q.Level); sl != nil {
				skill = append(skill, block{Kind: kindGauge, Level: fw.SkillLevelIndex(sl.ID) + 1, Of: len(fw.SkillLevels)})
			}
			skill = append(skill, b.canCell(fw.Skill(q.Skill), q.Level, field)...)
			t.Rows = append(t.Rows, []cell{skill, {{Kind: kindSpace, Level: evidenceSpace}}, {{Kind: kindSpace, Level: 10}}})
		}
		b.add(block{Kind: kindTable, Table: t})
	}
	b.add(block{Kind: kindHeading, Level: 2, Text: "Overall", Bookmark: 2})
	b.add(summaryTable([][2]cell{
		{textCell("Total score"), {{Kind: kindSpace, Level: 8}}},
		{textCell("Notes"), {{Kind: kindSpace, Level: 30}}},
	}))
	b.attribution()
	if b.tc.err != nil {
		return nil, b.tc.err
	}
	d := b.document(title, "interview sheet: "+title)
	d.Keywords = append(d.Keywords, title)
	return d, nil
}
