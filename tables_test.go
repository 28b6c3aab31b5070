package main

import (
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/testkit"
)

// TestCommandsGolden holds the output of the listing commands on the default
// framework and on the small fixture.
func TestCommandsGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"roles", []string{"roles"}, exitOK},
		{"roles-small", []string{"--data", "testdata/frameworks/small.yaml", "roles"}, exitOK},
		{"roles-grade", []string{"--data", "testdata/frameworks/small.yaml", "roles", "--grade", "G7"}, exitOK},
		{"skills", []string{"skills"}, exitOK},
		{"skills-role", []string{"skills", "--role", "infrastructure-engineer"}, exitOK},
		{"skills-small", []string{"--data", "testdata/frameworks/small.yaml", "skills"}, exitOK},
		{"validate", []string{"validate"}, exitOK},
		{"validate-malformed", []string{"validate", "testdata/malformed/duplicate-role.yaml"}, exitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := ddat(t, tt.args...)
			if code != tt.code {
				t.Fatalf("ddat %q: exit %d, want %d; stderr %q", tt.args, code, tt.code, stderr)
			}
			testkit.GoldenString(t, tt.name+".txt", stdout)
		})
	}
}

// The skills table counts the role levels that need each skill, and names
// the described levels in ascending order, or "none".
func TestSkillsCounts(t *testing.T) {
	t.Parallel()
	stdout, _, _ := ddat(t, "skills")
	for _, want := range [][]string{
		{"Ownership and initiative", "10", "awareness, working, practitioner"},
		{"Technical understanding", "9", "awareness, working, practitioner, expert"},
		{"Service focus", "8", "working, practitioner"},
		{"Coding and scripting (infrastructure engineer)", "4", "awareness, working"},
		{"Coding and scripting", "4", "none"},
	} {
		found := false
		for _, line := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(line, want[0]+"  ") && strings.Join(strings.Fields(line), " ") == strings.Join(want, " ") {
				found = true
			}
		}
		if !found {
			t.Errorf("no row %q in\n%s", want, stdout)
		}
	}
}
