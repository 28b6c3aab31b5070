package profile

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/vacancy"
)

// vacancyText cleans a vacancy's text as the framework's is cleaned, with
// errors located where the vacancy gave the field (file:line:col, CSV cell
// or flag) rather than in the framework.
type vacancyText struct {
	v   *vacancy.Vacancy
	tc  *textCleaner
	err error
}

func (b *profileBuilder) newVacancyText(v *vacancy.Vacancy) *vacancyText {
	return &vacancyText{v: v, tc: &textCleaner{cov: b.tc.cov, role: b.role.ID}}
}

// clean cleans s, the vacancy's field (a name of vacancy.Fields).
func (t *vacancyText) clean(field, s string) string {
	if t.err != nil {
		return s
	}
	t.tc.at(t.v.Pos[field])
	out := t.tc.clean("vacancy "+field, s)
	if t.tc.err != nil {
		t.err = t.tc.err
		var ge *GlyphError
		if errors.As(t.err, &ge) && ge.Pos.IsValid() {
			t.err = fmt.Errorf("%s: %w", ge.Pos, ge)
		}
	}
	return out
}

func (t *vacancyText) cleanAll(field string, items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = t.clean(field, s)
	}
	return out
}

// vacancyTitle is the advertised job title when the vacancy gives one that
// differs from the level's title, else "".
func (b *profileBuilder) vacancyTitle(levelTitle string) string {
	if b.vac == nil || b.vac.v.Title == "" {
		return ""
	}
	t := b.vac.clean("title", b.vac.v.Title)
	if strings.EqualFold(t, levelTitle) {
		return ""
	}
	return t
}

// vacancy is the section "Vacancy" of a level profile: each detail the
// vacancy gives, as facts, then the job in the recruiter's words. Nothing is
// said of a detail not given.
func (b *profileBuilder) vacancy() {
	if b.vac == nil {
		return
	}
	t, v := b.vac, b.vac.v
	var facts [][2]cell
	fact := func(key string, c cell) { facts = append(facts, [2]cell{textCell(key), c}) }
	text := func(key, field, s string) {
		if s != "" {
			fact(key, textCell(t.clean(field, s)))
		}
	}
	text("Reference", "reference", v.Reference)
	if !v.ClosingDate.IsZero() {
		fact("Closing date", textCell(v.ClosingDate.Format("Monday 2 January 2006")))
	}
	text("Salary", "salary", v.Salary)
	if v.Posts > 0 {
		fact("Number of posts", textCell(strconv.Itoa(v.Posts)))
	}
	if len(v.Locations) > 0 {
		key := "Location"
		if len(v.Locations) > 1 {
			key = "Locations"
		}
		fact(key, paragraphCell(t.cleanAll("locations", v.Locations)))
	}
	text("Working pattern", "working_pattern", v.WorkingPattern)
	text("Security clearance", "security_clearance", v.SecurityClearance)
	if v.ContactName != "" || v.ContactEmail != "" {
		var lines []string
		if v.ContactName != "" {
			lines = append(lines, t.clean("contact_name", v.ContactName))
		}
		if v.ContactEmail != "" {
			lines = append(lines, t.clean("contact_email", v.ContactEmail))
		}
		fact("Contact", paragraphCell(lines))
	}
	// Behaviours are names: a fact, one a line, takes less of the first
	// page than a list of its own.
	if len(v.Behaviours) > 0 {
		fact("Behaviours assessed", paragraphCell(t.cleanAll("behaviours", v.Behaviours)))
	}
	about := paragraphs(v.About)
	if len(facts) == 0 && len(about) == 0 {
		return
	}
	b.add(block{Kind: kindHeading, Level: 2, Text: "Vacancy", Bookmark: 2})
	if len(facts) > 0 {
		b.add(summaryTable(facts))
	}
	if len(about) > 0 {
		b.add(block{Kind: kindParagraph, Style: styleStrong, Text: "About the job", KeepNext: true})
		for _, p := range about {
			b.add(block{Kind: kindParagraph, Text: t.clean("about", p)})
		}
	}
}

// paragraphCell is a cell of one paragraph a line.
func paragraphCell(lines []string) cell {
	var c cell
	for _, l := range lines {
		c = append(c, block{Kind: kindParagraph, Text: l})
	}
	return c
}

// vacancyReference is the vacancy's reference, cleaned, or "".
func (b *profileBuilder) vacancyReference() string {
	if b.vac == nil || b.vac.v.Reference == "" {
		return ""
	}
	return b.vac.clean("reference", b.vac.v.Reference)
}
