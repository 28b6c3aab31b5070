package profile

import (
	"math"
	"strconv"
)

// opKind is what a drawing operation draws.
type opKind int

const (
	opText  opKind = iota // text in face, baseline from y and h
	opRule                // a horizontal line of width w, thickness h
	opFill                // a filled rectangle
	opGauge               // gauge[0] of gauge[1] steps
	opMark                // a bookmark at y
	opLink                // a link from the box to the anchor named text
)

// op is one thing to draw at a place on a page; the measured boxes of a
// document. x and y are the top-left corner in millimetres.
type op struct {
	kind   opKind
	x, y   float64
	w, h   float64
	text   string
	face   *face
	colour rgb
	gauge  [2]int
	level  int
	right  float64 // text, gauge: the right edge of its column or text area
}

// page is a page's drawing operations, and the title of the section it
// ends in, for its footer.
type page struct {
	ops     []op
	section string
}

// pager places flow items on pages: it decides every page break, repeats
// table headers and splits a table row only when it is taller than a page.
type pager struct {
	left, top, bottom, width float64 // the text area
	firstTop                 float64 // the top of page 1's text, below the header; 0: top
	pages                    []page
	y                        float64
	fresh                    bool // nothing but a repeated header on this page yet
	section                  string
	anchors                  map[string]anchorPos
	refs                     []pageRef
}

// anchorPos is where an anchor is: a page number (from 1) and a y.
type anchorPos struct {
	page int
	y    float64
}

// pageRef is a text operation that prints the page number of an anchor.
type pageRef struct {
	page, op int
	anchor   string
}

func (p *pager) place(items []item) []page {
	p.newPage(nil)
	for i := range items {
		it := &items[i]
		if it.brk {
			if !p.fresh {
				p.newPage(nil)
			}
			continue
		}
		if p.y+p.chain(items, i) > p.bottom && !p.fresh {
			p.newPage(it)
		}
		if it.row != nil {
			p.placeRow(it)
		} else {
			p.placeLine(it.line)
		}
	}
	for _, r := range p.refs {
		p.pages[r.page].ops[r.op].text = strconv.Itoa(p.anchors[r.anchor].page)
	}
	return p.pages
}

// chain is the room that item i and the items kept with it need. When they
// cannot share a page anyway, it asks for a line's worth of the last one.
func (p *pager) chain(items []item, i int) float64 {
	h := items[i].height(p.fresh)
	j := i
	for items[j].keep && j+1 < len(items) && !items[j+1].brk {
		j++
		h += items[j].height(false)
	}
	if body := p.bottom - p.top; h > body && j > i {
		last := items[j].height(false)
		h = math.Min(h, h-last+math.Min(last, 25))
	}
	return h
}

// opsPerPage is room for the drawing operations of a full page of text or
// table rows (from 40 to 110 on the seeds' and synthetic profiles), made at
// once rather than grown.
const opsPerPage = 96

// newPage starts a page; when next is a row of a table with a header, the
// header comes first.
func (p *pager) newPage(next *item) {
	p.pages = append(p.pages, page{section: p.section, ops: make([]op, 0, opsPerPage)})
	p.y = p.top
	if len(p.pages) == 1 && p.firstTop > 0 {
		p.y = p.firstTop
	}
	p.fresh = true
	if next != nil && next.row != nil && !next.row.head && next.table.head != nil {
		p.drawRow(next.table, next.table.head)
	}
}

func (p *pager) add(o op) {
	pg := &p.pages[len(p.pages)-1]
	pg.ops = append(pg.ops, o)
}

func (p *pager) placeLine(l line) {
	if !p.fresh {
		p.y += l.gap
	}
	p.fresh = false
	p.drawLine(p.left, p.y, p.left+p.width, l)
	p.y += l.h
}

// drawLine adds the operations of a line at y in an area from x to right.
func (p *pager) drawLine(x, y, right float64, l line) {
	if l.anchor != "" {
		if p.anchors == nil {
			p.anchors = map[string]anchorPos{}
		}
		p.anchors[l.anchor] = anchorPos{page: len(p.pages), y: y}
	}
	if l.pageOf != "" {
		pg := len(p.pages) - 1
		p.refs = append(p.refs, pageRef{page: pg, op: len(p.pages[pg].ops), anchor: l.pageOf})
	}
	if l.mark != "" {
		p.add(op{kind: opMark, y: y, text: l.mark, level: l.markLv})
		if l.markLv == 1 {
			p.section = l.mark
			p.pages[len(p.pages)-1].section = l.mark
		}
	}
	switch {
	case l.box:
		p.frame(x, y, right-x, l.h)
	case l.gauge[1] > 0:
		p.add(op{kind: opGauge, x: x + l.x, y: y, h: l.h, gauge: l.gauge, right: right})
	case l.text != "":
		if l.bullet {
			p.add(op{kind: opText, x: x + l.x - bulletIndent + 0.6, y: y, h: l.h, text: "•", face: l.face, right: right})
		}
		p.add(op{kind: opText, x: x + l.x, y: y, h: l.h, text: l.text, face: l.face, right: right})
	}
}

func (p *pager) placeRow(it *item) {
	r, tb := it.row, it.table
	if !p.fresh {
		p.y += it.gap
	}
	for {
		switch {
		case r.head || p.y+r.height() <= p.bottom:
			p.drawRow(tb, r)
			p.fresh = false
			return
		case !p.fresh:
			p.newPage(it)
		default:
			// Taller than a page: fill this one and go on on the next.
			fit, rest := r.split(p.bottom - p.y - 2*r.padY)
			if fit.empty() {
				p.drawRow(tb, r)
				p.fresh = false
				return
			}
			p.drawRow(tb, fit)
			r = continued(r, rest)
			p.newPage(it)
		}
	}
}

// drawRow adds a table row at p.y and moves below it.
func (p *pager) drawRow(tb *tableBox, r *row) {
	h := r.height()
	right := tb.x[len(tb.x)-1] + tb.w[len(tb.w)-1]
	if r.head {
		p.add(op{kind: opFill, x: p.left, y: p.y, w: right, h: h, colour: colourShade})
	}
	for i, c := range r.cells {
		if len(c) > 0 && c[0].pageOf != "" {
			p.add(op{kind: opLink, x: p.left, y: p.y, w: right, h: h, text: c[0].pageOf})
		}
		y := p.y + r.padY
		for j, l := range c {
			if j > 0 {
				y += l.gap
			}
			p.drawLine(p.left+tb.x[i]+cellPadX, y, p.left+tb.x[i]+tb.w[i]-cellPadX, l)
			y += l.h
		}
	}
	thick := ruleWidth
	if r.head {
		thick = headRule
	}
	p.add(op{kind: opRule, x: p.left, y: p.y + h, w: right, h: thick, colour: colourBorder})
	p.y += h
}

// continued marks the rest of a split row: when its first cell is used up,
// the cell's first paragraph comes back, marked "(continued)".
func continued(whole, rest *row) *row {
	if len(rest.cells) > 0 && len(rest.cells[0]) == 0 {
		rest.cells[0] = whole.cont
	}
	rest.cont = whole.cont
	return rest
}

// frame adds a box's four sides, each a thin fill, the width of a table
// rule.
func (p *pager) frame(x, y, w, h float64) {
	for _, r := range [][4]float64{{x, y, w, ruleWidth}, {x, y + h - ruleWidth, w, ruleWidth}, {x, y, ruleWidth, h}, {x + w - ruleWidth, y, ruleWidth, h}} {
		p.add(op{kind: opFill, x: r[0], y: r[1], w: r[2], h: r[3], colour: colourBorder})
	}
}
