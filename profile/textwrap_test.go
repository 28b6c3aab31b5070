package profile

import (
	"testing"
)

func TestLowerFirst(t *testing.T) {
	for in, want := range map[string]string{
		"Infrastructure engineer": "infrastructure engineer",
		"IT service manager":      "IT service manager",
		"G7 lead":                 "G7 lead",
		"Élan":                    "élan",
		"":                        "",
	} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}
