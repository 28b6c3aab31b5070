package profile_test

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/seedref"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// careerDoc makes one career document as PDF and as text ("" when it has
// no text form).
type careerDoc struct {
	name string
	pdf  func(io.Writer, profile.Options) (int, error)
	text func(io.Writer) error
}

func careerDocs(t testing.TB, fw *model.Framework) []careerDoc {
	ie := mustRef(t, fw, "infrastructure-engineer", "")
	ieSenior := mustRef(t, fw, "infrastructure-engineer", "senior")
	ioeSenior := mustRef(t, fw, "infrastructure-operations-engineer", "senior")
	return []careerDoc{
		{
			name: "progression-infrastructure-engineer",
			pdf:  func(w io.Writer, o profile.Options) (int, error) { return profile.WriteProgression(w, fw, ie, o) },
			text: func(w io.Writer) error {
				return profile.WriteProgressionText(w, fw, ie, profile.TextOptions{Width: 80})
			},
		},
		{
			name: "compare-infrastructure-engineer-senior-infrastructure-operations-engineer-senior",
			pdf: func(w io.Writer, o profile.Options) (int, error) {
				return profile.WriteComparison(w, fw, ieSenior, ioeSenior, o)
			},
			text: func(w io.Writer) error {
				return profile.WriteComparisonText(w, fw, ieSenior, ioeSenior, profile.TextOptions{Width: 80})
			},
		},
		{
			name: "interview-infrastructure-engineer-senior",
			pdf: func(w io.Writer, o profile.Options) (int, error) {
				return profile.WriteInterview(w, fw, ieSenior, profile.DefaultScale, o)
			},
		},
	}
}

func mustRef(t testing.TB, fw *model.Framework, role, level string) model.LevelRef {
	t.Helper()
	r, err := fw.Role(role)
	if err != nil {
		t.Fatal(err)
	}
	ref := model.LevelRef{Role: r}
	if level != "" {
		if ref.Level, err = r.Level(level); err != nil {
			t.Fatal(err)
		}
	}
	return ref
}

// TestCareerGolden compares each career document of the first seed role
// with its golden PDF and text.
func TestCareerGolden(t *testing.T) {
	fw := fixture.Default(t)
	for _, d := range careerDocs(t, fw) {
		t.Run(d.name, func(t *testing.T) {
			var buf bytes.Buffer
			if _, err := d.pdf(&buf, profile.Options{Created: created, Creator: "ddat test"}); err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, d.name+".pdf", buf.Bytes())
			if d.text != nil {
				var txt bytes.Buffer
				if err := d.text(&txt); err != nil {
					t.Fatal(err)
				}
				testkit.Golden(t, d.name+".txt", txt.Bytes())
			}
		})
	}
}

var whiteRun = regexp.MustCompile(`\s+`)

// flat is s with every run of white space one space, so that text wrapped
// in a table cell matches text on one line.
func flat(s string) string { return whiteRun.ReplaceAllString(s, " ") }

func title(level string) string { return strings.ToUpper(level[:1]) + level[1:] }

// stepSection is the part of a step's text under one section heading,
// white space flattened: from the heading, followed by its intro or its
// note, to the next section. The counts above use the same words, but
// followed by a count.
func stepSection(t *testing.T, step, head string) string {
	t.Helper()
	step = flat(step)
	heads := []string{"New skills", "Skills raised", "Skills at a lower level", "Skills unchanged", "Skills no longer listed", "New responsibilities"}
	starts := map[string]int{}
	for _, h := range heads {
		re := regexp.MustCompile(h + ` (?:-+ )?(?:Skills this level|Skills the level below|None\.|At this role level|The framework lists)`)
		if loc := re.FindStringIndex(step); loc != nil {
			starts[h] = loc[0]
		}
	}
	s, ok := starts[head]
	if !ok {
		t.Fatalf("no section %q in step:\n%s", head, step)
	}
	end := len(step)
	for _, e := range starts {
		if e > s && e < end {
			end = e
		}
	}
	return step[s:end]
}

// TestProgressionSeeds checks every step of both seed roles, in the text
// and in the PDF's text: each skill the seed pages give as new, raised,
// lower, unchanged or dropped sits in that section with its levels.
func TestProgressionSeeds(t *testing.T) {
	fw := fixture.Default(t)
	for _, tc := range []struct {
		role   string
		levels []seedref.Level
	}{
		{"infrastructure-engineer", seedref.InfrastructureEngineer(t)},
		{"infrastructure-operations-engineer", seedref.InfrastructureOperationsEngineer(t)},
	} {
		ref := mustRef(t, fw, tc.role, "")
		var txt, pdf bytes.Buffer
		if err := profile.WriteProgressionText(&txt, fw, ref, profile.TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := profile.WriteProgression(&pdf, fw, ref, profile.Options{Created: created}); err != nil {
			t.Fatal(err)
		}
		for format, doc := range map[string]string{"text": txt.String(), "pdf": testkit.PDFText(t, pdf.Bytes())} {
			steps := regexp.MustCompile(`Step \d of 4: role level`).Split(doc, -1)
			if len(steps) != 5 {
				t.Fatalf("%s %s: %d steps, want 4", tc.role, format, len(steps)-1)
			}
			for n := 2; n <= 5; n++ {
				t.Run(fmt.Sprintf("%s/%s/level%d", tc.role, format, n), func(t *testing.T) {
					step := steps[n-1]
					if n == 5 {
						step, _, _ = strings.Cut(step, "Skills at each role level")
					}
					a, b := tc.levels[n-2], tc.levels[n-1]
					if !strings.Contains(flat(step), flat("From "+a.Title+" to "+b.Title)) {
						t.Errorf("step heading missing: From %s to %s", a.Title, b.Title)
					}
					d := seedref.Compare(a, b)
					check := func(head string, name, level string) {
						t.Helper()
						sec := stepSection(t, step, head)
						if format == "text" {
							if want := name + " Skill level: " + level + " "; !strings.Contains(sec, want) {
								t.Errorf("%s: %q not in:\n%s", head, want, sec)
							}
							return
						}
						if !strings.Contains(sec, name) || !strings.Contains(sec, level) {
							t.Errorf("%s: %q at %q not in:\n%s", head, name, level, sec)
						}
					}
					for _, s := range d.New {
						check("New skills", s.Name, title(s.Level))
					}
					for _, p := range d.Raised {
						check("Skills raised", p.Name, title(p.From)+" to "+title(p.To))
					}
					for _, p := range d.Lowered {
						check("Skills at a lower level", p.Name, title(p.From)+" to "+title(p.To))
					}
					for _, p := range d.Unchanged {
						check("Skills unchanged", p.Name, title(p.To))
					}
					for _, s := range d.Dropped {
						check("Skills no longer listed", s.Name, title(s.Level))
					}
					// Every skill of the higher level is in exactly one section.
					for _, head := range []string{"New skills", "Skills raised", "Skills unchanged"} {
						sec := stepSection(t, step, head)
						for _, s := range b.Skills {
							inNew := slicesHasName(d.New, s.Name)
							inRaised := pairHasName(d.Raised, s.Name)
							want := head == "New skills" && inNew || head == "Skills raised" && inRaised || head == "Skills unchanged" && pairHasName(d.Unchanged, s.Name)
							if got := strings.Contains(sec, s.Name+" "); format == "text" && got != want {
								t.Errorf("%s in %q: %v, want %v", s.Name, head, got, want)
							}
						}
					}
					// The "You can:" items of new skills are the seed's.
					for _, s := range d.New {
						for _, item := range s.Can {
							if !strings.Contains(loose(stepSection(t, step, "New skills")), loose(item)) {
								t.Errorf("new skill %s: item %q missing", s.Name, item)
							}
						}
					}
					for _, r := range seedref.NewResponsibilities(a, b) {
						// pdftotext drops a hyphen that ends a line
						if !strings.Contains(loose(stepSection(t, step, "New responsibilities")), loose(r)) {
							t.Errorf("new responsibility %q missing", r)
						}
					}
				})
			}
		}
	}
}

// loose is s without hyphens, white space flattened.
func loose(s string) string { return flat(strings.ReplaceAll(s, "-", " ")) }

func slicesHasName(ss []seedref.Skill, name string) bool {
	for _, s := range ss {
		if s.Name == name {
			return true
		}
	}
	return false
}

func pairHasName(ps []seedref.Pair, name string) bool {
	for _, p := range ps {
		if p.Name == name {
			return true
		}
	}
	return false
}

// TestComparisonSeeds compares Senior infrastructure engineer with Senior
// infrastructure operations engineer, against the first seed and the
// reference table of the second: the counts, the skills both need with both
// levels, and the skills only each needs.
func TestComparisonSeeds(t *testing.T) {
	fw := fixture.Default(t)
	from, to := mustRef(t, fw, "infrastructure-engineer", "senior"), mustRef(t, fw, "infrastructure-operations-engineer", "senior")
	a, b := seedref.InfrastructureEngineer(t)[2], seedref.InfrastructureOperationsEngineer(t)[2]
	d := seedref.Compare(a, b)
	var txt, pdf bytes.Buffer
	if err := profile.WriteComparisonText(&txt, fw, from, to, profile.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := profile.WriteComparison(&pdf, fw, from, to, profile.Options{Created: created}); err != nil {
		t.Fatal(err)
	}
	shared := len(d.Raised) + len(d.Unchanged) + len(d.Lowered)
	if shared != 5 || len(d.New) != 9 || len(d.Dropped) != 7 {
		t.Fatalf("seeds: %d shared, %d only in the second, %d only in the first; want 5, 9, 7", shared, len(d.New), len(d.Dropped))
	}
	counts := fmt.Sprintf("Skills both need: %d skills: %d at the same level, %d higher, %d lower", shared, len(d.Unchanged), len(d.Raised), len(d.Lowered))
	for format, doc := range map[string]string{"text": flat(txt.String()), "pdf": flat(testkit.PDFText(t, pdf.Bytes()))} {
		t.Run(format, func(t *testing.T) {
			if format == "text" && !strings.Contains(doc, counts) {
				t.Errorf("counts %q missing", counts)
			}
			loc := regexp.MustCompile(`Skills both need (?:-+ )?Higher skill levels first`).FindStringIndex(doc)
			if loc == nil {
				t.Fatalf("no section of shared skills:\n%s", doc)
			}
			rest := doc[loc[1]:]
			sharedSec, rest, ok1 := strings.Cut(rest, "Skills only "+b.Title+" needs")
			onlyTo, onlyFrom, ok2 := strings.Cut(rest, "Skills only "+a.Title+" needs")
			if !ok1 || !ok2 {
				t.Fatalf("sections missing:\n%s", rest)
			}
			for _, p := range append(append(append([]seedref.Pair(nil), d.Raised...), d.Unchanged...), d.Lowered...) {
				want := p.Name + " From (Senior): " + title(p.From) + " To (Senior): " + title(p.To)
				if format == "pdf" {
					want = p.Name
				}
				if !strings.Contains(sharedSec, want) {
					t.Errorf("shared: %q missing in:\n%s", want, sharedSec)
				}
			}
			for _, s := range d.New {
				want := s.Name + " Skill level: " + title(s.Level)
				if format == "pdf" {
					want = s.Name
				}
				if !strings.Contains(onlyTo, want) || format == "text" && (strings.Contains(onlyFrom, want) || strings.Contains(sharedSec, s.Name+" From")) {
					t.Errorf("only %s: %q not there alone", b.Title, want)
				}
			}
			for _, s := range d.Dropped {
				want := s.Name + " Skill level: " + title(s.Level)
				if format == "pdf" {
					want = s.Name
				}
				if !strings.Contains(onlyFrom, want) || format == "text" && (strings.Contains(onlyTo, want) || strings.Contains(sharedSec, s.Name+" From")) {
					t.Errorf("only %s: %q not there alone", a.Title, want)
				}
			}
		})
	}
}

// TestInterviewSeed checks that the interview sheet of Senior
// infrastructure engineer holds each skill of the seed's level, in order,
// with its level and "You can:" items, and the evidence and score columns.
func TestInterviewSeed(t *testing.T) {
	fw := fixture.Default(t)
	lv := seedref.InfrastructureEngineer(t)[2]
	var pdf bytes.Buffer
	pages, err := profile.WriteInterview(&pdf, fw, mustRef(t, fw, "infrastructure-engineer", "senior"), profile.Scale{Min: 0, Max: 4}, profile.Options{Created: created})
	if err != nil {
		t.Fatal(err)
	}
	doc := loose(testkit.PDFText(t, pdf.Bytes()))
	for _, want := range []string{"Interview sheet Senior infrastructure engineer", "Evidence noted", "Score 0 to 4", "a score from 0, the lowest, to 4, the highest"} {
		if !strings.Contains(doc, want) {
			t.Errorf("%q missing", want)
		}
	}
	at := 0
	for i, s := range lv.Skills {
		head := fmt.Sprintf("%d. %s Level: %s", i+1, loose(s.Name), title(s.Level))
		j := strings.Index(doc[at:], head)
		if j < 0 {
			t.Fatalf("%q missing, or out of order", head)
		}
		at += j
		for _, item := range s.Can {
			if !strings.Contains(doc[at:], loose(item)) {
				t.Errorf("%s: %q missing", s.Name, item)
			}
		}
	}
	if pages < 2 {
		t.Errorf("%d pages", pages)
	}
	if _, err := profile.WriteInterview(io.Discard, fw, mustRef(t, fw, "infrastructure-engineer", "senior"), profile.Scale{Min: 3, Max: 3}, profile.Options{}); err == nil {
		t.Error("a scale of one score: no error")
	}
}

// TestProgressionOneStep makes the step into one level, and refuses the
// first level, which has no step into it.
func TestProgressionOneStep(t *testing.T) {
	fw := fixture.Default(t)
	var txt bytes.Buffer
	if err := profile.WriteProgressionText(&txt, fw, mustRef(t, fw, "infrastructure-engineer", "lead"), profile.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(txt.String(), "Step "); n != 2 { // "Step shown" and the step's caption
		t.Errorf("%d steps:\n%s", n, txt.String())
	}
	if !strings.Contains(txt.String(), "Step 3 of 4: role level 3 to role level 4") {
		t.Errorf("not the step into level 4:\n%s", txt.String())
	}
	err := profile.WriteProgressionText(io.Discard, fw, mustRef(t, fw, "infrastructure-engineer", "1"), profile.TextOptions{})
	if err == nil || !strings.Contains(err.Error(), "first role level") {
		t.Errorf("step into level 1: %v", err)
	}
}

// BenchmarkCareer makes each career document of the first seed role, with
// the fonts loaded once, as a batch does.
func BenchmarkCareer(b *testing.B) {
	fw := fixture.Default(b)
	fonts, err := profile.LoadFonts()
	if err != nil {
		b.Fatal(err)
	}
	opts := profile.Options{Fonts: fonts, Created: created, Creator: "ddat bench"}
	for _, d := range careerDocs(b, fw) {
		b.Run(strings.SplitN(d.name, "-", 2)[0], func(b *testing.B) {
			b.ReportAllocs()
			pages := 0
			for b.Loop() {
				if pages, err = d.pdf(io.Discard, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(pages), "pages")
		})
	}
}
