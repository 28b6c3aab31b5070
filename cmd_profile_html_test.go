package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// TestProfileHTML: --format html and -o name.html write the HTML profile,
// with the bytes profile.WriteHTML gives, named as the PDF is; the
// command's --format does not hide the global one naming the data's format.
func TestProfileHTML(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	fw := fixture.Default(t)
	role, err := fw.Role("infrastructure-engineer")
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	opts := profile.HTMLOptions{Organisation: "Cabinet Office", Generator: "ddat " + version(), Created: time.Unix(1700000000, 0)}
	if err := profile.WriteHTML(&want, fw, model.LevelRef{Role: role, Level: &role.Levels[2]}, opts); err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(mustAbs(t, "testdata"), "frameworks", "small.yaml")
	tests := []struct {
		name string
		args []string
		file string
	}{
		{"format", []string{"profile", "infrastructure-engineer", "--level", "senior", "--format", "html", "--organisation", "Cabinet Office"}, "senior-infrastructure-engineer.html"},
		{"extension", []string{"profile", "infrastructure-engineer", "--level", "3", "-o", "mine.html", "--organisation", "Cabinet Office"}, "mine.html"},
		{"format pdf, extension pdf", []string{"profile", "infrastructure-engineer", "--format", "PDF", "-o", "odd.pdf"}, "odd.pdf"},
		{"global data format", []string{"--data", small, "--format", "yaml", "profile", "widget-engineer", "--format", "html"}, "widget-engineer.html"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			if code := run(append([]string{"ddat"}, tc.args...), &stdout, &stderr); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			got, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.name == "format pdf, extension pdf":
				if !bytes.HasPrefix(got, []byte("%PDF-")) {
					t.Error("--format pdf did not write a PDF")
				}
			case tc.name == "global data format":
				if !bytes.HasPrefix(got, []byte("<!DOCTYPE html>")) || !bytes.Contains(got, []byte("Widget engineer")) {
					t.Errorf("not the HTML profile of the --data framework: %.80q", got)
				}
			case !bytes.Equal(got, want.Bytes()):
				t.Errorf("%s differs from profile.WriteHTML", tc.file)
			}
			if !strings.Contains(stderr.String(), "wrote "+tc.file) {
				t.Errorf("stderr %q", stderr.String())
			}
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
