package batch

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPublishByRenames covers the publishing path of systems without an
// atomic exchange of directories, which Linux does not take.
func TestPublishByRenames(t *testing.T) {
	setup := func(t *testing.T) (parent, staging, target string) {
		parent = t.TempDir()
		staging, target = filepath.Join(parent, "new"), filepath.Join(parent, "out")
		for dir, content := range map[string]string{staging: "new", target: "old"} {
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "doc.pdf"), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return parent, staging, target
	}
	check := func(t *testing.T, parent, want string, entries int) {
		t.Helper()
		if got, _ := os.ReadFile(filepath.Join(parent, "out", "doc.pdf")); string(got) != want {
			t.Errorf("out/doc.pdf = %q, want %q", got, want)
		}
		if list, _ := os.ReadDir(parent); len(list) != entries {
			t.Errorf("%d entries left in the parent, want %d", len(list), entries)
		}
	}

	t.Run("replaces", func(t *testing.T) {
		parent, staging, target := setup(t)
		if err := publishByRenames(staging, target); err != nil {
			t.Fatal(err)
		}
		check(t, parent, "new", 1)
	})
	t.Run("puts the old one back", func(t *testing.T) {
		parent, staging, target := setup(t)
		os.RemoveAll(staging) // the second rename fails
		if err := publishByRenames(staging, target); err == nil {
			t.Fatal("no error")
		}
		check(t, parent, "old", 1)
	})
}
