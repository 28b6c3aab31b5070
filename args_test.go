package main

import (
	"io"
	"os"
	"path/filepath"
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

// TestFlagsFirst checks the one reordering of a command line: a command's
// flags, with their values, go before its arguments; global flags, "-" and
// what follows "--" stay as they are.
func TestFlagsFirst(t *testing.T) {
	t.Parallel()
	app := newApp(io.Discard, io.Discard)
	tests := []struct{ in, want string }{
		{"ddat show infrastructure-engineer senior --width 0", "ddat show --width 0 -- infrastructure-engineer senior"},
		{"ddat show --width 0 infrastructure-engineer senior", "ddat show --width 0 infrastructure-engineer senior"},
		{"ddat --data f.yaml show role 3 --width=0", "ddat --data f.yaml show --width=0 -- role 3"},
		{"ddat profile role --level senior -o - --paper letter", "ddat profile --level senior -o - --paper letter -- role"},
		{"ddat validate a.yaml --strict b.yaml", "ddat validate --strict -- a.yaml b.yaml"},
		{"ddat show role -- --width", "ddat show role -- --width"},
		{"ddat show role --no-such-flag", "ddat show --no-such-flag -- role"},
		{"ddat nosuchcommand x --y", "ddat nosuchcommand x --y"},
		{"ddat --format yaml", "ddat --format yaml"},
	}
	for _, tt := range tests {
		if got := strings.Join(flagsFirst(app, strings.Fields(tt.in)), " "); got != tt.want {
			t.Errorf("flagsFirst(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestGlobalFlagsEitherSide checks that --grades, a global flag, counts
// before the command and after it, after the arguments too, and that the
// one after the command wins.
func TestGlobalFlagsEitherSide(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	grades := filepath.Join(dir, "grades.csv")
	if err := os.WriteFile(grades, []byte("Role Level,Grades\nAssociate widget engineer,G7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "missing.csv")
	data := "testdata/frameworks/small.yaml"
	for _, args := range [][]string{
		{"--grades", grades, "--data", data, "show", "widget-engineer", "1"},
		{"--data", data, "show", "--grades", grades, "widget-engineer", "1"},
		{"--data", data, "show", "widget-engineer", "1", "--grades", grades},
		{"--grades", bad, "--data", data, "show", "widget-engineer", "1", "--grades", grades},
	} {
		out, stderr, code := ddat(t, args...)
		if code != exitOK || !strings.Contains(out, "G7 (Grade 7)") {
			t.Errorf("ddat %q: exit %d, stderr %q; want the level's grade G7 from --grades", args, code, stderr)
		}
	}
}
