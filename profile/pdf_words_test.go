package profile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
)

// TestWordBreaks lays out every profile of the fixtures and the default
// framework, on A4 and Letter, and checks every wrapped text, in table cells
// and on the page: no line ends inside a word unless that word alone is wider
// than its cell or column. In the fixtures of realistic text (all but
// long.yaml, whose words are made to be too wide) no word is broken at all:
// every column is wide enough for the words it holds.
func TestWordBreaks(t *testing.T) {
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	frameworks := map[string]*model.Framework{"default": fixture.Default(t)}
	for _, name := range []string{"nine-levels.yaml", "small.yaml", "sharing.yaml", "long.yaml"} {
		frameworks[name] = fixture.Load(t, name)
	}
	for name, fw := range frameworks {
		for i := range fw.Roles {
			r := &fw.Roles[i]
			for _, ref := range r.Documents() {
				for _, paper := range []string{"a4", "letter"} {
					pw, d, err := prepareProfile(fw, ref, Options{Fonts: fonts, Paper: paper})
					if err != nil {
						t.Fatal(err)
					}
					rec := &wrapRecorder{measurer: pw}
					fl := &flow{m: rec, fs: pw.fs, w: pw.meta.paper.w - 2*marginX, body: 250}
					fl.addBlocks(d.Blocks)
					if len(rec.calls) == 0 {
						t.Fatalf("%s: no text wrapped", refName(ref))
					}
					for _, c := range rec.calls {
						for _, word := range brokenWords(c.text, c.lines) {
							if name != "long.yaml" || pw.width(c.face, word) <= c.width {
								t.Errorf("%s, %s, %s: %q broken in %.1f mm: %q", name, refName(ref), paper, word, c.width, c.lines)
							}
						}
					}
				}
			}
		}
	}
}

// wrapRecorder is a measurer that remembers every text it wrapped.
type wrapRecorder struct {
	measurer
	calls []wrapCall
}

type wrapCall struct {
	face  *face
	text  string
	width float64
	lines []string
}

func (r *wrapRecorder) wrap(f *face, text string, width float64) []string {
	lines := r.measurer.wrap(f, text, width)
	r.calls = append(r.calls, wrapCall{f, text, width, lines})
	return lines
}

// brokenWords finds the words of text that lines break other than at a
// space.
func brokenWords(text string, lines []string) []string {
	var broken []string
	pos := 0
	for i, l := range lines {
		l = strings.TrimSpace(l)
		for pos < len(text) && text[pos] == ' ' {
			pos++
		}
		if !strings.HasPrefix(text[pos:], l) {
			return append(broken, fmt.Sprintf("<line %d %q does not follow on in %q>", i+1, l, text))
		}
		pos += len(l)
		if pos < len(text) && text[pos] != ' ' && l != "" && !strings.HasSuffix(l, " ") {
			start := strings.LastIndexByte(text[:pos], ' ') + 1
			end := strings.IndexByte(text[pos:], ' ')
			if end < 0 {
				end = len(text) - pos
			}
			broken = append(broken, text[start:pos+end])
		}
	}
	return broken
}
