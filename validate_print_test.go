package main

import (
	"strings"
	"testing"
)

// TestValidateUnprintable checks that validate reports text the PDF fonts
// cannot print as errors, naming the place and the character, so a
// framework that validates can always be made into job profiles.
func TestValidateUnprintable(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := ddat(t, "validate", "testdata/frameworks/unprintable.yaml")
	if code != exitError {
		t.Errorf("exit %d, want %d; stderr %q", code, exitError, stderr)
	}
	for _, want := range []string{
		`unprintable.yaml:44:9: error: role "Rocket engineer", level "rocket-engineer", responsibilities, item 1: character U+1F680 "🚀" cannot be printed`,
		`unprintable.yaml:16:5: error: role "Rocket engineer", level "associate", skill "Rocketry", description: character U+1F680 "🚀"`,
		`unprintable.yaml:20:7: error: role "Rocket engineer", level "rocket-engineer", skill "Rocketry", "You can:", item 1: character U+1F6F0 "🛰"`,
		"unprintable.yaml: 3 errors, 0 warnings",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	// The exporter agrees: the profile fails on the same character.
	_, stderr, code = ddat(t, "--data", "testdata/frameworks/unprintable.yaml", "profile", "rocket-engineer", "--level", "2", "-o", t.TempDir()+"/p.pdf")
	if code != exitError || !strings.Contains(stderr, `responsibilities, item 1: character U+1F680`) {
		t.Errorf("profile: exit %d, stderr %q; want exit %d naming U+1F680", code, stderr, exitError)
	}
	// The embedded framework prints.
	stdout, _, _ = ddat(t, "validate")
	if !strings.Contains(stdout, "the embedded framework: 0 errors") {
		t.Errorf("validate of the embedded framework: %s", stdout)
	}
}
