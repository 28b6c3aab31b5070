// Package wordwrap breaks text into lines at spaces, counting characters:
// the wrapping of plain text (ddat show) and of notes in a workbook, where
// a character is about a column's unit of width.
package wordwrap

import (
	"strings"
	"unicode/utf8"
)

// Lines breaks s into lines of at most width characters at spaces; a word
// longer than width gets a line of its own. Runs of white space, line
// breaks included, become one space. A width of 0 or less gives one line.
func Lines(s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	if width <= 0 {
		return []string{strings.Join(words, " ")}
	}
	var lines []string
	var b strings.Builder
	n := 0
	for _, w := range words {
		wn := utf8.RuneCountInString(w)
		if n > 0 && n+1+wn > width {
			lines = append(lines, b.String())
			b.Reset()
			n = 0
		}
		if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += wn
	}
	return append(lines, b.String())
}
