package csvrows

import (
	"fmt"
	"io"

	"github.com/ddat-tools/ddat/model"
)

// limitError is the error of a guard, which Read turns into a
// *model.LoadError at its line.
type limitError struct {
	line int
	msg  string
}

func (e *limitError) Error() string { return e.msg }

// guard sits between a CSV file and encoding/csv and stops a file whose
// cells would hold too much before encoding/csv reads them into memory: a
// cell longer than any spreadsheet saves (often a quote left open, which
// runs the cell to the end of the file), a row of more than Limits.Columns
// cells, or more than Limits.Cells cells. It follows quotes as encoding/csv
// does: a quote opens or closes a quoted cell, and a doubled quote inside
// one counts twice, so changes nothing. Callers check each cell's exact
// length afterwards; the guard only bounds the work.
type guard struct {
	r      io.Reader
	sep    byte
	lim    Limits
	quoted bool
	line   int   // of the byte being read
	start  int   // line the current cell starts on
	chars  int   // characters of the current cell, quotes included
	cells  int   // cells so far
	row    int   // cells of the current row so far
	read   int64 // bytes of the file so far
}

func newGuard(r io.Reader, sep rune, lim Limits) *guard {
	return &guard{r: r, sep: byte(sep), lim: lim, line: 1, start: 1, cells: 1, row: 1}
}

func (g *guard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if g.read += int64(n); g.read > g.lim.Bytes {
		return 0, &limitError{msg: "file is larger than " + size(g.lim.Bytes)}
	}
	for _, b := range p[:n] {
		switch {
		case b == '"':
			g.quoted = !g.quoted
		case !g.quoted && (b == g.sep || b == '\n'):
			g.cells++
			g.row++
			g.chars = -1
			if b == '\n' {
				g.line++
				g.row = 1
			}
			g.start = g.line
		case b == '\n':
			g.line++
		}
		if b&0xc0 != 0x80 {
			g.chars++
		}
		// A quoted cell's text is at most half its quotes and itself.
		if g.chars > 2*model.MaxCellText+2 {
			return 0, &limitError{line: g.start, msg: fmt.Sprintf("a cell starting here runs on past %d characters, more than a spreadsheet cell holds; is a quote left open?", model.MaxCellText)}
		}
		if g.row > g.lim.Columns {
			return 0, &limitError{line: g.line, msg: fmt.Sprintf("a row of more than %d cells, more than a spreadsheet has columns", g.lim.Columns)}
		}
		if g.cells > g.lim.Cells {
			return 0, &limitError{line: g.line, msg: fmt.Sprintf("more than %d cells; %s has far fewer", g.lim.Cells, g.lim.What)}
		}
	}
	return n, err
}
