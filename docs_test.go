package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The complete examples in docs/format.md load and validate: the YAML one
// with exactly the warning the text promises, the JSON one without errors.
func TestFormatDocExamples(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile(filepath.Join("docs", "format.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```(yaml|json)\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	tested := 0
	for _, b := range blocks {
		lang, body := b[1], b[2]
		if !strings.HasPrefix(body, "framework:") && !strings.HasPrefix(body, "{") {
			continue // a fragment, not a whole file
		}
		tested++
		path := filepath.Join(t.TempDir(), "example."+lang)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		stdout, stderr, code := ddat(t, "validate", path)
		if code != exitOK {
			t.Errorf("%s example: exit %d\n%s%s", lang, code, stdout, stderr)
		}
		if lang == "yaml" {
			if !strings.Contains(stdout, "0 errors, 1 warning\n") || !strings.Contains(stdout, `skill "Teamwork" at level awareness: no description`) {
				t.Errorf("yaml example: want one warning, for Teamwork at awareness; got\n%s", stdout)
			}
			out, _, code := ddat(t, "--data", path, "show", "widget-engineer", "associate")
			if code != exitOK || !strings.Contains(out, "  • make small widgets\n") {
				t.Errorf("yaml example: ddat show widget-engineer associate: exit %d\n%s", code, out)
			}
		}
	}
	if tested != 2 {
		t.Errorf("tested %d complete examples, want 2 (one YAML, one JSON)", tested)
	}
}
