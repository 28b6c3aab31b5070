package profile

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/internal/wordwrap"
)

// textWriter writes plain text for a terminal: paragraphs and list items
// wrapped to a width with hanging indents. The first write error sticks and
// later writes do nothing, so callers check err once at the end.
type textWriter struct {
	w     io.Writer
	width int // 0 or less: do not wrap
	err   error
}

// line writes s and a newline, as it is.
func (t *textWriter) line(s string) {
	if t.err == nil {
		_, t.err = io.WriteString(t.w, s+"\n")
	}
}

// blank writes an empty line.
func (t *textWriter) blank() { t.line("") }

// heading writes s underlined with ch, e.g. '=' or '-'.
func (t *textWriter) heading(s string, ch rune) {
	t.line(s)
	t.line(strings.Repeat(string(ch), max(1, utf8.RuneCountInString(s))))
}

// para writes s wrapped, every line indented by indent spaces.
func (t *textWriter) para(indent int, s string) {
	t.hanging(strings.Repeat(" ", indent), strings.Repeat(" ", indent), s)
}

// bullet writes s as a list item at indent: "• " then the text, with
// continuation lines aligned under the text.
func (t *textWriter) bullet(indent int, s string) {
	pad := strings.Repeat(" ", indent)
	t.hanging(pad+"• ", pad+"  ", s)
}

// field writes a labelled value ("Grades:  SEO (Senior Executive Officer)")
// at indent, with the label padded to labelWidth; further values go on their own lines
// under the first.
func (t *textWriter) field(indent, labelWidth int, label string, values ...string) {
	first := strings.Repeat(" ", indent) + fmt.Sprintf("%-*s", labelWidth, label+":")
	rest := strings.Repeat(" ", utf8.RuneCountInString(first))
	for i, v := range values {
		if i == 0 {
			t.hanging(first, rest, v)
		} else {
			t.hanging(rest, rest, v)
		}
	}
}

// hanging writes s wrapped, its first line after first and the others after
// rest.
func (t *textWriter) hanging(first, rest, s string) {
	width := t.width - utf8.RuneCountInString(rest)
	if t.width <= 0 || width < 20 {
		width = 0
	}
	for i, l := range wordwrap.Lines(s, width) {
		if i == 0 {
			t.line(strings.TrimRight(first+l, " "))
		} else {
			t.line(rest + l)
		}
	}
}
