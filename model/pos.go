package model

import "fmt"

// Pos is where a value came from in an input file, so that messages can point
// a person at it. A YAML or JSON file gives a line and column; a spreadsheet
// gives a row number as the spreadsheet shows it and a column name.
type Pos struct {
	File   string
	Line   int    // 1-based line, or spreadsheet row
	Col    int    // 1-based column in a text file; 0 for a spreadsheet
	Column string // spreadsheet column heading, e.g. "Skill Level"
}

// IsValid reports whether p names any place at all.
func (p Pos) IsValid() bool { return p.File != "" || p.Line > 0 }

// String formats p as "file:line:col" for text files and
// "file: row N, column "X"" for spreadsheets.
func (p Pos) String() string {
	switch {
	case p.Column != "":
		return fmt.Sprintf("%s: row %d, column %q", p.File, p.Line, p.Column)
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return p.File
	}
}
