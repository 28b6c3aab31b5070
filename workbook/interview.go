package workbook

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// Interview is the sheet name of the interview workbook.
const Interview = "Interview"

// InterviewOptions are the choices for an interview workbook.
type InterviewOptions struct {
	Options
	ScaleMin, ScaleMax int // the scores a panel picks from; both 0 = 1 to 7
}

// Columns of the interview sheet.
const (
	colNo, colSkill, colLevel, colCan, colEvidence, colScore = "A", "B", "C", "D", "E", "F"
)

// InterviewFirstRow is the row of the first skill; each skill has one row.
const InterviewFirstRow = 9

// WriteInterview writes a hiring panel's interview workbook for the role
// level ref: one row per skill with its level and "You can:" list, an
// evidence column to type into and a score column whose every cell offers
// the scale as a drop-down and accepts nothing else, then the total.
func WriteInterview(w io.Writer, fw *model.Framework, ref model.LevelRef, opts InterviewOptions) error {
	if ref.Role == nil || ref.Level == nil {
		return fmt.Errorf("interview workbook: give a role level")
	}
	lo, hi := opts.ScaleMin, opts.ScaleMax
	if lo == 0 && hi == 0 {
		lo, hi = 1, 7
	}
	if lo < 0 || hi <= lo || hi-lo > 20 {
		return fmt.Errorf("interview workbook: scale %d to %d: expected whole numbers from 0 up, the highest above the lowest, at most 21 scores", lo, hi)
	}
	f, st, err := newFile(Interview)
	if err != nil {
		return fmt.Errorf("interview workbook: %w", err)
	}
	defer f.Close()
	l := ref.Level
	s := &sheet{f: f, name: Interview}
	s.widths(5, 28, 14, 60, 50, 10)
	s.str("A1", "Interview sheet: "+l.Title, st.title)
	s.str("A2", "Role", st.bold)
	s.str("B2", ref.Role.Name+", level "+strconv.Itoa(ref.Number())+" of "+strconv.Itoa(len(ref.Role.Levels)), st.text)
	var grades []string
	for _, g := range fw.LevelGrades(l) {
		grades = append(grades, g.Short())
	}
	s.str("A3", "Grades", st.bold)
	s.str("B3", strings.Join(grades, ", "), st.text)
	for i, label := range []string{"Candidate", "Panel member", "Date"} {
		row := 4 + i
		s.str(cell("A", row), label, st.bold)
		s.do(func() error { return f.MergeCell(Interview, cell("B", row), cell("D", row)) })
		s.style(cell("B", row), cell("D", row), st.input)
	}
	head := InterviewFirstRow - 1
	for _, h := range [][2]string{{colNo, "No."}, {colSkill, "Skill"}, {colLevel, "Skill level"}, {colCan, "You can:"}, {colEvidence, "Evidence noted"}, {colScore, fmt.Sprintf("Score (%d to %d)", lo, hi)}} {
		s.str(cell(h[0], head), h[1], st.header) // in order: the order of the shared strings
	}
	last := InterviewFirstRow + len(l.Skills) - 1
	for i, q := range l.Skills {
		row := InterviewFirstRow + i
		can := canText(fw, q)
		s.num(cell(colNo, row), i+1, st.number)
		s.str(cell(colSkill, row), skillName(fw, q.Skill), st.bold)
		s.str(cell(colLevel, row), levelName(fw, q.Level), st.text)
		s.str(cell(colCan, row), can, st.text)
		s.style(cell(colEvidence, row), cell(colScore, row), st.input)
		h := float64(max(lines(can, 60), 6)) * 12.75
		s.do(func() error { return f.SetRowHeight(Interview, row, min(h, 409)) })
	}
	if len(l.Skills) > 0 {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(cell(colScore, InterviewFirstRow) + ":" + cell(colScore, last))
		scores := make([]string, 0, hi-lo+1)
		for n := lo; n <= hi; n++ {
			scores = append(scores, strconv.Itoa(n))
		}
		s.do(func() error { return dv.SetDropList(scores) })
		dv.SetError(excelize.DataValidationErrorStyleStop, "Score", fmt.Sprintf("Pick a score from %d to %d.", lo, hi))
		dv.SetInput("Score", fmt.Sprintf("A score from %d, the lowest, to %d, the highest.", lo, hi))
		s.do(func() error { return f.AddDataValidation(Interview, dv) })
		total := last + 1
		s.str(cell(colEvidence, total), "Total score", st.bold)
		s.formula(cell(colScore, total), fmt.Sprintf("SUM(%s:%s)", cell(colScore, InterviewFirstRow), cell(colScore, last)), st.number)
	} else {
		s.str(cell("A", InterviewFirstRow), "The framework lists no skills for this role level.", st.text)
	}
	s.do(func() error {
		return f.SetPanes(Interview, &excelize.Panes{Freeze: true, YSplit: head, TopLeftCell: cell("A", head+1), ActivePane: "bottomLeft"})
	})
	if s.err != nil {
		return fmt.Errorf("interview workbook: %w", s.err)
	}
	if err := finish(w, f, "Interview sheet: "+l.Title, "Interview sheet for the role level "+l.Title, opts.Options); err != nil {
		return fmt.Errorf("interview workbook: %w", err)
	}
	return nil
}
