package profile_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

func TestScratch(t *testing.T) {
	fw := fixture.Default(t)
	r, _ := fw.Role("infrastructure-engineer")
	o, _ := fw.Role("infrastructure-operations-engineer")
	opts := profile.Options{Created: created}
	var b bytes.Buffer
	if _, err := profile.WriteProgression(&b, fw, model.LevelRef{Role: r}, opts); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/career/prog.pdf", b.Bytes(), 0o644)
	b.Reset()
	profile.WriteProgressionText(&b, fw, model.LevelRef{Role: r}, profile.TextOptions{})
	os.WriteFile("/tmp/career/prog.txt", b.Bytes(), 0o644)
	b.Reset()
	if _, err := profile.WriteComparison(&b, fw, model.LevelRef{Role: r, Level: &r.Levels[2]}, model.LevelRef{Role: o, Level: &o.Levels[2]}, opts); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/career/cmp.pdf", b.Bytes(), 0o644)
	b.Reset()
	profile.WriteComparisonText(&b, fw, model.LevelRef{Role: r, Level: &r.Levels[2]}, model.LevelRef{Role: o, Level: &o.Levels[2]}, profile.TextOptions{})
	os.WriteFile("/tmp/career/cmp.txt", b.Bytes(), 0o644)
	b.Reset()
	if _, err := profile.WriteInterview(&b, fw, model.LevelRef{Role: r, Level: &r.Levels[2]}, profile.DefaultScale, opts); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/career/int.pdf", b.Bytes(), 0o644)
}
