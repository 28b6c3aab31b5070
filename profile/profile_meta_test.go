package profile_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/google/go-cmp/cmp"
)

// TestProfileMetadata checks the document information, language, paper and
// outline.
func TestProfileMetadata(t *testing.T) {
	pdfinfo := testkit.Tool(t, "pdfinfo")
	fw := fixture.Default(t)
	r := &fw.Roles[0]
	ref := model.LevelRef{Role: r, Level: &r.Levels[len(r.Levels)-1]}
	for _, tc := range []struct {
		paper, size string
	}{{"", "595.28 x 841.89 pts (A4)"}, {"letter", "612 x 792 pts (letter)"}} {
		t.Run("paper="+tc.paper, func(t *testing.T) {
			pdf, _ := render(t, fw, ref, profile.Options{Paper: tc.paper, Organisation: "Department for Tests", Creator: "ddat 9.9.9"})
			f := filepath.Join(t.TempDir(), "p.pdf")
			if err := os.WriteFile(f, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdfinfo, f).Output()
			if err != nil {
				t.Fatal(err)
			}
			info := string(out)
			for _, want := range []string{
				"Title:           " + ref.Level.Title,
				"Subject:         Job profile: " + ref.Level.Title,
				"Author:          Department for Tests",
				"Creator:         ddat 9.9.9",
				"Keywords:        job profile, " + r.Name,
				"CreationDate:    Sun Sep  1 12:00:00 2024",
				"Page size:       " + tc.size,
			} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			if !bytes.Contains(pdf, []byte("/Lang (en-GB)")) {
				t.Error("no /Lang (en-GB) in the catalogue")
			}
			if !bytes.Contains(pdf, []byte("/Outlines")) {
				t.Error("no outline (bookmarks)")
			}
		})
	}
}

// TestProfileOutline reads the bookmarks of a role profile with qpdf: the
// role at the top, its sections and numbered levels below, each level's
// skills below the level.
func TestProfileOutline(t *testing.T) {
	qpdf := testkit.Tool(t, "qpdf")
	fw := fixture.Default(t)
	r := &fw.Roles[0]
	pdf, _ := render(t, fw, model.LevelRef{Role: r}, profile.Options{})
	f := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(qpdf, "--json", "--json-key=outlines", f).Output()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(os []outline, indent string)
	walk = func(os []outline, indent string) {
		for _, o := range os {
			got = append(got, indent+o.Title)
			walk(o.Kids, indent+"  ")
		}
	}
	walk(doc.Outlines, "")
	want := []string{r.Name, "  What " + "an infrastructure engineer does", "  Updates to this role", "  Skills at each role level"}
	for i, l := range r.Levels {
		want = append(want, fmt.Sprintf("  %d. %s", i+1, l.Title), "    Skills")
	}
	want = append(want, "  Roles that share infrastructure engineer skills")
	if r.ID != "infrastructure-engineer" {
		t.Skip("the expected outline is written for the infrastructure engineer")
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("outline (-want +got):\n%s", d)
	}
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}
