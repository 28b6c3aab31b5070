package export

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/model"
)

// TestRoleLevelsTableWhole lays out the title page of a nine-level role
// after role summaries of every length from none to a page, and checks that
// the table of role levels is never split: it fits on a page, so it moves
// whole rather than leave a row or two at the top of the next page.
func TestRoleLevelsTableWhole(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "testdata", "frameworks", "nine-levels.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fw, err := model.Load(f, "nine-levels.yaml", model.LoadOptions{Format: model.FormatYAML})
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	r := &fw.Roles[0]
	for _, paper := range []string{"a4", "letter"} {
		for n := 0; n <= 60; n++ {
			r.Summary = strings.Repeat("A fixture sentence that fills the role summary. ", n)
			pw, d, err := prepareProfile(fw, model.LevelRef{Role: r}, ProfileOptions{Fonts: fonts, Paper: paper})
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
