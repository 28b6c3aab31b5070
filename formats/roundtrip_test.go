package formats_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/model"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// sameModel compares frameworks by content, ignoring where each value was
// read.
var sameModel = cmp.Options{
	cmpopts.IgnoreUnexported(model.Framework{}),
	cmpopts.IgnoreTypes(model.Pos{}, map[string]model.Pos{}),
	cmpopts.EquateEmpty(),
}

// catalogued is a copy of fw for comparison, without what a flat file holds
// differently: the order of the skills catalogue (a flat file lists skills in
// the order its rows first need them) and grades no level refers to (a flat
// file has the standard ones). The copy is for cmp only: its lookups are
// broken.
func catalogued(fw *model.Framework) model.Framework {
	c := *fw
	used := map[string]bool{}
	for _, r := range fw.Roles {
		for _, l := range r.Levels {
			for _, g := range l.Grades {
				used[g] = true
			}
		}
	}
	c.Grades = slices.DeleteFunc(slices.Clone(fw.Grades), func(g model.Grade) bool { return !used[g.ID] })
	c.Skills = slices.SortedFunc(slices.Values(fw.Skills), func(a, b model.Skill) int { return strings.Compare(a.ID, b.ID) })
	return c
}

func loadYAML(t testing.TB, path string) *model.Framework {
	t.Helper()
	fw, err := formats.ReadFile(path, formats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// roundTrip writes fw in format and reads it back.
func roundTrip(t testing.TB, fw *model.Framework, format formats.Format) (*model.Framework, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := formats.Write(&buf, fw, format); err != nil {
		t.Fatal(err)
	}
	got, err := formats.Read(bytes.NewReader(buf.Bytes()), "roundtrip."+string(format), formats.Options{})
	if err != nil {
		t.Fatalf("read the written %s: %v", format, err)
	}
	return got, buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	frameworks := []struct {
		name string
		fw   func(testing.TB) *model.Framework
	}{
		{"default", fixture.Default},
		{"four-roles", func(t testing.TB) *model.Framework {
			return loadYAML(t, filepath.Join("..", "testdata", "flat", "four-roles.yaml"))
		}},
		{"synthetic", func(testing.TB) *model.Framework {
			return synth.Framework(synth.Size{Families: 3, Roles: 12, LevelsPerRole: 6, Skills: 40, SkillsPerRole: 8})
		}},
	}
	for _, f := range frameworks {
		for _, format := range []formats.Format{formats.FormatCSV, formats.FormatXLSX} {
			t.Run(f.name+"/"+string(format), func(t *testing.T) {
				want := f.fw(t)
				wantErrs := want.Validate().Errors()
				got, out := roundTrip(t, want, format)
				if diff := cmp.Diff(catalogued(want), catalogued(got), sameModel); diff != "" {
					t.Errorf("YAML → %s → model differs (-yaml +%s):\n%s", format, format, diff)
				}
				if n := got.Validate().Errors(); n != wantErrs {
					t.Errorf("validation errors after the round trip: %d, want %d: %v", n, wantErrs, got.Validate())
				}
				// Writing what was read gives the same file again.
				_, again := roundTrip(t, got, format)
				if !bytes.Equal(out, again) {
					t.Errorf("writing the framework read from %s gives different bytes", format)
				}
			})
		}
	}
}

// TestRoundTripYAML checks the whole chain a user runs: YAML → CSV → YAML
// text, the same YAML as the original: metadata, dates and update history
// included.
func TestRoundTripYAML(t *testing.T) {
	want := loadYAML(t, filepath.Join("..", "testdata", "flat", "four-roles.yaml"))
	got, _ := roundTrip(t, want, formats.FormatCSV)
	var a, b bytes.Buffer
	if err := formats.Write(&a, want, formats.FormatYAML); err != nil {
		t.Fatal(err)
	}
	if err := formats.Write(&b, got, formats.FormatYAML); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a.String(), b.String()); diff != "" {
		t.Errorf("YAML → CSV → YAML differs (-before +after):\n%s", diff)
	}
}

func TestWriteDeterministic(t *testing.T) {
	fw := loadYAML(t, filepath.Join("..", "testdata", "flat", "four-roles.yaml"))
	for _, format := range []formats.Format{formats.FormatCSV, formats.FormatXLSX} {
		var a, b bytes.Buffer
		if err := formats.Write(&a, fw, format); err != nil {
			t.Fatal(err)
		}
		if err := formats.Write(&b, fw, format); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two writes of the same framework differ", format)
		}
	}
}

// TestLost checks what formats.Lost reports: nothing for the fixtures, whose
// metadata, dates and history the layout now holds; each thing it cannot
// hold, once.
func TestLost(t *testing.T) {
	withEverything := func(t *testing.T) *model.Framework {
		return loadYAML(t, filepath.Join("..", "testdata", "flat", "four-roles.yaml"))
	}
	tests := []struct {
		name   string
		change func(*model.Framework)
		want   []string // one entry each, in the message
	}{
		{"four-roles", func(*model.Framework) {}, nil},
		{"default", nil, nil},
		{"custom level id", func(fw *model.Framework) { fw.Roles[0].Levels[0].ID = "l1" }, []string{"role-level ids"}},
		{"undated update", func(fw *model.Framework) { fw.Roles[0].Updates[0].Date = time.Time{} }, []string{"without a date"}},
		{"skill-level scale", func(fw *model.Framework) { fw.SkillLevels[0].Name = "Aware" }, []string{"skill-level scale"}},
		{"grades", func(fw *model.Framework) { fw.Grades[0].Name = "Admin officer" }, []string{"grades catalogue"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fw *model.Framework
			if tt.change == nil {
				fw = fixture.Default(t)
			} else {
				fw = withEverything(t)
				tt.change(fw)
			}
			lost := formats.Lost(fw)
			if len(lost) != len(tt.want) {
				t.Fatalf("Lost = %q; want %d entries with %q", lost, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.Contains(lost[i], w) {
					t.Errorf("Lost[%d] = %q; want it to mention %q", i, lost[i], w)
				}
			}
		})
	}
}
