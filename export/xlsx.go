package export

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// Sizes of the workbook's look, in Excel's units: column widths in
// characters of the default font (Calibri 11), row heights in points.
const (
	lineHeight   = 15.0  // one line of 11-point text
	titleHeight  = 22.0  // one line of a 15-point title
	maxRowHeight = 409.0 // Excel's limit
	textWidth    = 60.0  // a column of running text
	nameWidth    = 36.0  // a column of names (skills, roles)
	levelWidth   = 17.0  // a column of skill levels in a grid
	shortWidth   = 12.0  // a column of numbers or codes

	// maxFitWidth is the widest sheet, in characters, that still reads when
	// shrunk onto one landscape page (about 140 characters fit at 100%).
	maxFitWidth = 400.0
	wideScale   = 60 // per cent, for a sheet printed across pages
)

// xlsxStyles are the cell styles of the workbook, created once per file.
type xlsxStyles struct {
	title  int   // A1 of every sheet
	text   int   // wrapped text, top-aligned
	bold   int   // wrapped bold text: labels and headings
	header int   // a table's header row
	number int   // a whole number, top-aligned
	link   int   // a hyperlink to another sheet
	levels []int // one per skill level, lowest first
}

// newStyles adds the workbook's styles to f, with one fill per skill level
// from levelRamp.
func newStyles(f *excelize.File, levels int) (*xlsxStyles, error) {
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	var st xlsxStyles
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 15}}},
		{&st.text, excelize.Style{Alignment: top}},
		{&st.bold, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top}},
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "bottom", WrapText: true}}},
		{&st.number, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}},
		{&st.link, excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: top}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return nil, fmt.Errorf("style: %w", err)
		}
		*d.id = id
	}
	white := excelize.Border{Color: "FFFFFF", Style: 1}
	for i := range levels {
		fill, ink := levelRamp(i, levels)
		id, err := f.NewStyle(&excelize.Style{
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
			Font:      &excelize.Font{Color: ink, Bold: ink == "FFFFFF"},
			Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center", WrapText: true},
			Border:    []excelize.Border{withSide(white, "left"), withSide(white, "right"), withSide(white, "top"), withSide(white, "bottom")},
		})
		if err != nil {
			return nil, fmt.Errorf("style: %w", err)
		}
		st.levels = append(st.levels, id)
	}
	return &st, nil
}

func withSide(b excelize.Border, side string) excelize.Border { b.Type = side; return b }

// rampStops is a single-hue blue ramp from light to dark (ColorBrewer
// "Blues"): its lightness falls in even steps, so the levels stay in order
// when printed in greyscale and for every kind of colour blindness.
var rampStops = [...][3]float64{
	{0xDE, 0xEB, 0xF7},
	{0x9E, 0xCA, 0xE1},
	{0x42, 0x92, 0xC6},
	{0x08, 0x30, 0x6B},
}

// levelRamp is the fill of skill level i of n, lowest lightest, and the text
// colour (black or white) that contrasts with it most. Four levels get the
// four stops; other counts are spread along the same ramp.
func levelRamp(i, n int) (fill, ink string) {
	t := 0.0
	if n > 1 {
		t = float64(i) / float64(n-1) * float64(len(rampStops)-1)
	}
	lo := min(int(t), len(rampStops)-2)
	frac := t - float64(lo)
	var rgb [3]float64
	for k := range rgb {
		rgb[k] = math.Round(rampStops[lo][k] + (rampStops[lo+1][k]-rampStops[lo][k])*frac)
	}
	l := luminance(rgb)
	ink = "000000"
	if (1.05)/(l+0.05) > (l+0.05)/0.05 {
		ink = "FFFFFF"
	}
	return fmt.Sprintf("%02X%02X%02X", int(rgb[0]), int(rgb[1]), int(rgb[2])), ink
}

// luminance is the WCAG relative luminance of an sRGB colour.
func luminance(rgb [3]float64) float64 {
	var c [3]float64
	for k, v := range rgb {
		v /= 255
		if v <= 0.03928 {
			c[k] = v / 12.92
		} else {
			c[k] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// sheetStream writes one sheet row by row with excelize's StreamWriter, so
// memory stays bounded however big the sheet, and sizes each row to the
// wrapped text it holds.
type sheetStream struct {
	sw     *excelize.StreamWriter
	widths []float64
	row    int          // rows written
	bold   map[int]bool // styles whose text is bold, so wider
}

// sheetSetup is how a sheet shows and prints: the rows and columns frozen
// in view, and the titles repeated on every printed page (which is
// landscape and, unless the sheet is very wide, one page wide).
type sheetSetup struct {
	freezeCols int
	freezeRows int
	titleRows  string // e.g. "$1:$6"; "" = none
	titleCols  string // e.g. "$A:$A"; "" = none
	styles     *xlsxStyles
}

// newSheetStream starts streaming sheet with the given column widths. The
// print setup must go in before streaming starts, as the stream writer
// copies the sheet's settings when it is created.
func newSheetStream(f *excelize.File, sheet string, widths []float64, p sheetSetup) (*sheetStream, error) {
	total := 0.0
	for _, w := range widths {
		total += w
	}
	// A sheet up to maxFitWidth prints one page wide; a wider one (a matrix
	// of hundreds of role levels) would shrink past reading, so it prints
	// across pages at a fixed scale, the titles repeated on each.
	landscape, one, zero, fit, scale := "landscape", 1, 0, total <= maxFitWidth, uint(wideScale)
	layout := &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}
	if !fit {
		layout = &excelize.PageLayoutOptions{Orientation: &landscape, AdjustTo: &scale}
	}
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&L&A&RPage &P of &N"}); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if p.titleRows != "" || p.titleCols != "" {
		ref := quoteSheet(sheet) + "!"
		var parts []string
		if p.titleCols != "" {
			parts = append(parts, ref+p.titleCols)
		}
		if p.titleRows != "" {
			parts = append(parts, ref+p.titleRows)
		}
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: strings.Join(parts, ","), Scope: sheet}); err != nil {
			return nil, fmt.Errorf("sheet %s: print titles: %w", sheet, err)
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %w", sheet, err)
	}
	s := &sheetStream{sw: sw, widths: widths, bold: map[int]bool{}}
	if st := p.styles; st != nil {
		s.bold[st.bold], s.bold[st.header], s.bold[st.title] = true, true, true
	}
	if p.freezeCols > 0 || p.freezeRows > 0 {
		if err := s.freeze(p.freezeCols, p.freezeRows); err != nil {
			return nil, err
		}
	}
	// One range per run of equal widths: excelize looks a cell's column up
	// in this list for every cell written.
	for i := 0; i < len(widths); {
		j := i + 1
		for j < len(widths) && widths[j] == widths[i] {
			j++
		}
		if err := sw.SetColWidth(i+1, j, widths[i]); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", sheet, err)
		}
		i = j
	}
	return s, nil
}

// quoteSheet quotes a sheet name for a formula reference.
func quoteSheet(sheet string) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
}

// add writes the next row. Strings are stored as inline text, never as
// formulas, whatever they begin with.
func (s *sheetStream) add(cells []excelize.Cell) error {
	s.row++
	vals := make([]any, len(cells))
	lines := 1
	for i, c := range cells {
		if c.Value == nil && c.StyleID == 0 {
			continue // an empty cell is left out, not written blank
		}
		if err := checkCell(s.sw.Sheet, i+1, s.row, c.Value); err != nil {
			return err
		}
		vals[i] = c
		if str, ok := c.Value.(string); ok && i < len(s.widths) {
			lines = max(lines, wrappedLines(str, s.widths[i], s.bold[c.StyleID]))
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	opts := excelize.RowOpts{Height: min(float64(lines)*lineHeight, maxRowHeight)}
	if err := s.sw.SetRow(cell, vals, opts); err != nil {
		return fmt.Errorf("sheet %s row %d: %w", s.sw.Sheet, s.row, err)
	}
	return nil
}

// line writes a row of one unwrapped cell, height points tall: a title, or
// a note that runs on past column A.
func (s *sheetStream) line(text string, style int, height float64) error {
	s.row++
	if err := checkCell(s.sw.Sheet, 1, s.row, text); err != nil {
		return err
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	if err := s.sw.SetRow(cell, []any{str(text, style)}, excelize.RowOpts{Height: height}); err != nil {
		return fmt.Errorf("sheet %s row %d: %w", s.sw.Sheet, s.row, err)
	}
	return nil
}

// blank skips a row.
func (s *sheetStream) blank() { s.row++ }

// table makes rows header..s.row of the first cols columns an Excel table;
// a table needs a row below its header, so an empty one is added if need be.
func (s *sheetStream) table(name string, header, cols int, style string) error {
	if s.row == header {
		if err := s.add(nil); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(cols, s.row)
	first, _ := excelize.CoordinatesToCellName(1, header)
	stripes := style != "TableStyleLight1"
	if err := s.sw.AddTable(&excelize.Table{Range: first + ":" + last, Name: name, StyleName: style, ShowRowStripes: &stripes}); err != nil {
		return fmt.Errorf("sheet %s table %s: %w", s.sw.Sheet, name, err)
	}
	return nil
}

// freeze keeps cols columns and rows rows in view.
func (s *sheetStream) freeze(cols, rows int) error {
	tl, _ := excelize.CoordinatesToCellName(cols+1, rows+1)
	pane := "bottomRight"
	switch {
	case cols == 0:
		pane = "bottomLeft"
	case rows == 0:
		pane = "topRight"
	}
	err := s.sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: tl, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: tl, ActiveCell: tl, Pane: pane}},
	})
	if err != nil {
		return fmt.Errorf("sheet %s: %w", s.sw.Sheet, err)
	}
	return nil
}

// flush ends the sheet.
func (s *sheetStream) flush() error {
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", s.sw.Sheet, err)
	}
	return nil
}

// wrappedLines estimates how many lines text takes in a column width
// characters wide, wrapping at spaces as Excel does; bold text is wider.
func wrappedLines(text string, width float64, bold bool) int {
	if text == "" {
		return 1
	}
	// Calibri 11 fits about 1.25 average characters per unit of column width
	// (the unit is the width of a digit), bold about 1.05; less the padding.
	perUnit := 1.25
	if bold {
		perUnit = 1.05
	}
	room := max(int(width*perUnit)-1, 4)
	lines := 0
	for para := range strings.SplitSeq(text, "\n") {
		n, used := 1, 0
		for _, w := range strings.Fields(para) {
			l := utf8.RuneCountInString(w)
			switch {
			case used == 0:
				used = l
			case used+1+l <= room:
				used += 1 + l
			default:
				n++
				used = l
			}
			for used > room { // a word longer than the line breaks anywhere
				n++
				used -= room
			}
		}
		lines += n
	}
	return lines
}

// fitWidth is a column width that fits the longest of texts on one line,
// between lo and hi.
func fitWidth(lo, hi float64, texts ...string) float64 {
	w := lo
	for _, t := range texts {
		for line := range strings.SplitSeq(t, "\n") {
			w = max(w, float64(utf8.RuneCountInString(line))+2)
		}
	}
	return min(w, hi)
}

// str is a text cell.
func str(v string, style int) excelize.Cell { return excelize.Cell{Value: v, StyleID: style} }

// checkCell refuses a text longer than a cell holds, naming the sheet and
// the cell: the last guard that nothing is cut without a word.
func checkCell(sheet string, col, row int, v any) error {
	s, ok := v.(string)
	if !ok || len(s) <= model.MaxCellText {
		return nil
	}
	if n := model.CellTextLen(s); n > model.MaxCellText {
		cell, _ := excelize.CoordinatesToCellName(col, row)
		return fmt.Errorf("sheet %s cell %s: a text of %d characters; a spreadsheet cell holds at most %d, and ddat does not cut text", sheet, cell, n, model.MaxCellText)
	}
	return nil
}
