package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMalformed feeds broken framework files to validate and to a command
// that uses the framework: each must exit 1 without a panic, with a message
// naming the place (file:line[:column]) and the problem.
func TestMalformed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file  string
		place string // "file:line" or "file:line:col", or just "file" for a file with no place
		want  string // the problem, as the message says it
	}{
		{"syntax.yaml", "syntax.yaml:26:", "a [ ] list is not closed, or lacks a comma between items"},
		{"tab-indent.yaml", "tab-indent.yaml:24:", "found a tab character that violates indentation"},
		{"unknown-field.yaml", "unknown-field.yaml:25:9:", `roles[0].levels[0].sumary: unknown field "sumary"; expected one of: grades, id, responsibilities, skills, summary, title`},
		{"wrong-type.yaml", "wrong-type.yaml:24:16:", "roles[0].levels[0].title: expected text, found a list"},
		{"duplicate-key.yaml", "duplicate-key.yaml:20:5:", `roles[0].family: field "family" given twice in one mapping; first at line 19`},
		{"top-level-list.yaml", "top-level-list.yaml:2:1:", "expected a mapping of fields (framework, grades, roles, skill_levels, skills), found a list"},
		{"no-roles.yaml", "no-roles.yaml:2:1:", `roles: no roles; a framework file needs a "roles:" list`},
		{"unknown-skill.yaml", "unknown-skill.yaml:29:13:", `unknown skill "Gadget care"; it is not in the skills catalogue`},
		{"unknown-skill-level.yaml", "unknown-skill-level.yaml:29:13:", `unknown skill level "expertise"; expected one of: awareness, working`},
		{"unknown-level-description.yaml", "unknown-level-description.yaml:15:7:", `skill "Widget design": unknown skill level "awarness"`},
		{"unknown-grade.yaml", "unknown-grade.yaml:24:9:", `unknown grade "G9"; expected one of: EO, HEO`},
		{"duplicate-role.yaml", "duplicate-role.yaml:28:5:", `role "Widget engineer": duplicate name; first given at testdata/malformed/duplicate-role.yaml:18:5`},
		{"duplicate-skill.yaml", "duplicate-skill.yaml:17:5:", `skill "teamwork": duplicate name; first given at testdata/malformed/duplicate-skill.yaml:16:5`},
		{"conflicting-descriptions.yaml", "conflicting-descriptions.yaml:28:13:", `skill "Widget design" at level awareness: described differently here and at testdata/malformed/conflicting-descriptions.yaml:15:7`},
		{"no-title.yaml", "no-title.yaml:24:9:", `role "Widget engineer", level 1: no title`},
		{"control-character.yaml", "control-character.yaml:24:9:", `role "Widget engineer", level 1: the title or summary holds the control character U+001B; remove it`},
		{"bad-date.yaml", "bad-date.yaml:22:14:", `roles[0].updated: expected a date as YYYY-MM-DD (e.g. 2023-07-31) or as the role pages write it (31 July 2023), found "2022-02-31"`},
		{"empty.yaml", "empty.yaml:", "file is empty; expected a framework"},
		{"comments.yaml", "comments.yaml:", "file holds only comments; expected a framework"},
		{"invalid-utf8.yaml", "invalid-utf8.yaml:25:32:", "invalid UTF-8 (byte 0xe9); save the file as UTF-8"},
		{"alias-bomb.yaml", "alias-bomb.yaml:7:", "expands to more than 65536 values through aliases"},
		{"deep.yaml", "deep.yaml:2:", "exceeded max depth"},
		{"two-documents.yaml", "two-documents.yaml:30:1:", "a second YAML document; a framework file holds one"},
		{"syntax.json", "syntax.json:5:5:", `syntax error: invalid character '"' after object key:value pair`},
		{"unknown-field.json", "unknown-field.json:48:11:", `roles[0].levels[0].grade: unknown field "grade"`},
		{"wrong-type.json", "wrong-type.json:39:17:", `roles[0].levels: expected a list, found the value "5"`},
		{"deep.json", "deep.json:1:114:", "nested more than 100 levels deep"},
	}
	files, err := filepath.Glob(filepath.Join("testdata", "malformed", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("%d files in testdata/malformed, %d cases: give every file a case", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "malformed", tt.file)
			if _, err := os.Stat(path); err != nil {
				t.Fatal(err)
			}
			want := filepath.Join("testdata", "malformed", tt.place)
			for _, args := range [][]string{
				{"validate", "--data", path},
				{"--data", path, "roles"},
			} {
				stdout, stderr, code := ddatNoPanic(t, args...)
				if code != exitError {
					t.Errorf("ddat %q: exit %d, want %d", args, code, exitError)
				}
				out := stdout + stderr
				found := false
				for _, line := range strings.Split(out, "\n") {
					if strings.Contains(line, want) && strings.Contains(line, tt.want) {
						found = true
					}
				}
				if !found {
					t.Errorf("ddat %q: no line names %q and %q; output:\n%s", args, want, tt.want, out)
				}
			}
		})
	}
}

// ddatNoPanic is ddat, failing the test instead of crashing on a panic.
func ddatNoPanic(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("ddat %q panicked: %v", args, r)
		}
	}()
	return ddat(t, args...)
}
