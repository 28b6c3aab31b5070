package wordwrap

import (
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"one two three", 0, []string{"one two three"}},
		{"one two three", 7, []string{"one two", "three"}},
		{"one  two\nthree", 80, []string{"one two three"}},
		{"a commercial-off-the-shelf word", 10, []string{"a", "commercial-off-the-shelf", "word"}},
		{"‘curly’ quotes – dash", 9, []string{"‘curly’", "quotes –", "dash"}},
	}
	for _, tt := range tests {
		got := Lines(tt.in, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Lines(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}
