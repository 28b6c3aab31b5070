package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// cliMu lets one test at a time run the command line in this process:
// urfave/cli v2 keeps its help flag and help command in package variables
// and writes to them on every run, so parallel tests could not share them.
// What tests do around a run (reading PDFs back, other tools) overlaps.
var cliMu sync.Mutex

// ddat runs the command line with args (without the program name) and
// returns what it wrote and its exit code.
func ddat(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	cliMu.Lock()
	defer cliMu.Unlock()
	code = run(append([]string{"ddat"}, args...), &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestExitCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string // a substring of stdout
		stderr   string // a substring of stderr
		noStderr bool
	}{
		{name: "OK", args: []string{"roles"}, code: exitOK, stdout: "infrastructure-engineer", noStderr: true},
		{name: "Version", args: []string{"--version"}, code: exitOK, stdout: "ddat version"},
		{name: "Help", args: []string{"--help"}, code: exitOK, stdout: "ddat show infrastructure-engineer senior"},
		{name: "CommandHelp", args: []string{"show", "--help"}, code: exitOK, stdout: "Examples:"},
		{name: "NoCommand", args: nil, code: exitOK, stdout: "COMMANDS:"},
		{name: "ValidateDefault", args: []string{"validate"}, code: exitOK, stdout: "0 errors, 26 warnings"},
		{name: "ValidateStrict", args: []string{"validate", "--strict"}, code: exitError, stderr: "26 warnings (--strict)"},
		{name: "ValidateFileArg", args: []string{"validate", "testdata/frameworks/small.yaml"}, code: exitOK, stdout: "small.yaml: 0 errors, 0 warnings"},
		{name: "ShowLevel", args: []string{"show", "Infrastructure engineer", "senior"}, code: exitOK, stdout: "Role level:            Level 3 of 5"},
		{name: "ErrUnknownRole", args: []string{"show", "astronaut"}, code: exitUsage,
			stderr: `no role "astronaut"; choose one of: infrastructure-engineer, infrastructure-operations-engineer`},
		{name: "ErrUnknownLevel", args: []string{"show", "infrastructure-engineer", "9"}, code: exitUsage,
			stderr: `Infrastructure engineer has no level "9"; choose one of: 1 (associate), 2 (infrastructure-engineer), 3 (senior), 4 (lead), 5 (principal)`},
		{name: "ErrUnknownLevelTitle", args: []string{"show", "infrastructure-engineer", "junior"}, code: exitUsage, stderr: `no level "junior"`},
		{name: "ErrShowNoRole", args: []string{"show"}, code: exitUsage, stderr: "show needs a ROLE"},
		{name: "ErrShowTooMany", args: []string{"show", "Infrastructure", "engineer", "senior"}, code: exitUsage, stderr: "quote names with spaces"},
		{name: "ErrBadFlag", args: []string{"roles", "--colour"}, code: exitUsage, stderr: "flag provided but not defined: -colour"},
		{name: "ErrBadGlobalFlag", args: []string{"--colour", "roles"}, code: exitUsage, stderr: "flag provided but not defined: -colour"},
		{name: "ErrBadWidth", args: []string{"show", "--width", "-1", "infrastructure-engineer"}, code: exitUsage, stderr: "--width -1"},
		{name: "ErrUnknownCommand", args: []string{"frobnicate"}, code: exitUsage, stderr: `no command "frobnicate"; choose one of: roles, skills, show, validate`},
		{name: "ErrUnknownHelpTopic", args: []string{"help", "frobnicate"}, code: exitUsage, stderr: "frobnicate"},
		{name: "ErrUnknownFamily", args: []string{"roles", "--family", "Astronautics"}, code: exitUsage, stderr: `no family "Astronautics"; choose one of: it-operations`},
		{name: "ErrEmptySelection", args: []string{"roles", "--role", "infrastructure-engineer", "--grade", "AO"}, code: exitUsage, stderr: "no role level matches"},
		{name: "ErrBadDataFile", args: []string{"--data", "testdata/malformed/unknown-skill.yaml", "roles"}, code: exitError,
			stderr: `unknown-skill.yaml:29:13: error: role "Widget engineer", level 1: unknown skill "Gadget care"`},
		{name: "ErrBadDataFileAfterCommand", args: []string{"roles", "--data", "testdata/malformed/syntax.yaml"}, code: exitError, stderr: "syntax.yaml:26:"},
		{name: "ErrMissingDataFile", args: []string{"--data", "testdata/no-such-file.yaml", "roles"}, code: exitUsage, stderr: "ddat: testdata/no-such-file.yaml: no such file"},
		{name: "ErrBadFormat", args: []string{"--format", "toml", "roles"}, code: exitUsage, stderr: `unknown format "toml"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := ddat(t, tt.args...)
			if code != tt.code {
				t.Errorf("ddat %q: exit code %d, want %d\nstderr: %s", tt.args, code, tt.code, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("ddat %q: stdout lacks %q:\n%s", tt.args, tt.stdout, stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("ddat %q: stderr lacks %q:\n%s", tt.args, tt.stderr, stderr)
			}
			if tt.noStderr && stderr != "" {
				t.Errorf("ddat %q: stderr not empty:\n%s", tt.args, stderr)
			}
			if code != exitOK && strings.Count(strings.TrimSpace(stderr), "\n") > 0 && tt.code == exitUsage {
				t.Errorf("ddat %q: a usage error is one line on stderr, got:\n%s", tt.args, stderr)
			}
		})
	}
}

// Global flags work before and after the command, and after it they win.
func TestGlobalFlagsAfterCommand(t *testing.T) {
	t.Parallel()
	small := "testdata/frameworks/small.yaml"
	for _, args := range [][]string{
		{"--data", small, "roles"},
		{"roles", "--data", small},
		{"roles", "-d", small},
		{"--data", "testdata/malformed/syntax.yaml", "roles", "--data", small},
	} {
		stdout, stderr, code := ddat(t, args...)
		if code != exitOK || !strings.Contains(stdout, "widget-engineer") {
			t.Errorf("ddat %q: exit %d, stdout %q, stderr %q; want the small framework's roles", args, code, stdout, stderr)
		}
	}
}

// TestNoStateBetweenRuns checks that one run's flags and environment do not
// leak into the next: urfave/cli writes values into flag structs, so each app
// must have its own.
func TestNoStateBetweenRuns(t *testing.T) {
	t.Run("WithEnv", func(t *testing.T) {
		t.Setenv("DDAT_DATA", filepath.Join("testdata", "frameworks", "small.yaml"))
		out, stderr, code := ddat(t, "roles")
		if code != exitOK || !strings.Contains(out, "widget-engineer") {
			t.Fatalf("with DDAT_DATA: exit %d, stdout %q, stderr %q", code, out, stderr)
		}
	})
	out, stderr, code := ddat(t, "roles")
	if code != exitOK || strings.Contains(out, "widget-engineer") || !strings.Contains(out, "infrastructure-engineer") {
		t.Errorf("after DDAT_DATA was unset: exit %d, stdout %q, stderr %q; want the embedded framework", code, out, stderr)
	}
}
