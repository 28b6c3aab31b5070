package workbook

import (
	"fmt"
	"io"
	"strconv"

	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// Sheets of the self-assessment workbook.
const (
	Assessment = "Assessment"
	Scale      = "Scale"
)

// NotYet is the choice of a person who does not have a skill yet, below
// the framework's lowest skill level.
const NotYet = "Not yet"

// Columns of the assessment sheet.
const (
	colASkill, colATarget, colAYours, colAGap, colACan = "A", "B", "C", "D", "E"
)

// AssessmentFirstRow is the row of the first skill; each skill has one row.
const AssessmentFirstRow = 10

// WriteAssessment writes a self-assessment workbook against the role level
// ref: one row per skill with the level the role level needs, a drop-down
// to pick one's own (NotYet or a skill level), the gap (how many skill
// levels below the target, by a formula), the "You can:" list at the target,
// and a summary that counts the gaps. The Scale sheet holds the choices and
// their ranks, which the drop-down and the formulas refer to: no name from
// the framework is written into a formula.
func WriteAssessment(w io.Writer, fw *model.Framework, ref model.LevelRef, opts Options) error {
	if ref.Role == nil || ref.Level == nil {
		return fmt.Errorf("assessment workbook: give a role level")
	}
	if len(fw.SkillLevels) == 0 {
		return fmt.Errorf("assessment workbook: the framework defines no skill levels to choose from")
	}
	f, st, err := newFile(Assessment)
	if err != nil {
		return fmt.Errorf("assessment workbook: %w", err)
	}
	defer f.Close()
	l := ref.Level

	// The scale: NotYet, then the skill levels in ascending order, ranked
	// from 0.
	sc := &sheet{f: f, name: Scale}
	sc.do(func() error { _, err := f.NewSheet(Scale); return err })
	sc.widths(20, 8)
	sc.str("A1", "Choice", st.header)
	sc.str("B1", "Rank", st.header)
	choices := append([]string{NotYet}, make([]string, 0, len(fw.SkillLevels))...)
	for _, sl := range fw.SkillLevels {
		choices = append(choices, sl.Name)
	}
	for i, c := range choices {
		sc.str(cell("A", i+2), c, st.text)
		sc.num(cell("B", i+2), i, st.number)
	}
	scaleRange := fmt.Sprintf("%s!$A$2:$A$%d", Scale, len(choices)+1)
	rank := func(ref string) string { return fmt.Sprintf("MATCH(%s,%s,0)", ref, scaleRange) }

	s := &sheet{f: f, name: Assessment}
	s.widths(30, 14, 16, 8, 70)
	s.str("A1", "Self-assessment: "+l.Title, st.title)
	s.str("A2", "Role", st.bold)
	s.str("B2", ref.Role.Name+", level "+strconv.Itoa(ref.Number())+" of "+strconv.Itoa(len(ref.Role.Levels)), st.text)
	s.str("A3", "How to use", st.bold)
	s.str("B3", "For each skill, pick your current level in the column Your level. Gap shows how many skill levels you are below the level this role level needs; 0 means you meet it.", st.text)
	s.do(func() error { return f.MergeCell(Assessment, "B3", "E3") })
	s.do(func() error { return f.SetRowHeight(Assessment, 3, 2*12.75) })

	first, last := AssessmentFirstRow, AssessmentFirstRow+len(l.Skills)-1
	gaps := fmt.Sprintf("%s%d:%s%d", colAGap, first, colAGap, last)
	yours := fmt.Sprintf("%s%d:%s%d", colAYours, first, colAYours, last)
	// The summary, ddat's own formulas over the gap column.
	s.str("A4", "Summary", st.bold)
	summary := []struct{ label, fx string }{
		{"Skills assessed", fmt.Sprintf("COUNT(%s)", gaps)},
		{"Skills at or above the level needed", fmt.Sprintf("COUNTIF(%s,0)", gaps)},
		{"Skills below the level needed", fmt.Sprintf("COUNTIF(%s,\">0\")", gaps)},
		{"Skill levels to gain in all", fmt.Sprintf("SUM(%s)", gaps)},
		{"Skills not yet assessed", fmt.Sprintf("COUNTBLANK(%s)", yours)},
	}
	if len(l.Skills) == 0 {
		summary = nil
		s.str(cell("A", first), "The framework lists no skills for this role level.", st.text)
	}
	for i, sm := range summary {
		row := 4 + i
		s.str(cell("B", row), sm.label, st.text)
		s.do(func() error { return f.MergeCell(Assessment, cell("B", row), cell("C", row)) })
		s.formula(cell("D", row), sm.fx, st.number)
	}
	head := first - 1
	for _, h := range [][2]string{{colASkill, "Skill"}, {colATarget, "Level needed"}, {colAYours, "Your level"}, {colAGap, "Gap"}, {colACan, "You can: (at the level needed)"}} {
		s.str(cell(h[0], head), h[1], st.header) // in order: the order of the shared strings
	}
	for i, q := range l.Skills {
		row := first + i
		can := canText(fw, q)
		s.str(cell(colASkill, row), skillName(fw, q.Skill), st.bold)
		s.str(cell(colATarget, row), levelName(fw, q.Level), st.text)
		s.style(cell(colAYours, row), cell(colAYours, row), st.input)
		// Blank until a level is picked; blank too when the level needed is
		// not on the scale (the framework does not define it).
		you, need := cell(colAYours, row), cell(colATarget, row)
		s.formula(cell(colAGap, row), fmt.Sprintf(`IF(%s="","",IFERROR(MAX(0,%s-%s),""))`, you, rank(need), rank(you)), st.number)
		s.str(cell(colACan, row), can, st.text)
		s.do(func() error { return f.SetRowHeight(Assessment, row, min(float64(max(lines(can, 70), 2))*12.75, 409)) })
	}
	if len(l.Skills) > 0 {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(yours)
		dv.SetSqrefDropList(scaleRange)
		dv.SetError(excelize.DataValidationErrorStyleStop, "Your level", "Pick a level from the list.")
		s.do(func() error { return f.AddDataValidation(Assessment, dv) })
		gapFx := fmt.Sprintf("AND(ISNUMBER(%s%d),%s%d>0)", colAGap, first, colAGap, first)
		metFx := fmt.Sprintf("AND(ISNUMBER(%s%d),%s%d=0)", colAGap, first, colAGap, first)
		s.do(func() error {
			return f.SetConditionalFormat(Assessment, gaps, []excelize.ConditionalFormatOptions{
				{Type: "formula", Criteria: gapFx, Format: &st.gap},
				{Type: "formula", Criteria: metFx, Format: &st.good},
			})
		})
	}
	s.do(func() error {
		return f.SetPanes(Assessment, &excelize.Panes{Freeze: true, YSplit: head, TopLeftCell: cell("A", head+1), ActivePane: "bottomLeft"})
	})
	if s.err == nil {
		s.err = sc.err
	}
	if s.err != nil {
		return fmt.Errorf("assessment workbook: %w", s.err)
	}
	if err := finish(w, f, "Self-assessment: "+l.Title, "Self-assessment against the role level "+l.Title, opts); err != nil {
		return fmt.Errorf("assessment workbook: %w", err)
	}
	return nil
}
