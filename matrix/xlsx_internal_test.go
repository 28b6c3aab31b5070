package matrix

import (
	"strconv"
	"testing"
)

// TestLevelRamp checks that the skill level fills get darker at every step,
// so they keep their order in greyscale, and that the text on each has a
// contrast of at least 4.5:1 (WCAG AA).
func TestLevelRamp(t *testing.T) {
	for _, n := range []int{1, 2, 3, 4, 5, 7} {
		prev := 2.0
		for i := range n {
			fill, ink := levelRamp(i, n)
			l := luminance(hexRGB(t, fill))
			if l >= prev {
				t.Errorf("%d levels: level %d fill %s (luminance %.3f) not darker than the one before (%.3f)", n, i+1, fill, l, prev)
			}
			prev = l
			li := luminance(hexRGB(t, ink))
			hi, lo := max(l, li), min(l, li)
			if c := (hi + 0.05) / (lo + 0.05); c < 4.5 {
				t.Errorf("%d levels: level %d text %s on %s has contrast %.2f, want ≥ 4.5", n, i+1, ink, fill, c)
			}
		}
	}
}

func hexRGB(t *testing.T, s string) [3]float64 {
	t.Helper()
	var rgb [3]float64
	for k := range rgb {
		v, err := strconv.ParseUint(s[2*k:2*k+2], 16, 8)
		if err != nil {
			t.Fatalf("colour %q: %v", s, err)
		}
		rgb[k] = float64(v)
	}
	return rgb
}

func TestWrappedLines(t *testing.T) {
	tests := []struct {
		text  string
		width float64
		bold  bool
		want  int
	}{
		{"", 10, false, 1},
		{"short", 10, false, 1},
		{"one two three four five six", 10, false, 3},
		{"first\nsecond", 40, false, 2},
		{"a-very-long-word-without-any-spaces-at-all", 10, false, 5},
		{"Associate infrastructure operations engineer", 18, false, 3},
		{"Associate infrastructure operations engineer", 18, true, 4},
	}
	for _, tt := range tests {
		if got := wrappedLines(tt.text, tt.width, tt.bold); got != tt.want {
			t.Errorf("wrappedLines(%q, %g) = %d, want %d", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestSheetName(t *testing.T) {
	used := map[string]bool{"matrix": true}
	tests := []struct{ in, want string }{
		{"Infrastructure engineer", "Infrastructure engineer"},
		{"Matrix", "Matrix (2)"},
		{"matrix", "matrix (3)"},
		{"Data/ML: engineer [lead]?", "Data ML engineer lead"},
		{"'Quoted'", "Quoted"},
		{"Infrastructure operations engineer", "Infrastructure operations…"},
		{"Infrastructure operations engineering", "Infrastructure operations… (2)"},
		{"Averyveryveryveryveryverylongsinglewordname", "Averyveryveryveryveryverylongs…"},
		{":::", "Role"},
	}
	for _, tt := range tests {
		got := uniqueName(sheetName(tt.in), used, maxSheetName)
		if got != tt.want {
			t.Errorf("sheet name for %q = %q, want %q", tt.in, got, tt.want)
		}
		if n := len([]rune(got)); n > maxSheetName {
			t.Errorf("sheet name %q has %d characters", got, n)
		}
	}
}
