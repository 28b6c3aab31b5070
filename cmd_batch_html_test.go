package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/naming"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

var hrefRE = regexp.MustCompile(`href="([^"#]+)"`)

// TestBatchHTML: --only html with the PDF kinds writes each profile's page
// beside its PDF, with the bytes profile.WriteHTML gives, and an index.html
// whose every link leads to a document of the batch, and which links to
// every document; --only html alone writes pages and no PDF.
func TestBatchHTML(t *testing.T) {
	t.Parallel()
	fw := fixture.Default(t)
	for _, tc := range []struct {
		only       string
		pdfs, html int
	}{
		{"profiles,roles,matrix,html", 12, 12},
		{"html", 0, 12},
		{"profiles,html", 10, 10},
	} {
		t.Run(tc.only, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if _, stderr, code := ddat(t, "batch", "-o", dir, "--only", tc.only, "-q", "--date", "1700000000"); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var m struct {
				Files []struct{ Path, Kind, Role, Level string }
			}
			data, err := os.ReadFile(filepath.Join(dir, naming.ManifestFile))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatal(err)
			}
			index, err := os.ReadFile(filepath.Join(dir, naming.IndexFile))
			if err != nil {
				t.Fatal(err)
			}
			linked := map[string]bool{}
			for _, h := range hrefRE.FindAllSubmatch(index, -1) {
				linked[string(h[1])] = true
			}
			pdfs, pages := 0, 0
			for _, f := range m.Files {
				switch {
				case f.Kind == "index" || f.Path == naming.MatrixFile:
				case !linked[f.Path]:
					t.Errorf("index.html does not link to %s", f.Path)
				}
				delete(linked, f.Path)
				switch f.Kind {
				case "profile", "role":
					pdfs++
				case "html":
					pages++
					role, err := fw.Role(f.Role)
					if err != nil {
						t.Fatal(err)
					}
					ref := model.LevelRef{Role: role}
					if f.Level != "" {
						if ref.Level, err = role.Level(f.Level); err != nil {
							t.Fatal(err)
						}
					}
					var want bytes.Buffer
					if err := profile.WriteHTML(&want, fw, ref, profile.HTMLOptions{Generator: "ddat " + version(), Created: time.Unix(1700000000, 0)}); err != nil {
						t.Fatal(err)
					}
					got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
					if err != nil || !bytes.Equal(got, want.Bytes()) {
						t.Errorf("%s: not what profile.WriteHTML writes (%v)", f.Path, err)
					}
					if !strings.HasSuffix(f.Path, ".html") {
						t.Errorf("%s: an HTML profile not named .html", f.Path)
					}
				}
			}
			for l := range linked {
				if l != naming.MatrixFile || !strings.Contains(tc.only, "matrix") {
					t.Errorf("index.html links to %s, not in the batch", l)
				}
			}
			if pdfs != tc.pdfs || pages != tc.html {
				t.Errorf("%d PDFs and %d HTML profiles, want %d and %d", pdfs, pages, tc.pdfs, tc.html)
			}
		})
	}
}
