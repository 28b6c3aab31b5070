// Package csvrows reads CSV files as people save them from spreadsheets:
// UTF-8 with or without a byte-order mark, cells separated by commas,
// semicolons or tabs (told from the header line), quoted cells that span
// lines. Each record comes with the row number a spreadsheet shows for it,
// blank lines counted, and the reader bounds the memory a file can take
// before encoding/csv holds it.
package csvrows

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/ddat-tools/ddat/model"
)

// Limits bound a file: what a hostile or broken one can make the reader
// hold. Each limit hit is a *model.LoadError at its line.
type Limits struct {
	Bytes   int64  // size of the file
	Cells   int    // cells in all
	Columns int    // cells of one row
	What    string // what the file is, for messages: "a framework's file"
}

// Reader reads the records of a CSV file.
type Reader struct {
	csv       *csv.Reader
	name      string
	lim       Limits
	num, line int // the last record's row number; the line after it
}

// NewReader returns a reader of the CSV text of r, which messages call
// name. Its first line decides the separator.
func NewReader(r io.Reader, name string, lim Limits) *Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(len(bom)); bytes.Equal(b, bom) {
		br.Discard(len(bom))
	}
	first, _ := br.Peek(br.Size()) // as much as there is; the header line is in it
	sep := separator(first)
	cr := csv.NewReader(newGuard(br, sep, lim))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &Reader{csv: cr, name: name, lim: lim, line: 1}
}

var bom = []byte("\xef\xbb\xbf")

// Read returns the next record, which the next call may overwrite, and its
// row number as a spreadsheet shows it; io.EOF after the last. Broken
// quoting and limits hit are *model.LoadError at their line.
func (r *Reader) Read() (rec []string, row int, err error) {
	rec, err = r.csv.Read()
	if errors.Is(err, io.EOF) {
		return nil, 0, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		var le *limitError
		switch {
		case errors.As(err, &le):
			return nil, 0, r.errAt(le.line, "%s", le.msg)
		case errors.As(err, &pe):
			return nil, 0, &model.LoadError{Pos: model.Pos{File: r.name, Line: pe.Line, Col: pe.Column},
				Msg: fmt.Sprintf("row %d: %v; a cell with quotes must be quoted as a whole, with quotes inside it doubled", r.num+1+(pe.StartLine-r.line), pe.Err)}
		}
		return nil, 0, fmt.Errorf("read %s: %w", r.name, err)
	}
	// encoding/csv skips blank lines, which a spreadsheet shows as rows:
	// count them so that row numbers match what the user sees.
	start, _ := r.csv.FieldPos(0)
	r.num += 1 + start - r.line
	last, _ := r.csv.FieldPos(len(rec) - 1)
	r.line = last + strings.Count(rec[len(rec)-1], "\n") + 1
	return rec, r.num, nil
}

func (r *Reader) errAt(line int, format string, args ...any) error {
	return &model.LoadError{Pos: model.Pos{File: r.name, Line: line}, Msg: fmt.Sprintf(format, args...)}
}

// size says a number of bytes as people read it.
func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// HeadingKey is a heading with case, spaces and punctuation removed, so
// that "Role level", "ROLE_LEVEL" and "role-level" name the same column.
func HeadingKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Blank reports whether a record holds nothing but spaces.
func Blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// separator is the most frequent of comma, semicolon and tab outside
// quotes on the first line of data; a comma when none is there.
func separator(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, b := range data {
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == '\n':
			return best(counts)
		case b == ',' || b == ';' || b == '\t':
			counts[rune(b)]++
		}
	}
	return best(counts)
}

func best(counts map[rune]int) rune {
	sep := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[sep] {
			sep = r
		}
	}
	return sep
}
