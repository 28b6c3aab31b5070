package profile

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/assets"
	"github.com/ddat-tools/ddat/model"
)

// GlyphError reports a character in the framework's text that the embedded
// typeface cannot print. Profile returns it rather than print a box or a
// question mark.
type GlyphError struct {
	Role  string // role id
	Field string // where the text is, e.g. `level "senior" skill "Testing" item 2`
	Char  rune
	Pos   model.Pos // where the role, level or skill the text belongs to is; may be unset
	text  string    // the text, so one text shared by many documents is reported once
}

func (e *GlyphError) Error() string {
	return fmt.Sprintf("role %s, %s: character %U %q cannot be printed with the embedded font (%s)", e.Role, e.Field, e.Char, string(e.Char), assets.FontFamily)
}

// textCleaner prepares the framework's text for layout: it normalises the
// characters that only shape spacing and checks that the font has every
// other one. It keeps the first error, so building a document reads as a
// sequence of clean calls and one check at the end.
//
// With all set it goes on after an error, leaves the character out and keeps
// every error in errs: that is how CheckPrintable sees every character the
// documents would fail on, through the very code that makes them.
type textCleaner struct {
	cov  *coverage
	role string
	pos  model.Pos // of what the text being cleaned belongs to
	err  error
	all  bool
	errs []*GlyphError
	buf  strings.Builder
}

// at sets the position the next texts belong to, for errors.
func (c *textCleaner) at(p model.Pos) { c.pos = p }

// fail records that r in field cannot be printed. It reports whether
// cleaning goes on.
func (c *textCleaner) fail(field, text string, r rune) bool {
	e := &GlyphError{Role: c.role, Field: field, Char: r, Pos: c.pos, text: text}
	if !c.all {
		c.err = e
		return false
	}
	c.errs = append(c.errs, e)
	return true
}

// clean returns s with Unicode spacing normalised: line and paragraph
// separators, tabs, newlines and every kind of space (no-break, thin, …)
// become one ordinary space, runs of spaces collapse, format characters
// (zero-width spaces and joiners, soft hyphens, direction marks) go. Any
// other character the font lacks is an error naming field; with no
// coverage (plain text) every other character is kept.
func (c *textCleaner) clean(field, s string) string {
	if c.err != nil {
		return s
	}
	if plain(s) {
		return s
	}
	b := &c.buf
	b.Reset()
	space := false
	for i, w := 0, 0; i < len(s); i += w {
		r, n := utf8.DecodeRuneInString(s[i:])
		w = n
		switch {
		case r == utf8.RuneError && n == 1:
			if !c.fail(field, s, r) {
				return s
			}
			continue
		case unicode.IsSpace(r) || unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp):
			space = b.Len() > 0
			continue
		case unicode.Is(unicode.Cf, r):
			continue
		case c.cov != nil && !c.cov.has(r):
			if !c.fail(field, s, r) {
				return s
			}
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cleanAll cleans every item of a list; field gets the item's number.
func (c *textCleaner) cleanAll(field string, items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = c.clean(fmt.Sprintf("%s, item %d", field, i+1), s)
	}
	return out
}

// plain reports whether s is printable ASCII with single inner spaces, the
// common case, which needs no copy.
func plain(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch < ' ' || ch >= 0x7f || ch == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}
