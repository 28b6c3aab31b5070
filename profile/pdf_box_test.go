package profile

import (
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
)

// TestLayoutBoxes lays out the long-text fixture and checks every measured
// box: text (at its measured width), rules, fills and gauges lie within the
// text area of their page, and no page is empty.
func TestLayoutBoxes(t *testing.T) {
	fw := fixture.Load(t, "long.yaml")
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	r := &fw.Roles[0]
	for _, tc := range []struct {
		name  string
		ref   model.LevelRef
		paper string
	}{
		{"level-a4", model.LevelRef{Role: r, Level: &r.Levels[0]}, "a4"},
		{"role-letter", model.LevelRef{Role: r}, "letter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pw, d, err := prepareProfile(fw, tc.ref, Options{Fonts: fonts, Paper: tc.paper, Organisation: "Org"})
			if err != nil {
				t.Fatal(err)
			}
			pages := pw.layout(d).pages
			const eps = 0.01
			left, right := marginX, pw.meta.paper.w-marginX
			bottom := pw.meta.paper.h - marginBottom
			for i, pg := range pages {
				top := pw.textTop(i + 1)
				if len(pg.ops) == 0 {
					t.Errorf("page %d is empty", i+1)
				}
				for _, o := range pg.ops {
					w := o.w
					switch o.kind {
					case opMark, opLink:
						continue
					case opText:
						w = pw.width(o.face, o.text)
					case opGauge:
						w = float64(o.gauge[1])*(gaugeStepW+gaugeStepGap) - gaugeStepGap
					}
					edge := right
					if o.right > 0 {
						edge = o.right
					}
					if o.x < left-eps || o.x+w > edge+eps || o.y < top-eps || o.y+o.h > bottom+eps && o.kind != opRule {
						t.Errorf("page %d: %v %q at x %.2f–%.2f, y %.2f–%.2f outside the text area x %.2f–%.2f, y %.2f–%.2f",
							i+1, o.kind, o.text, o.x, o.x+w, o.y, o.y+o.h, left, right, top, bottom)
					}
				}
			}
		})
	}
}
