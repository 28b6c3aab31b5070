package profile_test

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// TestCheckPrintable checks that CheckPrintable finds every character the
// profiles cannot print, where it is, and nothing in frameworks that print.
func TestCheckPrintable(t *testing.T) {
	fonts, err := profile.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("clean", func(t *testing.T) {
		fws := map[string]*model.Framework{"default": fixture.Default(t)}
		for _, name := range []string{"small.yaml", "sharing.yaml", "long.yaml", "nine-levels.yaml"} {
			fws[name] = fixture.Load(t, filepath.Join("..", "testdata", "frameworks", name))
		}
		for name, fw := range fws {
			if f := profile.CheckPrintable(fw, fonts); len(f) > 0 {
				t.Errorf("%s: %d findings, want none; first: %v", name, len(f), f[0])
			}
		}
	})
	t.Run("unprintable", func(t *testing.T) {
		fw := fixture.Load(t, filepath.Join("..", "testdata", "frameworks", "unprintable.yaml"))
		got := profile.CheckPrintable(fw, fonts)
		want := []struct {
			line    int
			subject string
			char    string
		}{
			{16, `role "Rocket engineer", level "associate", skill "Rocketry", description`, `U+1F680 "🚀"`},
			{44, `role "Rocket engineer", level "rocket-engineer", responsibilities, item 1`, `U+1F680 "🚀"`},
			{20, `role "Rocket engineer", level "rocket-engineer", skill "Rocketry", "You can:", item 1`, `U+1F6F0 "🛰"`},
		}
		if len(got) != len(want) {
			t.Fatalf("%d findings, want %d:\n%v", len(got), len(want), got)
		}
		for i, w := range want {
			f := got[i]
			if f.Severity != model.Error || f.Pos.Line != w.line || f.Subject != w.subject || !strings.Contains(f.Message, w.char) {
				t.Errorf("finding %d = %v\nwant line %d, error, %s: %s", i+1, f, w.line, w.subject, w.char)
			}
		}
		// Every document of the role fails, each on a character the check
		// reported at the same place.
		r := &fw.Roles[0]
		refs := []model.LevelRef{{Role: r}, {Role: r, Level: &r.Levels[0]}, {Role: r, Level: &r.Levels[1]}}
		for _, ref := range refs {
			_, err := profile.Write(io.Discard, fw, ref, profile.Options{Fonts: fonts, Created: created})
			var ge *profile.GlyphError
			if !errors.As(err, &ge) {
				t.Fatalf("%s: error %v, want a *GlyphError", ref.Role.ID, err)
			}
			found := false
			for _, f := range got {
				found = found || f.Pos == ge.Pos && strings.Contains(f.Message, string(ge.Char))
			}
			if !found {
				t.Errorf("Profile fails on %U at %v, which CheckPrintable does not report", ge.Char, ge.Pos)
			}
		}
	})
}
