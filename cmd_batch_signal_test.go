package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/ddat-tools/ddat/formats"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/model"
)

// writeSynthYAML writes a synthetic framework of the given size as a YAML
// --data file and returns its path.
func writeSynthYAML(t *testing.T, size synth.Size, edit func(fw *model.Framework)) string {
	t.Helper()
	fw := synth.Framework(size)
	if edit != nil {
		edit(fw)
	}
	var buf bytes.Buffer
	if err := formats.Write(&buf, fw, formats.FormatYAML); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "synthetic.yaml")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestBatchSynthetic runs a batch on a synthetic framework loaded from a
// file, as a user with their own data would.
func TestBatchSynthetic(t *testing.T) {
	t.Parallel()
	data := writeSynthYAML(t, synth.Size{Families: 2, Roles: 6, LevelsPerRole: 4, Skills: 40}, nil)
	_, m := batchDir(t, "--data", data, "-q")
	if len(m.Files) != 6*4+6+1 {
		t.Errorf("%d documents, want %d", len(m.Files), 6*4+6+1)
	}
}

// TestBatchDocumentError checks that one document that cannot be made
// stops the batch with an error naming it, and leaves no output.
func TestBatchDocumentError(t *testing.T) {
	t.Parallel()
	data := writeSynthYAML(t, synth.Size{Families: 2, Roles: 6, LevelsPerRole: 4, Skills: 40}, func(fw *model.Framework) {
		fw.Roles[3].Levels[2].Summary = "A level for \U0001F600 people."
	})
	fw, err := formats.ReadFile(data, formats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The role profile holds the level too; whichever is made first fails.
	role := &fw.Roles[3]
	out := filepath.Join(t.TempDir(), "out")
	_, stderr, code := ddat(t, "batch", "--data", data, "-o", out)
	if code != exitError {
		t.Fatalf("exit %d, want %d; stderr %s", code, exitError, stderr)
	}
	for _, want := range []string{role.Name, role.ID + ".pdf", "U+1F600", "left as it was"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q does not name %q", stderr, want)
		}
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed batch left %s: %v", out, err)
	}
	checkOnly(t, filepath.Dir(out))
}

// checkOnly fails if dir holds anything but names.
func checkOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		found := false
		for _, n := range names {
			found = found || e.Name() == n
		}
		if !found {
			t.Errorf("%s left in %s", e.Name(), dir)
		}
	}
}

// TestBatchSignalChild is the ddat process that TestBatchSignal interrupts.
func TestBatchSignalChild(t *testing.T) {
	args := os.Getenv("DDAT_TEST_CHILD_ARGS")
	if args == "" {
		t.Skip("run by TestBatchSignal")
	}
	os.Exit(run(append([]string{"ddat"}, strings.Split(args, "\x1f")...), os.Stdout, os.Stderr))
}

// TestBatchSignal interrupts a running "ddat batch" process with SIGINT and
// SIGTERM, as Ctrl-C or a service manager would, and checks that the
// output directory is as it was and nothing partial is left.
func TestBatchSignal(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no signals to send on Windows")
	}
	data := writeSynthYAML(t, synth.Size{Families: 3, Roles: 40, LevelsPerRole: 5, Skills: 100}, nil)
	for _, tc := range []struct {
		name   string
		sig    syscall.Signal
		before bool
	}{
		{"interrupt, new directory", syscall.SIGINT, false},
		{"terminate, over a previous batch", syscall.SIGTERM, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			if tc.before {
				if _, stderr, code := ddat(t, "batch", "-o", out, "--only", "matrix", "-q"); code != exitOK {
					t.Fatal(stderr)
				}
			}
			before := treeOf(t, out)
			// Interrupt once some documents are in the staging directory.
			msg := signalChild(t, []string{"batch", "--data", data, "-o", out, "-j", "2"},
				func() bool { return countPDFs(parent) >= 5 }, tc.sig, exitError)
			for _, want := range []string{"interrupted after", "signal received", "left as it was"} {
				if !strings.Contains(msg, want) {
					t.Errorf("stderr %q does not say %q", msg, want)
				}
			}
			if after := treeOf(t, out); after != before {
				t.Errorf("the output directory changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
			if tc.before {
				checkOnly(t, parent, "out")
			} else {
				checkOnly(t, parent)
			}
		})
	}
}

// countPDFs counts the PDFs anywhere under dir.
func countPDFs(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".pdf") {
			n++
		}
		return nil
	})
	return n
}

// treeOf lists what is under dir with the hash of each file's contents,
// "" when dir does not exist.
func treeOf(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		data, _ := os.ReadFile(p)
		fmt.Fprintf(&b, "%s %x\n", rel, sha256.Sum256(data))
		return nil
	})
	return b.String()
}

// TestBatchKilled kills a running batch with SIGKILL, which it cannot
// catch, and checks that the next batch into the same output removes the
// staging directory the killed one left.
func TestBatchKilled(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no signals to send on Windows")
	}
	data := writeSynthYAML(t, synth.Size{Families: 3, Roles: 40, LevelsPerRole: 5, Skills: 100}, nil)
	for _, flag := range []string{"-o", "--zip"} {
		t.Run(flag, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			signalChild(t, []string{"batch", "--data", data, flag, out, "-j", "2"},
				func() bool { return countPDFs(parent) >= 5 }, os.Kill, 0)
			if left, _ := filepath.Glob(filepath.Join(parent, ".out.ddat-tmp-*")); len(left) != 1 {
				t.Fatalf("the killed batch left %v, want its staging directory", left)
			}
			if _, stderr, code := ddat(t, "batch", flag, out, "--only", "matrix", "-q"); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkOnly(t, parent, "out")
		})
	}
}
