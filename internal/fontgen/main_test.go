package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedUpToDate: the definitions committed in assets are what
// fontgen makes now from the fonts beside them, byte for byte, so an edit to
// either the generator or the fonts cannot go unnoticed.
func TestGeneratedUpToDate(t *testing.T) {
	src := filepath.Join("..", "..", "assets", "fonts")
	committed := filepath.Join(src, "cp1252")
	out := t.TempDir()
	if err := run(src, out, ""); err != nil {
		t.Fatal(err)
	}
	made, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(made) != 3*2+1 {
		t.Errorf("fontgen made %d files, want a definition and a font file per style and the licence", len(made))
	}
	for _, e := range made {
		got, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(committed, e.Name()))
		if err != nil {
			t.Fatalf("%v (run go generate ./assets/)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: committed file differs from fontgen's output (%d bytes, want %d): run go generate ./assets/", e.Name(), len(want), len(got))
		}
	}
}
