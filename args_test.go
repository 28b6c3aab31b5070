package main

import (
	"slices"
	"strings"
	"testing"
)

// TestFlagsAfterArgs checks that a command's flags work after its arguments,
// the order people type them in.
func TestFlagsAfterArgs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want string // a line that only the flag's effect produces
	}{
		{"ShowWidthBefore", []string{"show", "--width", "0", "infrastructure-engineer", "senior"}, "An infrastructure engineer designs, builds, manages and supports the infrastructure services that underpin all internal user services and services to the public."},
		{"ShowWidthAfter", []string{"show", "infrastructure-engineer", "senior", "--width", "0"}, "An infrastructure engineer designs, builds, manages and supports the infrastructure services that underpin all internal user services and services to the public."},
		{"ShowWidthBetween", []string{"show", "infrastructure-engineer", "--width=0", "senior"}, "An infrastructure engineer designs, builds, manages and supports the infrastructure services that underpin all internal user services and services to the public."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := ddat(t, tt.args...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			if !containsLine(out, tt.want) {
				t.Errorf("output lacks the unwrapped line %q:\n%s", tt.want, out)
			}
		})
	}
	if _, _, code := ddat(t, "show", "infrastructure-engineer", "senior", "--no-such-flag"); code != exitUsage {
		t.Errorf("unknown flag after the arguments: exit %d, want %d", code, exitUsage)
	}
}

func containsLine(text, line string) bool {
	return slices.Contains(strings.Split(text, "\n"), line)
}
