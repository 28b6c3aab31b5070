package model

import "testing"

func TestClosest(t *testing.T) {
	choices := []string{"infrastructure-engineer", "infrastructure-operations-engineer", "3 (senior)", "G7", "G6"}
	for _, tt := range []struct{ query, want string }{
		{"infrastucture-engineer", "infrastructure-engineer"},
		{"Infrastructure Enginer", "infrastructure-engineer"},
		{"senoir", "3 (senior)"},
		{"G8", "G7"}, // a tie goes to the earlier choice
		{"astronaut", ""},
		{"", ""},
		{"G7", "G6"}, // the query itself is not a misspelling of itself
	} {
		if got := Closest(tt.query, choices); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}
