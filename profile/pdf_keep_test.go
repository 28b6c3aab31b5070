package profile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/assets"
	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
)

// TestRoleLevelsTableWhole lays out the title page of a nine-level role
// after role summaries of every length from none to a page, and checks that
// the table of role levels is never split: it fits on a page, so it moves
// whole rather than leave a row or two at the top of the next page.
func TestRoleLevelsTableWhole(t *testing.T) {
	fw := fixture.Load(t, "nine-levels.yaml")
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	r := &fw.Roles[0]
	for _, paper := range []string{"a4", "letter"} {
		for n := 0; n <= 60; n++ {
			r.Summary = strings.Repeat("A fixture sentence that fills the role summary. ", n)
			pw, d, err := prepareProfile(fw, model.LevelRef{Role: r}, Options{Fonts: fonts, Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			pageOf := map[int]int{}
			for p, pg := range pw.layout(d).pages {
				for _, o := range pg.ops {
					for i := range r.Levels {
						if o.kind == opText && strings.HasPrefix(o.text, fmt.Sprintf("%d. ", i+1)) {
							pageOf[i] = p + 1
						}
					}
				}
			}
			if len(pageOf) != len(r.Levels) {
				t.Fatalf("%s, %d sentences: found the rows of %d levels, want %d", paper, n, len(pageOf), len(r.Levels))
			}
			for i := range r.Levels {
				if pageOf[i] != pageOf[0] {
					t.Errorf("%s, %d sentences: the role levels table is split: level 1 on page %d, level %d on page %d", paper, n, pageOf[0], i+1, pageOf[i])
					break
				}
			}
		}
	}
}

// TestSkillsSectionStart lays out the last level profile of each role of the
// default framework with more or fewer of its responsibilities and longer
// summaries, moving the skills section down page 1 and over, and checks the
// start of the skills section: its heading, legend, header row and first skill
// row are on one page, which is the first page whenever they fit there, and
// no page ends with a heading.
func TestSkillsSectionStart(t *testing.T) {
	fw, err := formats.Read(assets.FrameworkYAML(), assets.FrameworkName, formats.Options{Format: formats.FormatYAML})
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	onFirst, total := 0, 0
	for i := range fw.Roles {
		r := &fw.Roles[i]
		l := &r.Levels[len(r.Levels)-1]
		summary, resp := l.Summary, l.Responsibilities
		for k := 0; k <= len(resp); k++ {
			for n := 0; n <= 40; n += 2 {
				l.Summary = summary + strings.Repeat(" A fixture sentence that makes the level summary longer.", n)
				l.Responsibilities = resp[:k]
				pw, d, err := prepareProfile(fw, model.LevelRef{Role: r, Level: l}, Options{Fonts: fonts, Organisation: "Org"})
				if err != nil {
					t.Fatal(err)
				}
				heading, first := 0, 0
				firstSkill := fw.Skill(l.Skills[0].Skill).Name // the legend's names come before it
				for p, pg := range pw.layout(d).pages {
					var last *op
					for k := range pg.ops {
						o := &pg.ops[k]
						if o.kind != opText {
							continue
						}
						last = o
						switch {
						case heading == 0 && o.face == pw.fs.h2 && o.text == "Skills":
							heading = p + 1
						case heading > 0 && first == 0 && o.face == pw.fs.cellStrong && strings.HasPrefix(firstSkill, o.text):
							first = p + 1
						}
					}
					if last != nil && (last.face == pw.fs.h1 || last.face == pw.fs.h2 || last.face == pw.fs.head) {
						t.Errorf("%s, %d sentences: page %d ends with the heading %q", refName(model.LevelRef{Role: r, Level: l}), n, p+1, last.text)
					}
				}
				if heading == 0 || heading != first {
					t.Errorf("%s, %d sentences: the Skills heading is on page %d, the first skill on page %d", r.ID, n, heading, first)
				}
				if heading == 1 {
					onFirst++
				}
				total++
			}
		}
		l.Summary, l.Responsibilities = summary, resp
	}
	if onFirst == 0 {
		t.Error("the skills section never starts on page 1, even after the shortest summary")
	}
	t.Logf("the skills section starts on page 1 in %d of %d layouts", onFirst, total)
}
