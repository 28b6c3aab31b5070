package matrix

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Paper sizes, for Options.Paper.
const (
	PaperA4     = "a4"
	PaperLetter = "letter"
)

// paper is a paper size: its OOXML code and its portrait size in points.
type paper struct {
	code          int
	width, height float64
}

// papers are the paper sizes Options.Paper names.
var papers = map[string]paper{
	PaperA4:     {code: 9, width: 595.28, height: 841.89},
	PaperLetter: {code: 1, width: 612, height: 792},
}

// Print geometry. Every sheet prints at a fixed scale chosen here, never
// "fit to page": a fit lets the application shrink a wide sheet until its
// text cannot be read, and differs between applications.
const (
	marginSide   = 0.4 // inches, left and right
	marginTop    = 0.5
	marginBottom = 0.6
	marginHeader = 0.2
	marginFooter = 0.25

	// pointsPerUnit is the printed width of one unit of column width at
	// 100%: a digit of 10-point Arial, 7 pixels, is 5.25 points in Excel;
	// LibreOffice, which does not round to pixels, makes it 5.55.
	pointsPerUnit = 5.6
	// minScale keeps 10-point text at 8 points or more on paper. A sheet
	// that would need less prints across pages, its titles repeated.
	minScale = 80
	// pageUnits is the width, in units of column width, that prints one
	// page wide at minScale on landscape A4 or Letter: what the sheets of
	// running text are sized to.
	pageUnits = 160.0
	// footerFont is the footer's font: the sheet's name and the page number.
	footerFont = `&"` + fontName + `,Regular"&10`
)

// printSetup is how a sheet prints: the columns' widths, which decide the
// orientation and scale, and the rows and columns repeated on every page.
type printSetup struct {
	paper     paper
	widths    []float64
	titleRows string // e.g. "$1:$6"; "" = none
	titleCols string // e.g. "$A:$A"; "" = none
}

// printLayout is the orientation and scale a sheet prints at on paper: as
// large as fits one page wide, up to 100%, portrait when the sheet fits
// portrait at 100%; never below minScale.
func printLayout(widths []float64, p paper) (orientation string, scale int) {
	total := 0.0
	for _, w := range widths {
		total += w
	}
	total *= pointsPerUnit
	side := 2 * marginSide * 72
	if total <= p.width-side {
		return "portrait", 100
	}
	fit := (p.height - side) / total * 100
	return "landscape", max(minScale, min(100, int(math.Floor(fit))))
}

// setPrint sets the paper, orientation, scale, margins, footer and print
// titles of a sheet. It must come before a stream writer starts on it.
func setPrint(f *excelize.File, sheet string, ps printSetup) error {
	orientation, scale := printLayout(ps.widths, ps.paper)
	size, adjust, fit := ps.paper.code, uint(scale), false
	err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, AdjustTo: &adjust})
	if err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	side, top, bottom, header, footer := marginSide, marginTop, marginBottom, marginHeader, marginFooter
	err = f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &bottom, Header: &header, Footer: &footer,
	})
	if err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&L" + footerFont + "&A&R" + footerFont + "Page &P of &N"}); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if ps.titleRows != "" || ps.titleCols != "" {
		ref := quoteSheet(sheet) + "!"
		var parts []string
		if ps.titleCols != "" {
			parts = append(parts, ref+ps.titleCols)
		}
		if ps.titleRows != "" {
			parts = append(parts, ref+ps.titleRows)
		}
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: strings.Join(parts, ","), Scope: sheet}); err != nil {
			return fmt.Errorf("sheet %s: print titles: %w", sheet, err)
		}
	}
	return nil
}
