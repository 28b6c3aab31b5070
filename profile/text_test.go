package profile_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// parityFixtures are the frameworks whose every role level is checked: the
// default one, a department's variant with role responsibilities, a role
// type and several families, and one with long texts.
var parityFixtures = []string{"", "../testdata/flat/four-roles.yaml", "long.yaml"}

func loadParity(t *testing.T, name string) *model.Framework {
	if name == "" {
		return fixture.Default(t)
	}
	return fixture.Load(t, name)
}

var (
	runs      = regexp.MustCompile(`\s+`)
	underline = regexp.MustCompile(`^[=-]+$`)
)

// words reduces text to its words with single spaces, so that wrapping,
// indentation and bullets do not matter. A lone hyphen goes too: pdftotext
// joins a line that ends in one to the next, as if it broke a word.
func words(s string) string {
	s = runs.ReplaceAllString(strings.NewReplacer("•", " ", "\u00ad", "").Replace(s), " ")
	return strings.TrimSpace(strings.ReplaceAll(" "+s+" ", " - ", " "))
}

// inOrder reports whether the words of want are in got in order, as one run
// or in at most three runs: a table row too tall for one page goes on on the
// next, after the page's footer and the table's header.
func inOrder(got, want string) bool {
	w := strings.Fields(want)
	for at, i, runs := 0, 0, 0; i < len(w); runs++ {
		if runs == 3 {
			return false
		}
		// The longest run of w from i found after at (a prefix of a found
		// run is found too, so the search can halve).
		lo, hi, found := i, len(w), -1
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if j := strings.Index(got[at:], strings.Join(w[i:mid], " ")); j >= 0 {
				lo, found = mid, at+j
			} else {
				hi = mid - 1
			}
		}
		if lo == i {
			return false
		}
		at = found + len(strings.Join(w[i:lo], " "))
		i = lo
	}
	return true
}

// TestTextInPDF checks that the PDF holds everything "ddat show" prints:
// every line of the text of every role level of the fixtures is in the
// text that pdftotext extracts from that level's PDF. A label and its value
// ("Role level:  Level 3 of 5") sit in two cells of the PDF, and are looked
// for apart.
func TestTextInPDF(t *testing.T) {
	testkit.Tool(t, "pdftotext")
	for _, name := range parityFixtures {
		fw := loadParity(t, name)
		refs, err := fw.Select(model.Selection{})
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range refs {
			t.Run(ref.Role.ID+"/"+ref.Level.ID, func(t *testing.T) {
				t.Parallel()
				var text bytes.Buffer
				if err := profile.WriteText(&text, fw, ref, profile.TextOptions{}); err != nil {
					t.Fatal(err)
				}
				var pdf bytes.Buffer
				if _, err := profile.Write(&pdf, fw, ref, profile.Options{Created: created}); err != nil {
					t.Fatal(err)
				}
				got := words(testkit.PDFText(t, pdf.Bytes()))
				lines := 0
				for _, line := range strings.Split(text.String(), "\n") {
					line = strings.TrimSpace(line)
					if line == "" || underline.MatchString(line) {
						continue
					}
					lines++
					for _, part := range strings.SplitN(line, ": ", 2) {
						if part = words(strings.TrimSuffix(part, ":")); !inOrder(got, part) {
							t.Errorf("the PDF lacks %q (from the line %q)", part, line)
						}
					}
				}
				if lines < 10 {
					t.Errorf("only %d lines of text: %q", lines, text.String())
				}
			})
		}
	}
}

// TestRoleResponsibilitiesInPDF checks that a role's "In this role, you
// will:" list is in the PDF of each of its levels and of the whole role.
func TestRoleResponsibilitiesInPDF(t *testing.T) {
	testkit.Tool(t, "pdftotext")
	fw := fixture.Load(t, "../testdata/flat/four-roles.yaml")
	checked := 0
	for i := range fw.Roles {
		r := &fw.Roles[i]
		if len(r.Responsibilities) == 0 {
			continue
		}
		refs := []model.LevelRef{{Role: r}}
		for j := range r.Levels {
			refs = append(refs, model.LevelRef{Role: r, Level: &r.Levels[j]})
		}
		for _, ref := range refs {
			var pdf bytes.Buffer
			if _, err := profile.Write(&pdf, fw, ref, profile.Options{Created: created}); err != nil {
				t.Fatal(err)
			}
			got := words(testkit.PDFText(t, pdf.Bytes()))
			for _, want := range append([]string{"In this role, you will:"}, r.Responsibilities...) {
				if !strings.Contains(got, words(want)) {
					t.Errorf("%s: the PDF lacks %q", ref.Role.ID+" "+levelID(ref), want)
				}
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("the fixture has no role with responsibilities")
	}
}

func levelID(ref model.LevelRef) string {
	if ref.Level == nil {
		return "(whole role)"
	}
	return ref.Level.ID
}
