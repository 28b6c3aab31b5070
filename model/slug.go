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
		if t := transliterate(r); t != "" {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteString(t)
			continue
		}
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

// transliterate spells the Latin letters that NFKD does not decompose into
// a base letter and an accent; "" for any other rune.
func transliterate(r rune) string {
	switch r {
	case 'ß', 'ẞ':
		return "ss"
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'ø', 'Ø':
		return "o"
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d"
	case 'þ', 'Þ':
		return "th"
	case 'ł', 'Ł':
		return "l"
	case 'ı':
		return "i"
	}
	return ""
}

// fold is the key under which names and ids are looked up: case and
// surrounding space do not matter.
func fold(s string) string {
	if folded(s) {
		return s // most keys are ids already: no allocation
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// folded reports, for the common case of ASCII text, whether s is its own
// fold: no capital, no space but single spaces between words. It says false
// for all other text, which fold works out in full.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c < 0x20, c == 0x7f, c >= 'A' && c <= 'Z':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}

// IsSlug reports whether s is what Slug makes: lower-case letters a–z and
// digits, in runs joined by single hyphens. Ids must be slugs, because file
// names and page anchors are made from them: a slug cannot name a parent
// directory, an absolute path, a device or a hidden file.
func IsSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}
