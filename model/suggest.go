package model

import (
	"strings"
	"unicode/utf8"
)

// Closest is the choice nearest to a misspelt query, for a "did you mean",
// or "" when none is near enough: at most a third of the query's letters
// away (one for a short query). A choice written "3 (senior)" is compared by
// both its parts. Ties go to the earlier choice.
func Closest(query string, choices []string) string {
	q := fold(query)
	if q == "" {
		return ""
	}
	limit := max(1, utf8.RuneCountInString(q)/3)
	best, bestD := "", limit+1
	for _, c := range choices {
		for _, cand := range choiceParts(c) {
			cand = fold(cand)
			if cand == q {
				continue // the same text cannot be a misspelling of itself
			}
			if d := editDistance(q, cand); d < bestD {
				best, bestD = c, d
			}
		}
	}
	return best
}

// choiceParts is a choice, and for "3 (senior)" also "senior".
func choiceParts(c string) []string {
	if i := strings.Index(c, " ("); i > 0 && strings.HasSuffix(c, ")") {
		return []string{c, c[i+2 : len(c)-1]}
	}
	return []string{c}
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
