// Package workbook writes the Excel workbooks people fill in: a hiring
// panel's interview sheet and a self-assessment against a role level. Cells
// of framework text hold text, never a formula; the only formulas are
// ddat's own (totals, gaps, counts). The same framework, options and date
// give the same bytes.
package workbook

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/internal/xlsxzip"
	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// Options are what every workbook of this package shares. The zero value
// is dated now.
type Options struct {
	Creator string    // the workbook's creator property, e.g. "ddat 1.2.0"
	Created time.Time // creation date in the properties; zero = time.Now()
}

// The look of the workbooks, as the skills matrix's: Arial 10, wrapped
// text at the top of each cell.
const (
	fontName  = "Arial"
	bodySize  = 10.0
	titleSize = 14.0
)

// styles are the cell styles of one file.
type styles struct {
	title, bold, text, header, input, number, good, gap int
}

func newStyles(f *excelize.File) (*styles, error) {
	if err := f.SetDefaultFont(fontName); err != nil {
		return nil, err
	}
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold}
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	border := []excelize.Border{{Type: "left", Color: "B1B4B6", Style: 1}, {Type: "right", Color: "B1B4B6", Style: 1}, {Type: "top", Color: "B1B4B6", Style: 1}, {Type: "bottom", Color: "B1B4B6", Style: 1}}
	var st styles
	for _, d := range []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: font(true, titleSize)}},
		{&st.bold, excelize.Style{Font: font(true, bodySize), Alignment: top}},
		{&st.text, excelize.Style{Font: font(false, bodySize), Alignment: top}},
		{&st.header, excelize.Style{Font: font(true, bodySize), Alignment: top, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F3F2F1"}}}},
		{&st.input, excelize.Style{Font: font(false, bodySize), Alignment: top, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF7BF"}}, Protection: &excelize.Protection{Locked: false}}},
		{&st.number, excelize.Style{Font: font(false, bodySize), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}, Border: border}},
	} {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	var err error
	if st.good, err = f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"CCE2D8"}}, Font: &excelize.Font{Color: "005A30"}}); err != nil {
		return nil, err
	}
	if st.gap, err = f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F6D7D2"}}, Font: &excelize.Font{Color: "942514", Bold: true}}); err != nil {
		return nil, err
	}
	return &st, nil
}

// sheet writes cells of one sheet, keeping the first error.
type sheet struct {
	f    *excelize.File
	name string
	err  error
}

// str writes s as text, whatever it holds: framework text is never a
// formula.
func (s *sheet) str(cell, v string, style int) {
	if s.err != nil {
		return
	}
	if s.err = s.f.SetCellStr(s.name, cell, v); s.err == nil && style > 0 {
		s.err = s.f.SetCellStyle(s.name, cell, cell, style)
	}
}

// num writes a number.
func (s *sheet) num(cell string, v int, style int) {
	if s.err != nil {
		return
	}
	if s.err = s.f.SetCellInt(s.name, cell, int64(v)); s.err == nil && style > 0 {
		s.err = s.f.SetCellStyle(s.name, cell, cell, style)
	}
}

// formula writes one of ddat's own formulas.
func (s *sheet) formula(cell, fx string, style int) {
	if s.err != nil {
		return
	}
	if s.err = s.f.SetCellFormula(s.name, cell, fx); s.err == nil && style > 0 {
		s.err = s.f.SetCellStyle(s.name, cell, cell, style)
	}
}

func (s *sheet) style(from, to string, style int) {
	if s.err == nil {
		s.err = s.f.SetCellStyle(s.name, from, to, style)
	}
}

func (s *sheet) widths(w ...float64) {
	for i, x := range w {
		if s.err != nil {
			return
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		s.err = s.f.SetColWidth(s.name, col, col, x)
	}
}

func (s *sheet) do(fn func() error) {
	if s.err == nil {
		s.err = fn()
	}
}

func cell(col string, row int) string { return fmt.Sprintf("%s%d", col, row) }

// canText is a skill's "You can:" items at a level, one a line, or ddat's
// note when the framework gives none.
func canText(fw *model.Framework, q model.Requirement) string {
	sk, sl := fw.Skill(q.Skill), fw.SkillLevel(q.Level)
	if sk == nil || sl == nil || len(sk.Can(sl.ID)) == 0 {
		return "The framework gives no description of this skill at this level."
	}
	return "• " + strings.Join(sk.Can(sl.ID), "\n• ")
}

func skillName(fw *model.Framework, id string) string {
	if sk := fw.Skill(id); sk != nil {
		return sk.Name
	}
	return id
}

func levelName(fw *model.Framework, level string) string {
	if level == "" {
		return "No level given"
	}
	if sl := fw.SkillLevel(level); sl != nil {
		return sl.Name
	}
	return level
}

// lines is an estimate of the lines s takes in a column w digits wide, for
// row heights: Excel does not grow a row to fit wrapped text written by a
// program.
func lines(s string, w float64) int {
	n := 0
	for _, ln := range strings.Split(s, "\n") {
		n += 1 + int(float64(len([]rune(ln)))/(w*1.1))
	}
	return n
}

// finish sets the properties and writes the file through xlsxzip, so the
// bytes do not depend on map order or the clock.
func finish(w io.Writer, f *excelize.File, title, subject string, opts Options) error {
	created := opts.Created
	if created.IsZero() {
		created = time.Now()
	}
	creator := opts.Creator
	if creator == "" {
		creator = "ddat"
	}
	date := created.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: subject, Creator: creator, LastModifiedBy: creator,
		Created: date, Modified: date, Language: "en-GB",
	}); err != nil {
		return err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "ddat"}); err != nil {
		return err
	}
	return f.Write(w)
}

// newFile is an empty workbook whose first sheet is name.
func newFile(name string) (*excelize.File, *styles, error) {
	f := excelize.NewFile()
	f.SetZipWriter(xlsxzip.NewWriter)
	if err := f.SetSheetName("Sheet1", name); err != nil {
		f.Close()
		return nil, nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}
