package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug turns a name into a stable id: lower case ASCII letters and digits
// separated by single hyphens. Accents are dropped ("Gwasanaeth Ŵyl" becomes
// "gwasanaeth-wyl") so that ids are safe in file names and URLs.
func Slug(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // combining accent left by NFKD
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			continue // "they're" becomes "theyre", not "they-re"
		default:
			hyphen = true
		}
	}
	return b.String()
}

// fold is the key under which names and ids are looked up: case and
// surrounding space do not matter.
func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
