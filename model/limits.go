package model

import (
	"fmt"
	"unicode/utf16"
)

// MaxCellText is the most characters a spreadsheet cell holds (Excel's
// limit, counted as Excel counts them, in UTF-16 units). Writers of
// spreadsheets refuse a longer text rather than cut it, and the readers of
// flat files refuse a longer cell, which no spreadsheet could have saved.
const MaxCellText = 32767

// CellTextError says that a text is too long for a spreadsheet cell.
type CellTextError struct {
	Pos     Pos    // of the role, level, skill or metadata the text belongs to
	Subject string // what it belongs to: `role "Widget engineer"`
	Field   string // which text: "the summary"
	Len     int    // its length, as MaxCellText counts
}

func (e *CellTextError) Error() string {
	s := fmt.Sprintf("%s is %d characters long; a spreadsheet cell holds at most %d, and ddat does not cut text: shorten it", e.Field, e.Len, MaxCellText)
	if e.Subject != "" {
		s = e.Subject + ": " + s
	}
	if e.Pos.IsValid() {
		s = e.Pos.String() + ": " + s
	}
	return s
}

// CellTextLen is the length of s as MaxCellText counts it.
func CellTextLen(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

// CheckCellText returns a *CellTextError when text is longer than a
// spreadsheet cell holds.
func CheckCellText(text string, pos Pos, subject, field string) error {
	if len(text) <= MaxCellText { // no text has more characters than bytes
		return nil
	}
	if n := CellTextLen(text); n > MaxCellText {
		return &CellTextError{Pos: pos, Subject: subject, Field: field, Len: n}
	}
	return nil
}
