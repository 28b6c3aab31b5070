package profile

import (
	"cmp"
	"math"
)

// The PDF writer's layout pass: blocks become measured lines and table rows
// (flow items), and items are placed on pages as drawing operations. Paging
// is decided here only; pdf.go draws the operations.

// measurer wraps text in a face. The PDF writer implements it with fpdf, so
// text is measured with the same metrics and the same wrapping as drawn.
type measurer interface {
	wrap(f *face, text string, width float64) []string
	width(f *face, text string) float64
}

// line is one measured line of a flow, or a gauge.
type line struct {
	gap    float64 // space above; dropped at the top of a page or cell
	h      float64
	x      float64 // indent from the left of its area
	text   string
	face   *face
	bullet bool // a bullet before the text, in the indent
	box    bool // a framed blank box, the line's height, to write in
	gauge  [2]int
	keep   bool   // keep with the next line on the same page
	mark   string // bookmark title; "" = none
	markLv int
	anchor string // a name page references point at
	pageOf string // the line's text is the page number of this anchor
}

// row is a measured table row: each cell's lines.
type row struct {
	cells [][]line
	cont  []line // the first cell's lines on the pages a split row goes on to
	head  bool
	padY  float64 // space above and below the text
}

// tableBox is a table as placed: its kind, column edges and header row.
type tableBox struct {
	kind tableKind
	x, w []float64 // column left edges (relative to the text area) and widths
	head *row
}

// item is one unit of flow: a line, a table row, or a page break.
type item struct {
	line
	row   *row
	table *tableBox
	brk   bool
}

// flow turns blocks into items for a text area of width w.
type flow struct {
	m     measurer
	fs    *faces
	w     float64
	body  float64 // the height of a page's text area
	items []item
	after float64 // space owed after the last block
}

func (fl *flow) gap(s spacing) float64 {
	g := math.Max(fl.after, s.before)
	fl.after = s.after
	return g
}

func (fl *flow) addBlocks(blocks []block) {
	for _, b := range blocks {
		fl.addBlock(b)
	}
}

func (fl *flow) addBlock(b block) {
	switch b.Kind {
	case kindPageBreak:
		fl.items = append(fl.items, item{brk: true})
		fl.after = 0
	case kindCaption:
		fl.addText(fl.gap(pageSpacing[b.Kind]), fl.fs.caption, b)
	case kindTitle:
		fl.addText(fl.gap(pageSpacing[b.Kind]), fl.fs.title, b)
	case kindHeading:
		f := fl.fs.h2
		if b.Level == 1 {
			f = fl.fs.h1
		}
		fl.addText(fl.gap(headingSpacing[b.Level]), f, b)
	case kindParagraph, kindList, kindGauge, kindSpace:
		for _, l := range blockLines(nil, fl.m, fl.fs, b, fl.w, fl.gap(pageSpacing[b.Kind]), false) {
			fl.items = append(fl.items, item{line: l})
		}
	case kindTable:
		fl.addTable(b.Table, fl.gap(pageSpacing[b.Kind]))
		if b.KeepNext {
			fl.items[len(fl.items)-1].keep = true
		}
	}
}

// addText adds a caption, title or heading, kept with what follows.
func (fl *flow) addText(gap float64, f *face, b block) {
	for i, s := range fl.m.wrap(f, b.Text, fl.w) {
		l := line{h: f.height, text: s, face: f, keep: true}
		if i == 0 {
			l.gap, l.anchor = gap, b.Anchor
			if b.Bookmark > 0 {
				l.mark, l.markLv = cmp.Or(b.Mark, b.Text), b.Bookmark-1
			}
		}
		fl.items = append(fl.items, item{line: l})
	}
}

func (fl *flow) addTable(t *table, gap float64) {
	tb := &tableBox{kind: t.Kind}
	start := len(fl.items)
	x := 0.0
	for _, c := range t.Columns {
		w := c.Width * fl.w
		tb.x, tb.w = append(tb.x, x), append(tb.w, w)
		x += w
	}
	if t.Kind == tableGrid {
		h := &row{head: true, padY: cellPadY[t.Kind]}
		for i, c := range t.Columns {
			hc := cell{{Kind: kindParagraph, Style: styleHead, Text: c.Head}}
			if c.Sub != "" {
				hc = append(hc, block{Kind: kindParagraph, Style: styleNote, Text: c.Sub})
			}
			if c.Intro != "" {
				hc = append(hc, block{Kind: kindParagraph, Style: styleLabel, Text: c.Intro})
			}
			h.cells = append(h.cells, fl.cellLines(hc, tb.w[i]))
		}
		tb.head = h
		fl.items = append(fl.items, item{line: line{gap: gap, keep: true}, row: h, table: tb})
		gap = 0
	}
	for _, r := range t.Rows {
		rw := &row{padY: cellPadY[t.Kind]}
		for i, c := range r {
			rw.cells = append(rw.cells, fl.cellLines(c, tb.w[i]))
		}
		if len(r) > 0 && len(r[0]) > 0 && r[0][0].Kind == kindParagraph {
			first := r[0][0]
			first.Text += " (continued)"
			rw.cont = fl.cellLines(cell{first}, tb.w[0])
		}
		fl.items = append(fl.items, item{line: line{gap: gap}, row: rw, table: tb})
		gap = 0
	}
	if t.Keep {
		fl.keepTogether(fl.items[start:])
	}
}

// keepTogether keeps a table's rows on one page when they fit on one; when
// they do not, it keeps at least the last two rows together, so no row is
// left alone at the top of a page.
func (fl *flow) keepTogether(rows []item) {
	if len(rows) < 2 {
		return
	}
	h := 0.0
	for i := range rows {
		h += rows[i].height(i == 0)
	}
	if h <= fl.body {
		for i := range rows[:len(rows)-1] {
			rows[i].keep = true
		}
		return
	}
	rows[len(rows)-2].keep = true
}

// cellLines lays out a cell's blocks in a column of width w.
func (fl *flow) cellLines(c cell, w float64) []line {
	var lines []line
	after := 0.0
	for i, b := range c {
		s := cellSpacing[b.Kind]
		gap := math.Max(after, s.before)
		if i == 0 {
			gap = 0
		}
		after = s.after
		lines = blockLines(lines, fl.m, fl.fs, b, w-2*cellPadX, gap, true)
	}
	return lines
}

// blockLines measures a paragraph, list or gauge in width w, on the page or
// in a table cell, and appends its lines to out. Paragraph lines keep at
// least two together at either end; a list item stays whole.
func blockLines(out []line, m measurer, fs *faces, b block, w, gap float64, inCell bool) []line {
	between := itemGap
	if inCell {
		between = cellItemGap
	}
	switch b.Kind {
	case kindGauge:
		return append(out, line{gap: gap, h: gaugeStepH, gauge: [2]int{b.Level, b.Of}})
	case kindSpace:
		return append(out, line{gap: gap, h: float64(b.Level), box: true})
	case kindParagraph:
		f := fs.paragraphFace(b.Style, inCell)
		if b.PageOf != "" {
			return append(out, line{gap: gap, h: f.height, text: "0", face: f, pageOf: b.PageOf})
		}
		ls := m.wrap(f, b.Text, w)
		for i, s := range ls {
			l := line{h: f.height, text: s, face: f}
			if i == 0 {
				l.gap = gap
			}
			l.keep = i == 0 || i == len(ls)-2 || b.KeepNext
			out = append(out, l)
		}
	case kindList:
		if b.Text != "" {
			f := fs.body
			if inCell {
				f = fs.label
			}
			for _, s := range m.wrap(f, b.Text, w) {
				out = append(out, line{gap: gap, h: f.height, text: s, face: f, keep: true})
				gap = 0
			}
			gap = math.Max(gap, between)
		}
		f := fs.body
		if inCell {
			f = fs.cellBody
		}
		for _, it := range b.Items {
			ls := m.wrap(f, it, w-bulletIndent)
			for j, s := range ls {
				l := line{h: f.height, x: bulletIndent, text: s, face: f, keep: j < len(ls)-1}
				if j == 0 {
					l.gap, l.bullet = gap, true
				}
				out = append(out, l)
			}
			gap = between
		}
	}
	return out
}

// height is the room an item takes, its gap included unless at a page top.
func (it *item) height(top bool) float64 {
	g := it.gap
	if top {
		g = 0
	}
	if it.row != nil {
		return g + it.row.height()
	}
	return g + it.h
}

func (r *row) height() float64 {
	h := 0.0
	for _, c := range r.cells {
		h = math.Max(h, linesHeight(c))
	}
	return h + 2*r.padY
}

func linesHeight(ls []line) float64 {
	h := 0.0
	for i, l := range ls {
		if i > 0 {
			h += l.gap
		}
		h += l.h
	}
	return h
}

// split divides a row whose content must fit in avail: the lines that fit
// and the rest. Each cell keeps its lines in order.
func (r *row) split(avail float64) (fit, rest *row) {
	fit, rest = &row{head: r.head, padY: r.padY}, &row{head: r.head, padY: r.padY}
	for _, c := range r.cells {
		h, n := 0.0, 0
		for i, l := range c {
			step := l.h
			if i > 0 {
				step += l.gap
			}
			if h+step > avail {
				break
			}
			h += step
			n = i + 1
		}
		fit.cells = append(fit.cells, c[:n])
		rest.cells = append(rest.cells, c[n:])
	}
	return fit, rest
}

func (r *row) empty() bool {
	for _, c := range r.cells {
		if len(c) > 0 {
			return false
		}
	}
	return true
}
