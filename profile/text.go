package profile

import (
	"cmp"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/vacancy"
)

// TextOptions are the choices for a job profile as plain text. The zero
// value does not wrap.
type TextOptions struct {
	Width   int              // wrap lines at this many columns; 0 or less: do not wrap
	Vacancy *vacancy.Vacancy // the vacancy a role level's profile is for; nil = none
}

// WriteText writes the job profile of ref as plain text for a terminal or
// an e-mail: the same document description the PDF draws, so the two hold
// the same text. Headings are underlined, tables become labelled records,
// lists are bulleted, and what only a page has (page numbers, gauges, page
// breaks) is left out. Any character prints, so no *GlyphError is returned.
func WriteText(w io.Writer, fw *model.Framework, ref model.LevelRef, opts TextOptions) error {
	d, err := describe(fw, ref, nil, opts.Vacancy)
	if err != nil {
		return err
	}
	t := &textWriter{w: w, width: opts.Width}
	t.blocks(d.Blocks, 0)
	return t.err
}

// blocks writes a sequence of blocks at indent.
func (t *textWriter) blocks(blocks []block, indent int) {
	for _, b := range blocks {
		t.block(b, indent)
	}
}

func (t *textWriter) block(b block, indent int) {
	switch b.Kind {
	case kindCaption:
		t.para(indent, b.Text)
	case kindTitle:
		t.heading(b.Text, '=')
		t.blank()
	case kindHeading:
		if b.Level <= 1 {
			t.blank()
			t.heading(b.Text, '=')
		} else {
			t.heading(b.Text, '-')
		}
		t.blank()
	case kindParagraph:
		if b.PageOf != "" || b.Text == "" {
			return // a page number means nothing off the page
		}
		t.para(indent, b.Text)
		t.blank()
	case kindList:
		if b.Text != "" {
			t.para(indent, b.Text)
		}
		for _, it := range b.Items {
			t.bullet(indent+2, it)
		}
		t.blank()
	case kindTable:
		t.table(b.Table, indent)
	}
}

// table writes a key–value table as aligned fields, and a grid as one
// record a row: the first cell as the record's name, every other cell
// under it, labelled with its column's header.
func (t *textWriter) table(tb *table, indent int) {
	if tb.Kind == tableSummary {
		width := 0
		// Key and value pairs, one or two to a row on the page, one a line.
		for _, row := range tb.Rows {
			for i := 0; i+1 < len(row); i += 2 {
				width = max(width, utf8.RuneCountInString(cellText(row[i]))+len(":  "))
			}
		}
		for _, row := range tb.Rows {
			for i := 0; i+1 < len(row); i += 2 {
				t.field(indent, width, cellText(row[i]), cellTexts(row[i+1])...)
			}
		}
		t.blank()
		return
	}
	if tb.Kind == tableLegend {
		// Side by side on the page, one entry a line here: its name, then
		// what it means.
		width := 0
		for _, row := range tb.Rows {
			for _, c := range row {
				if ts := cellTexts(c); len(ts) > 0 {
					width = max(width, utf8.RuneCountInString(ts[0])+len(":  "))
				}
			}
		}
		for _, row := range tb.Rows {
			for _, c := range row {
				if ts := cellTexts(c); len(ts) > 0 {
					t.field(indent, width, ts[0], ts[1:]...)
				}
			}
		}
		t.blank()
		return
	}
	for _, row := range tb.Rows {
		for i, c := range row {
			if i == 0 {
				for j, s := range cellTexts(c) {
					t.para(indent+min(j, 1)*2, s)
				}
				continue
			}
			t.cell(tb.Columns[i], c, indent+2)
		}
		t.blank()
	}
}

// cell writes one cell of a grid row: "Header: text" when it is one
// paragraph, else the header and the blocks under it. A list brings its own
// lead-in, so it needs no header.
func (t *textWriter) cell(col column, c cell, indent int) {
	head := col.Head
	if col.Sub != "" {
		head += " (" + col.Sub + ")"
	}
	var paras []block
	for _, b := range c {
		switch {
		case b.Kind == kindParagraph && b.PageOf == "" && b.Text != "":
			paras = append(paras, b)
		case b.Kind == kindList:
			t.flush(head, paras, indent)
			paras, head = nil, ""
			t.para(indent, cmp.Or(b.Text, col.Intro))
			for _, it := range b.Items {
				t.bullet(indent+2, it)
			}
		}
	}
	t.flush(head, paras, indent)
}

// flush writes the paragraphs of a cell gathered so far after the header:
// values (a skill level, grades, shared skills) one a line, aligned after
// the header, and notes (a level's phrase) indented under them.
func (t *textWriter) flush(head string, paras []block, indent int) {
	var values, notes []string
	for _, p := range paras {
		if p.Style == styleNote {
			notes = append(notes, p.Text)
		} else {
			values = append(values, p.Text)
		}
	}
	if len(values) == 0 && head != "" && len(notes) > 0 {
		values, notes = notes[:1], notes[1:] // "Level 1: –"
	}
	switch {
	case len(values) > 0 && head != "":
		t.field(indent, utf8.RuneCountInString(head)+len(": "), head, values...)
		indent += 2
	case len(values) > 0:
		for _, v := range values {
			t.para(indent, v)
		}
		indent += 2
	}
	for _, n := range notes {
		t.para(indent, n)
	}
}

// cellText is a cell's paragraphs on one line.
func cellText(c cell) string { return strings.Join(cellTexts(c), " ") }

// cellTexts is the text of each paragraph of a cell.
func cellTexts(c cell) []string {
	var out []string
	for _, b := range c {
		if b.Kind == kindParagraph && b.PageOf == "" && b.Text != "" {
			out = append(out, b.Text)
		}
	}
	return out
}
