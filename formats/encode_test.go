package formats_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/model"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// modelOnly compares frameworks by their content, not by where it was read.
var modelOnly = cmp.Options{
	cmpopts.IgnoreUnexported(model.Framework{}),
	cmpopts.IgnoreTypes(model.Pos{}, map[string]model.Pos{}),
	cmpopts.EquateEmpty(),
}

func loadEncodeFixture(t *testing.T, name string) *model.Framework {
	t.Helper()
	fw, err := formats.ReadFile(filepath.Join("..", "testdata", "frameworks", name), formats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

func TestWriteRoundTrip(t *testing.T) {
	frameworks := map[string]*model.Framework{
		"small":     loadEncodeFixture(t, "small.yaml"),
		"synthetic": synth.Framework(synth.Size{Families: 3, Roles: 7, LevelsPerRole: 6, Skills: 30, SkillsPerRole: 9}),
	}
	for name, fw := range frameworks {
		for _, format := range []formats.Format{formats.FormatYAML, formats.FormatJSON} {
			t.Run(name+"/"+string(format), func(t *testing.T) {
				var out bytes.Buffer
				if err := formats.Write(&out, fw, format); err != nil {
					t.Fatal(err)
				}
				got, err := formats.Read(bytes.NewReader(out.Bytes()), "out."+string(format), formats.Options{})
				if err != nil {
					t.Fatalf("load the written %s: %v\n%s", format, err, out.Bytes())
				}
				if diff := cmp.Diff(fw, got, modelOnly); diff != "" {
					t.Errorf("framework changed by a round trip through %s (-before +after):\n%s", format, diff)
				}
				if errs := got.Validate().Errors(); errs != fw.Validate().Errors() {
					t.Errorf("validation errors: %d after the round trip, %d before", errs, fw.Validate().Errors())
				}
				var again bytes.Buffer
				if err := formats.Write(&again, got, format); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(out.Bytes(), again.Bytes()) {
					t.Errorf("writing the reloaded framework gave different bytes:\n%s", cmp.Diff(out.String(), again.String()))
				}
			})
		}
	}
}

func TestWriteKeepsIDsThatDiffer(t *testing.T) {
	fw := loadEncodeFixture(t, "small.yaml")
	fw.Roles[0].ID = "we"
	fw.Roles[0].Levels[1].ID = "mid"
	fw.Skills[0].ID = "wd"
	for i := range fw.Roles[0].Levels {
		for j := range fw.Roles[0].Levels[i].Skills {
			if q := &fw.Roles[0].Levels[i].Skills[j]; q.Skill == "widget-design" {
				q.Skill = "wd"
			}
		}
	}
	fw.Build()
	var out bytes.Buffer
	if err := formats.Write(&out, fw, formats.FormatYAML); err != nil {
		t.Fatal(err)
	}
	got, err := formats.Read(&out, "ids.yaml", formats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fw, got, modelOnly); diff != "" {
		t.Errorf("ids lost (-want +got):\n%s", diff)
	}
}

func TestWriteDefaultStyle(t *testing.T) {
	fw := loadEncodeFixture(t, "small.yaml")
	var out bytes.Buffer
	if err := formats.Write(&out, fw, formats.FormatYAML); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  - {id: awareness, name: Awareness}\n",
		"    published: 2021-01-01\n",
		"        grades: [EO, HEO]\n",
		"          - {skill: Widget design, level: awareness}\n",
	} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("output lacks %q", want)
		}
	}
}
