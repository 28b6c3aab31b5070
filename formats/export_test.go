package formats_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// fromCSVAndYAML loads the default framework, and the same through its
// CSV: nothing is copied from one to the other, so the documents made from
// the second show only what the CSV holds.
func fromCSVAndYAML(t *testing.T) (fromYAML, fromCSV *model.Framework) {
	t.Helper()
	fromYAML = fixture.Default(t)
	var buf bytes.Buffer
	if err := formats.Write(&buf, fromYAML, formats.FormatCSV); err != nil {
		t.Fatal(err)
	}
	fromCSV, err := formats.Read(&buf, "framework.csv", formats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := fromCSV.Validate().Err(); err != nil {
		t.Fatal(err)
	}
	return fromYAML, fromCSV
}

// created is the creation date written into the documents compared.
var created = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// TestProfilesFromCSV checks that every profile (each role, each role level)
// made from the CSV of the default framework is byte for byte the one made
// from its YAML.
func TestProfilesFromCSV(t *testing.T) {
	fromYAML, fromCSV := fromCSVAndYAML(t)
	fonts, err := profile.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	opts := profile.Options{Creator: "ddat test", Created: created, Fonts: fonts}
	for i := range fromYAML.Roles {
		for j := -1; j < len(fromYAML.Roles[i].Levels); j++ {
			refY := model.LevelRef{Role: &fromYAML.Roles[i]}
			refC := model.LevelRef{Role: &fromCSV.Roles[i]}
			name := refY.Role.ID
			if j >= 0 {
				refY.Level, refC.Level = &fromYAML.Roles[i].Levels[j], &fromCSV.Roles[i].Levels[j]
				name += "/" + refY.Level.ID
			}
			t.Run(name, func(t *testing.T) {
				var a, b bytes.Buffer
				if _, err := profile.Write(&a, fromYAML, refY, opts); err != nil {
					t.Fatal(err)
				}
				if _, err := profile.Write(&b, fromCSV, refC, opts); err != nil {
					t.Fatal(err)
				}
				if a.Len() == 0 || !bytes.Equal(a.Bytes(), b.Bytes()) {
					t.Errorf("the profile from the CSV differs from the profile from the YAML")
				}
			})
		}
	}
}

// TestMatrixFromCSV checks that the skills matrix, with a sheet per role,
// made from the CSV of the default framework is byte for byte the one made
// from its YAML.
func TestMatrixFromCSV(t *testing.T) {
	fromYAML, fromCSV := fromCSVAndYAML(t)
	opts := matrix.Options{PerRole: true, Creator: "ddat test", Created: created}
	var a, b bytes.Buffer
	if err := matrix.Write(&a, fromYAML, opts); err != nil {
		t.Fatal(err)
	}
	if err := matrix.Write(&b, fromCSV, opts); err != nil {
		t.Fatal(err)
	}
	if a.Len() == 0 || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("the matrix from the CSV differs from the matrix from the YAML")
	}
}
