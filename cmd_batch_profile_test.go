package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/ddat-tools/ddat/batch"
)

// TestBatchSameAsProfile: a profile made by ddat batch has the same bytes
// as the one ddat profile makes with the same options, on each of the fonts'
// paths: the fast one (all its characters are in cp1252), the cut TrueType
// files (a Welsh letter in the organisation's name) or the whole ones (the
// framework or the organisation's name has a rarer one).
func TestBatchSameAsProfile(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	small, err := os.ReadFile(filepath.Join("testdata", "frameworks", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	greek := filepath.Join(t.TempDir(), "greek.yaml")
	if err := os.WriteFile(greek, bytes.Replace(small, []byte("explain what a widget is"), []byte("explain what a widget Ω is"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string // for both commands
		role string
		kind string
	}{
		{"default level", nil, "infrastructure-engineer", batch.KindProfile},
		{"default role", nil, "infrastructure-engineer", batch.KindRole},
		{"organisation", []string{"--organisation", "Cyngor Sir Ŵ – “Org”"}, "infrastructure-operations-engineer", batch.KindProfile},
		{"rare character in the organisation", []string{"--organisation", "Ωmega"}, "infrastructure-engineer", batch.KindProfile},
		{"rare character in the framework", []string{"--data", greek}, "widget-engineer", batch.KindProfile},
		{"rare character in the framework, role", []string{"--data", greek}, "widget-engineer", batch.KindRole},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, m := batchDir(t, append([]string{"--only", "profiles,roles", "--role", tc.role}, tc.args...)...)
			n := 0
			for _, item := range m.Files {
				if item.Kind != tc.kind || item.Role != tc.role {
					continue
				}
				n++
				args := append([]string{"profile", tc.role, "-o", "-"}, tc.args...)
				if item.Level != "" {
					args = append(args, "--level", item.Level)
				}
				stdout, stderr, code := ddat(t, args...)
				if code != exitOK {
					t.Fatalf("ddat %v: exit %d: %s", args, code, stderr)
				}
				batch, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(item.Path)))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(batch, []byte(stdout)) {
					t.Errorf("%s: %d bytes from batch, %d from ddat %v; want the same bytes", item.Path, len(batch), len(stdout), args)
				}
			}
			if n == 0 {
				t.Fatalf("no %s document of %s in the batch", tc.kind, tc.role)
			}
		})
	}
}
