package profile

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/vacancy"
)

// HTMLOptions are the choices for an HTML job profile. The zero value makes
// a page with no organisation and no date.
type HTMLOptions struct {
	Organisation string    // shown above the profile; "" = none
	Generator    string    // e.g. "ddat 1.2.0", for the generator meta tag; "" = "ddat"
	Created      time.Time // the date the page says it was made; zero = none, so the bytes do not depend on the clock
	// Links, when set, are shown above the profile as the page's
	// navigation: a web application's way back, or to the PDF.
	Links []HTMLLink
	// Vacancy, when set, puts a vacancy's details on a level's profile, as
	// Options.Vacancy does on the PDF.
	Vacancy *vacancy.Vacancy
}

// HTML returns the choices of an HTML profile that follow the PDF's: the
// organisation, the creator, the date and the vacancy.
func (o Options) HTML() HTMLOptions {
	return HTMLOptions{Organisation: o.Organisation, Generator: o.Creator, Created: o.Created, Vacancy: o.Vacancy}
}

// HTMLLink is a link in a page's navigation.
type HTMLLink struct {
	Text, Href string
}

// WriteHTML writes the job profile of ref as one self-contained HTML page:
// the same document description the PDF draws, with its headings as
// headings, lists as lists and tables as tables with header cells and
// captions. The page loads nothing else and needs no script; its print
// stylesheet lays it out on A4. The same input gives the same bytes.
// Nothing is written to w on an error.
func WriteHTML(w io.Writer, fw *model.Framework, ref model.LevelRef, opts HTMLOptions) error {
	if fw == nil || ref.Role == nil {
		return fmt.Errorf("profile: no role given")
	}
	d, err := describe(fw, ref, nil, opts.Vacancy)
	if err != nil {
		return err
	}
	return writeHTMLDocument(w, d, opts)
}

// writeHTMLDocument writes the page of any document description: a job
// profile's, a progression's or a comparison's.
func writeHTMLDocument(w io.Writer, d *document, opts HTMLOptions) error {
	page := htmlPage{
		Title:        d.Title,
		Subject:      d.Subject,
		Keywords:     strings.Join(d.Keywords, ", "),
		Generator:    opts.Generator,
		Organisation: opts.Organisation,
		Links:        opts.Links,
		Blocks:       newHTMLConverter(d).blocks(d.Blocks),
	}
	if page.Generator == "" {
		page.Generator = "ddat"
	}
	if !opts.Created.IsZero() {
		page.Created = longDate(opts.Created.UTC())
		page.CreatedISO = opts.Created.UTC().Format("2006-01-02")
	}
	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, page); err != nil {
		return fmt.Errorf("%s: html: %w", d.Title, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// htmlPage is what the page template shows.
type htmlPage struct {
	Title, Subject, Keywords, Generator, Organisation string
	Created, CreatedISO                               string
	Links                                             []HTMLLink
	Blocks                                            []htmlBlock
}

// htmlBlock is a block of the description as the template shows it.
type htmlBlock struct {
	Kind     string // a kindNames entry
	H        int    // heading: 1 to 6
	Text     string
	Class    string // paragraph: its style's name
	ID       string // heading: the anchor others link to
	Items    []string
	Href     string // paragraph: a link to another part of the page, instead of a page number
	LinkText string
	Steps    []bool // gauge: filled or not
	Level    int    // gauge
	Of       int    // gauge
	Table    *htmlTable
}

// htmlTable is a table with its caption and header cells.
type htmlTable struct {
	Caption string
	Summary bool
	NoHead  bool // no column has a header (a legend): no header row
	Columns []column
	Widths  []int // each column's share of the width, in per cent
	Rows    [][]htmlCell
}

// htmlCell is a table cell: a header cell (the first of each row) or data.
type htmlCell struct {
	Head   bool
	Blocks []htmlBlock
}

// htmlConverter turns the description's blocks into the template's, keeping
// the state the page needs: the heading levels so far (so that they go down
// one at a time) and the headings' texts (for captions and links).
type htmlConverter struct {
	rank    map[int]int       // description heading level → HTML heading level, by rank
	byLevel map[int]int       // description heading level → the HTML level it last had
	last    int               // the last HTML heading level used
	section string            // the text of the last title or heading
	label   string            // a label paragraph just before a table
	anchors map[string]string // anchor → its heading's text
}

func newHTMLConverter(d *document) *htmlConverter {
	c := &htmlConverter{rank: map[int]int{}, byLevel: map[int]int{}, anchors: map[string]string{}}
	var levels []int
	var walk func([]block)
	walk = func(bs []block) {
		for _, b := range bs {
			if b.Kind == kindHeading && !slices.Contains(levels, b.Level) {
				levels = append(levels, b.Level)
			}
			if b.Anchor != "" {
				c.anchors[b.Anchor] = b.Text
				if b.Mark != "" {
					c.anchors[b.Anchor] = b.Mark
				}
			}
			if b.Table != nil {
				for _, row := range b.Table.Rows {
					for _, cl := range row {
						walk(cl)
					}
				}
			}
		}
	}
	walk(d.Blocks)
	slices.Sort(levels)
	for i, l := range levels {
		c.rank[l] = min(i+2, 6) // the title is the only h1
	}
	return c
}

func (c *htmlConverter) blocks(bs []block) []htmlBlock {
	out := make([]htmlBlock, 0, len(bs))
	for _, b := range bs {
		hb := htmlBlock{Kind: kindNames[b.Kind], Text: b.Text, Items: b.Items, ID: b.Anchor}
		switch b.Kind {
		case kindTitle:
			hb.H, c.last, c.section = 1, 1, b.Text
		case kindHeading:
			// The PDF's outline depth is the heading's depth; a heading not
			// in the outline ranks as the last heading of its level did. A
			// heading never goes down more than one level from the last, as
			// a screen reader's outline expects; the title is h1.
			h, ok := c.byLevel[b.Level]
			if b.Bookmark > 0 {
				h, ok = b.Bookmark, true
			}
			if !ok {
				h = c.rank[b.Level]
			}
			hb.H = max(2, min(h, c.last+1, 6))
			c.byLevel[b.Level] = hb.H
			c.last, c.section = hb.H, b.Text
		case kindParagraph:
			hb.Class = styleNames[b.Style]
			if b.PageOf != "" {
				hb.Href, hb.LinkText = "#"+b.PageOf, c.anchors[b.PageOf]
			}
			if b.Style == styleLabel && b.KeepNext {
				c.label = b.Text
			}
		case kindGauge:
			hb.Level, hb.Of = b.Level, b.Of
			for i := range b.Of {
				hb.Steps = append(hb.Steps, i < b.Level)
			}
		case kindTable:
			hb.Table = c.table(b.Table)
		}
		if b.Kind != kindParagraph || b.Style != styleLabel {
			c.label = ""
		}
		out = append(out, hb)
	}
	return out
}

// table makes the template's table: the caption is the section it belongs
// to, with the label that introduces it (a progression table's levels).
func (c *htmlConverter) table(t *table) *htmlTable {
	ht := &htmlTable{Caption: c.section, Summary: t.Kind == tableSummary, NoHead: true, Columns: t.Columns}
	for _, col := range t.Columns {
		ht.NoHead = ht.NoHead && col.Head == ""
	}
	if c.label != "" {
		ht.Caption += ": " + c.label
	}
	for _, col := range t.Columns {
		ht.Widths = append(ht.Widths, int(col.Width*100+0.5))
	}
	section := c.section
	for _, row := range t.Rows {
		var hr []htmlCell
		for i, cl := range row {
			hr = append(hr, htmlCell{Head: i == 0, Blocks: c.blocks(cl)})
		}
		ht.Rows = append(ht.Rows, hr)
	}
	c.section = section
	return ht
}
