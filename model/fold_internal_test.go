package model

import (
	"strings"
	"testing"
)

// TestFoldFastPath checks that the allocation-free path of fold gives what
// the full one does, for keys that take it and keys that must not.
func TestFoldFastPath(t *testing.T) {
	full := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	for _, s := range []string{
		"", "a", "infrastructure-engineer", "senior infrastructure engineer", "g7",
		"Senior", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "caf\u00e9", "CAFÉ", "a\x7fb", "a\x00b", "\u0085", " ", "  ",
	} {
		if got, want := fold(s), full(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
		if folded(s) && full(s) != s {
			t.Errorf("folded(%q) = true, but its fold is %q", s, full(s))
		}
	}
	// Every string of up to 3 bytes over an alphabet of the cases that
	// matter: the fast path never says yes wrongly.
	alphabet := []byte{'a', 'Z', ' ', '\t', 0x7f, 0xc3, 0xa9, '-'}
	var walk func(prefix []byte)
	walk = func(prefix []byte) {
		s := string(prefix)
		if folded(s) && full(s) != s {
			t.Errorf("folded(%q) = true, but its fold is %q", s, full(s))
		}
		if len(prefix) == 3 {
			return
		}
		for _, c := range alphabet {
			walk(append(prefix, c))
		}
	}
	walk(nil)
}
