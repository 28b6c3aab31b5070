package matrix

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/internal/wordwrap"
	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// The workbook's one font. Arial is on every Windows and Mac; LibreOffice
// and Linux print it as Liberation Sans, which has the same metrics. Every
// style names it, the workbook's default included, so that no application
// falls back to a serif.
const (
	fontName  = "Arial"
	bodySize  = 10.0
	titleSize = 14.0
)

// Sizes of the workbook's look, in Excel's units: column widths in digits
// of the default font (10-point Arial), row heights in points.
const (
	lineHeight   = 12.75 // one line of 10-point text, as Excel spaces it
	titleHeight  = 20.0  // one line of a 14-point title
	maxRowHeight = 409.0 // Excel's limit
	textWidth    = 40.0  // a column of running text
	nameWidth    = 30.0  // a column of names (skills, roles)
	levelWidth   = 13.0  // a column of skill levels in a grid
	shortWidth   = 7.0   // a column of numbers or codes
)

// xlsxStyles are the cell styles of the workbook, created once per file.
type xlsxStyles struct {
	title   int   // A1 of every sheet
	plain   int   // unwrapped text: a note that runs on past its column
	text    int   // wrapped text, top-aligned
	bold    int   // wrapped bold text: labels and headings
	header  int   // a table's header row
	number  int   // a whole number, top-aligned
	flag    int   // 1 or 0 under a grade, centred
	link    int   // a hyperlink to another sheet
	levels  []int // one per skill level, lowest first
	noLevel int   // a skill needed without a skill level: a neutral fill
}

// noLevelFill is the fill of a skill needed without a skill level: a grey
// with no hue, apart from the blue ramp of the levels, lighter than all of
// it but the first step and with a border, so it is not taken for blank.
const noLevelFill = "EDEDED"

// newStyles makes f's default font fontName at bodySize and adds the
// workbook's styles, all in that font, with one fill per skill level from
// levelRamp.
func newStyles(f *excelize.File, levels int) (*xlsxStyles, error) {
	if err := f.SetDefaultFont(fontName); err != nil {
		return nil, fmt.Errorf("default font: %w", err)
	}
	// SetDefaultFont leaves the template's size, 11; the default font's
	// digit is the unit of every column width.
	if fonts := f.Styles.Fonts; fonts != nil && len(fonts.Font) > 0 && fonts.Font[0].Sz != nil {
		size := bodySize
		fonts.Font[0].Sz.Val = &size
	}
	font := func(bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: bodySize, Bold: bold, Color: color}
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	centre := &excelize.Alignment{Vertical: "center", Horizontal: "center", WrapText: true}
	white := excelize.Border{Color: "FFFFFF", Style: 1}
	cellBorder := func(b excelize.Border) []excelize.Border {
		return []excelize.Border{withSide(b, "left"), withSide(b, "right"), withSide(b, "top"), withSide(b, "bottom")}
	}
	link := font(false, "0563C1")
	link.Underline = "single"
	var st xlsxStyles
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Family: fontName, Size: titleSize, Bold: true}}},
		{&st.plain, excelize.Style{Font: font(false, "")}},
		{&st.text, excelize.Style{Font: font(false, ""), Alignment: top}},
		{&st.bold, excelize.Style{Font: font(true, ""), Alignment: top}},
		{&st.header, excelize.Style{Font: font(true, ""), Alignment: &excelize.Alignment{Vertical: "bottom", WrapText: true}}},
		{&st.number, excelize.Style{Font: font(false, ""), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}},
		{&st.flag, excelize.Style{Font: font(false, ""), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}},
		{&st.link, excelize.Style{Font: link, Alignment: top}},
		{&st.noLevel, excelize.Style{
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{noLevelFill}}, Font: font(false, "000000"),
			Alignment: centre, Border: cellBorder(excelize.Border{Color: "808080", Style: 3}),
		}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return nil, fmt.Errorf("style: %w", err)
		}
		*d.id = id
	}
	for i := range levels {
		fill, ink := levelRamp(i, levels)
		id, err := f.NewStyle(&excelize.Style{
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
			Font:      font(ink == "FFFFFF", ink),
			Alignment: centre,
			Border:    cellBorder(white),
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
	rows   int          // rows declared in the sheet's dimension
	row    int          // rows written
	cols   int          // the last column written to, 1-based
	bold   map[int]bool // styles whose text is bold, so wider
}

// sheetSetup is how a sheet shows and prints: its size, the rows and
// columns frozen in view, and the titles repeated on every printed page.
type sheetSetup struct {
	rows       int // the rows the sheet will hold; its columns are its widths
	freezeCols int
	freezeRows int
	titleRows  string // e.g. "$1:$6"; "" = none
	titleCols  string // e.g. "$A:$A"; "" = none
	paper      paper
	styles     *xlsxStyles
}

// newSheetStream starts streaming sheet with the given column widths, one
// per column the sheet uses. The print setup and the sheet's dimension (its
// used range, which importers read to size the sheet) must go in before
// streaming starts, as the stream writer copies them when it is created;
// flush checks that the sheet filled the range it declared.
func newSheetStream(f *excelize.File, sheet string, widths []float64, p sheetSetup) (*sheetStream, error) {
	err := setPrint(f, sheet, printSetup{paper: p.paper, widths: widths, titleRows: p.titleRows, titleCols: p.titleCols})
	if err != nil {
		return nil, err
	}
	if err := f.SetSheetDimension(sheet, usedRange(len(widths), p.rows)); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", sheet, err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %w", sheet, err)
	}
	s := &sheetStream{sw: sw, widths: widths, rows: p.rows, bold: map[int]bool{}}
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

// usedRange is the range from A1 to the last of cols columns and rows rows.
func usedRange(cols, rows int) string {
	last, _ := excelize.CoordinatesToCellName(max(cols, 1), max(rows, 1))
	return "A1:" + last
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
		s.cols = max(s.cols, i+1)
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
// a line of a note that runs on past column A.
func (s *sheetStream) line(text string, style int, height float64) error {
	s.row++
	s.cols = max(s.cols, 1)
	if err := checkCell(s.sw.Sheet, 1, s.row, text); err != nil {
		return err
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	if err := s.sw.SetRow(cell, []any{str(text, style)}, excelize.RowOpts{Height: height}); err != nil {
		return fmt.Errorf("sheet %s row %d: %w", s.sw.Sheet, s.row, err)
	}
	return nil
}

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

// flush ends the sheet, which must have filled the range it declared.
func (s *sheetStream) flush() error {
	if s.row != s.rows || s.cols != len(s.widths) {
		return fmt.Errorf("sheet %s: declared %s, wrote %s", s.sw.Sheet, usedRange(len(s.widths), s.rows), usedRange(s.cols, s.row))
	}
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
	// 10-point Arial fits about 1.15 average characters per unit of column
	// width (the unit is the width of a digit), bold about 1.0; less the
	// padding.
	perUnit := 1.15
	if bold {
		perUnit = 1.0
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

// breakLines breaks text into lines of at most width units of column width
// at spaces, for a note that runs unwrapped across a sheet's columns.
func breakLines(text string, width float64) []string {
	room := max(int(width*1.15)-1, 4)
	var lines []string
	for para := range strings.SplitSeq(text, "\n") {
		lines = append(lines, wordwrap.Lines(para, room)...)
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
