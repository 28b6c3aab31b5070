package formats

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The framework's download marks a missing text with a placeholder word:
// MISSING for a skill description it lacks, NOT IN USE for the level cells of
// Senior Civil Service roles. A cell that holds only a placeholder (in any
// case) is read as empty, so that no document ever prints it.
var placeholders = []string{"missing", "not in use"}

// isPlaceholder reports whether a cell holds only a placeholder word.
func isPlaceholder(s string) bool {
	if len(s) > len("not in use")+8 {
		return false
	}
	k := fold(s)
	for _, p := range placeholders {
		if k == p {
			return true
		}
	}
	return false
}

// cleanCell is a cell as the flat layout reads it: the characters that only
// shape spacing normalised, surrounding space trimmed, a placeholder emptied.
func cleanCell(s string) string {
	s = strings.TrimSpace(normaliseSpace(s))
	if isPlaceholder(s) {
		return ""
	}
	return s
}

// normaliseSpace rewrites the invisible characters a cell copied out of a web
// page carries: a line separator (U+2028) becomes a line break and a
// paragraph separator (U+2029) a blank line, as the cell means them; a
// no-break or other wide space becomes a space; zero-width and other format
// characters (zero-width space and joiners, byte-order mark, soft hyphen) go.
// Names then match whatever file they come from, and lists split into their
// items.
func normaliseSpace(s string) string {
	if ascii(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\u2028':
			b.WriteByte('\n')
		case r == '\u2029':
			b.WriteString("\n\n")
		case r == utf8.RuneError:
			b.WriteRune(r)
		case unicode.Is(unicode.Zs, r):
			b.WriteByte(' ')
		case unicode.Is(unicode.Cf, r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
