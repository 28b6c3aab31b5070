package profile

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraphs splits a text at blank lines.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// lowerFirst lower-cases a name's first letter for use inside a sentence,
// unless the name starts with an abbreviation ("IT operations").
func lowerFirst(s string) string {
	first, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[size:]); unicode.IsUpper(next) || unicode.IsDigit(next) {
		return s
	}
	return string(unicode.ToLower(first)) + s[size:]
}

// levelShortName is a level's title without its role's name, as a column
// header: "Senior" for "Senior infrastructure engineer"; "" when the title is
// the role's name.
func levelShortName(role, title string) string {
	lower := strings.ToLower(title)
	i := strings.Index(lower, strings.ToLower(role))
	if i < 0 || len(lower) != len(title) {
		return title
	}
	rest := strings.Join(strings.Fields(title[:i]+" "+title[i+len(role):]), " ")
	if rest == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(rest)
	return string(unicode.ToUpper(r)) + rest[n:]
}

// withArticle puts "a" or "an" before a noun phrase, by its first letter;
// "u" takes "a", as in "a user researcher".
func withArticle(s string) string {
	if s != "" && strings.ContainsRune("aeioAEIO", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// longDate writes a date as GOV.UK does: "31 July 2023".
func longDate(t interface{ Format(string) string }) string { return t.Format("2 January 2006") }
