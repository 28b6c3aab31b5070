package profile

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The layout description: what a document says and in what structure, before
// any measuring or drawing. Profile builds one from the model (profile_*.go);
// the PDF writer (pdf*.go) decides where each piece goes on which page. Tests
// read the description as text (Dump).

// document is a whole document: its metadata and its blocks in reading order.
type document struct {
	Title    string // the document's title: metadata and every page's footer
	Subject  string
	Keywords []string
	Blocks   []block
}

// blockKind says what a block is; the PDF writer gives each kind its look.
type blockKind int

const (
	kindCaption   blockKind = iota // small line above a title ("Job profile")
	kindTitle                      // the document's or a section's main title
	kindHeading                    // a section heading
	kindParagraph                  // running text in a textStyle
	kindList                       // a bulleted list, with an optional intro line
	kindGauge                      // Level filled steps of Of, a small bar
	kindTable                      // rows and columns
	kindPageBreak                  // the next block starts a new page
	kindSpace                      // a framed box Level mm high to write in, on a form
)

var kindNames = [...]string{"caption", "title", "heading", "paragraph", "list", "gauge", "table", "pagebreak", "space"}

// textStyle is the look of a paragraph, named for its role in the document.
type textStyle int

const (
	styleBody   textStyle = iota // running text
	styleLead                    // a larger first paragraph
	styleStrong                  // bold running text: names in tables
	styleNote                    // small, secondary text: derived phrases, attribution
	styleLabel                   // small bold text: a list's intro inside a table
	styleHead                    // a table header
)

var styleNames = [...]string{"body", "lead", "strong", "note", "label", "head"}

// block is one piece of a document. Which fields count depends on Kind.
type block struct {
	Kind     blockKind
	Text     string    // caption, title, heading, paragraph, list intro
	Style    textStyle // paragraph
	Items    []string  // list
	Level    int       // heading: 1 or 2; gauge: filled steps
	Of       int       // gauge: steps
	Bookmark int       // title, heading: outline level + 1; 0 = no bookmark
	Mark     string    // title, heading: the text of its bookmark and running head, if not Text
	Anchor   string    // title, heading: a name PageOf can refer to
	PageOf   string    // paragraph: print the page number of this anchor, not Text
	KeepNext bool      // paragraph, table: on the same page as the start of the next block
	Table    *table    // table
}

// tableKind says how a table looks.
type tableKind int

const (
	tableGrid    tableKind = iota // a header row, lines between rows
	tableSummary                  // key–value rows, no header: bold keys
	tableLegend                   // one row of side-by-side entries, no header: a key to symbols
)

// table is a table. A row is a list of cells, a cell a list of blocks.
type table struct {
	Kind    tableKind
	Keep    bool // keep the rows on one page when they fit on one
	Columns []column
	Rows    [][]cell
}

// column is a table column: its header and its share of the text width.
type column struct {
	Head  string
	Sub   string  // a second, smaller line of the header; "" = none
	Intro string  // the lead-in of the column's lists, said once in the header, not in every row
	Width float64 // fraction of the text width; a table's widths sum to 1
}

type cell []block

// dump writes d as indented text, one block a line, for tests and reviews.
func (d *document) dump(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "document %q\nsubject %q\nkeywords %q\n", d.Title, d.Subject, d.Keywords)
	dumpBlocks(&b, d.Blocks, "")
	_, err := io.WriteString(w, b.String())
	return err
}

func dumpBlocks(b *strings.Builder, blocks []block, indent string) {
	for _, bl := range blocks {
		b.WriteString(indent)
		b.WriteString(kindNames[bl.Kind])
		switch bl.Kind {
		case kindHeading:
			b.WriteString(" " + strconv.Itoa(bl.Level))
		case kindParagraph:
			b.WriteString(" " + styleNames[bl.Style])
		case kindGauge:
			fmt.Fprintf(b, " %d/%d", bl.Level, bl.Of)
		case kindSpace:
			fmt.Fprintf(b, " %d mm", bl.Level)
		}
		if bl.Bookmark > 0 {
			fmt.Fprintf(b, " [bookmark %d]", bl.Bookmark-1)
		}
		if bl.KeepNext {
			b.WriteString(" [keep with next]")
		}
		if bl.Mark != "" {
			fmt.Fprintf(b, " [mark %q]", bl.Mark)
		}
		if bl.Anchor != "" {
			fmt.Fprintf(b, " [anchor %s]", bl.Anchor)
		}
		if bl.PageOf != "" {
			fmt.Fprintf(b, " [page of %s]", bl.PageOf)
		}
		if bl.Text != "" {
			b.WriteString(" " + strconv.Quote(bl.Text))
		}
		b.WriteByte('\n')
		for _, it := range bl.Items {
			b.WriteString(indent + "  - " + strconv.Quote(it) + "\n")
		}
		if t := bl.Table; t != nil {
			if t.Keep {
				fmt.Fprintf(b, "%s  [keep together]\n", indent)
			}
			for _, c := range t.Columns {
				fmt.Fprintf(b, "%s  column %q %q %.2f\n", indent, c.Head, c.Sub, c.Width)
				if c.Intro != "" {
					fmt.Fprintf(b, "%s    intro %q\n", indent, c.Intro)
				}
			}
			for i, row := range t.Rows {
				fmt.Fprintf(b, "%s  row %d\n", indent, i+1)
				for j, c := range row {
					fmt.Fprintf(b, "%s    cell %d\n", indent, j+1)
					dumpBlocks(b, c, indent+"      ")
				}
			}
		}
	}
}
