package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileNames is a framework whose names try every way out of a directory:
// parent directories, absolute paths, separators of both systems, a device
// name and a hidden file. Its ids are derived from the names, so they are
// slugs and the framework validates.
const hostileNames = `framework: {name: Hostile, source: tests, licence: none}
skill_levels:
  - {id: awareness, name: Awareness}
grades:
  - {code: EO, name: Executive Officer}
skills:
  - {name: "../../skill", levels: {awareness: ["do"]}}
roles:
  - name: "../../../etc/passwd"
    family: "/abs/family"
    summary: escapes
    published: 2021-01-01
    updated: 2021-01-01
    levels:
      - {title: "..\\..\\windows", grades: [EO], skills: [{skill: "../../skill", level: awareness}]}
      - {title: "CON", grades: [EO], skills: [{skill: "../../skill", level: awareness}]}
      - {title: ".hidden/a/b", grades: [EO], skills: [{skill: "../../skill", level: awareness}]}
`

// hostileID gives a role an id that is a path.
const hostileID = `framework: {name: Hostile, source: tests, licence: none}
skill_levels:
  - {id: awareness, name: Awareness}
roles:
  - name: Widget engineer
    id: ../escaped
    levels:
      - {title: Widget engineer}
`

// TestNothingWrittenOutside runs every command that writes a file, with the
// default output names, in a directory of its own, and checks that every
// file it made is inside that directory, whatever the names and ids of the
// framework say.
func TestNothingWrittenOutside(t *testing.T) {
	tests := []struct {
		name string
		data string
		args []string
		code int
	}{
		{"profile role", hostileNames, []string{"profile", "../../../etc/passwd"}, exitOK},
		{"profile level 1", hostileNames, []string{"profile", "../../../etc/passwd", "--level", "1"}, exitOK},
		{"profile level CON", hostileNames, []string{"profile", "../../../etc/passwd", "--level", "2"}, exitOK},
		{"profile level hidden", hostileNames, []string{"profile", "../../../etc/passwd", "--level", "3"}, exitOK},
		{"matrix", hostileNames, []string{"matrix"}, exitOK},
		{"batch", hostileNames, []string{"batch", "-o", "out", "--quiet"}, exitOK},
		{"batch zip", hostileNames, []string{"batch", "--zip", "all.zip", "--quiet"}, exitOK},
		{"convert", hostileNames, []string{"convert", "--to", "csv", "-o", "f.csv"}, exitOK},
		{"id that is a path", hostileID, []string{"profile", "Widget engineer"}, exitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			work := filepath.Join(root, "a", "b", "work")
			if err := os.MkdirAll(work, 0o755); err != nil {
				t.Fatal(err)
			}
			data := filepath.Join(root, "framework.yaml")
			if err := os.WriteFile(data, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Chdir(work)
			_, stderr, code := ddat(t, append([]string{"--data", data}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			var made []string
			err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || path == data {
					return err
				}
				rel, _ := filepath.Rel(work, path)
				if !filepath.IsLocal(rel) {
					t.Errorf("wrote %s, outside %s", path, work)
				}
				made = append(made, rel)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if tt.code == exitOK && len(made) == 0 {
				t.Errorf("wrote nothing")
			}
			if tt.code != exitOK && len(made) > 0 {
				t.Errorf("a failed run wrote %q", made)
			}
			for _, m := range made {
				if strings.HasPrefix(filepath.Base(m), ".") {
					t.Errorf("wrote a hidden file %s", m)
				}
			}
		})
	}
}
