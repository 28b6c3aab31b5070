package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/internal/synth"
)

// TestSignalLeavesNoPartialFile interrupts single-document commands while
// they write, as Ctrl-C would, and checks that no file, temporary or not, is
// left and that an existing file is kept.
func TestSignalLeavesNoPartialFile(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no signals to send on Windows")
	}
	if testing.Short() {
		t.Skip("slow: runs ddat in child processes")
	}
	// Big enough that a matrix takes a while to write, so the signal comes
	// while the temporary file is open.
	data := writeSynthYAML(t, synth.Size{Families: 4, Roles: 60, LevelsPerRole: 5, Skills: 200}, nil)
	for _, tc := range []struct {
		name string
		args []string
		out  string
		sig  syscall.Signal
		old  bool // a file of the same name exists before
	}{
		{"MatrixInterrupt", []string{"matrix", "--per-role", "-o"}, "m.xlsx", syscall.SIGINT, false},
		{"MatrixTerminateKeepsOld", []string{"matrix", "--per-role", "-o"}, "m.xlsx", syscall.SIGTERM, true},
		{"ConvertInterrupt", []string{"convert", "--to", "xlsx", "-o"}, "f.xlsx", syscall.SIGINT, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			out := filepath.Join(dir, tc.out)
			if tc.old {
				if err := os.WriteFile(out, []byte("the user's file"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := append([]string{"--data", data}, append(tc.args, out)...)
			// Interrupt once the temporary file exists: the document is being made.
			stderr := signalChild(t, args, func() bool { return hasTemp(dir) }, tc.sig, exitError)
			if !strings.Contains(stderr, "interrupted") {
				t.Errorf("stderr %q does not say it was interrupted", stderr)
			}
			if tc.old {
				if b, _ := os.ReadFile(out); string(b) != "the user's file" {
					t.Errorf("the existing %s was changed", tc.out)
				}
				checkOnly(t, dir, tc.out)
			} else {
				checkOnly(t, dir)
			}
		})
	}
}

func hasTemp(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			return true
		}
	}
	return false
}

// signalChild runs ddat with args in a child process, sends it sig once
// ready reports true (or after a minute), and checks that it exits with
// code; it returns what the child wrote to stderr.
func signalChild(t *testing.T, args []string, ready func() bool, sig os.Signal, code int) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestBatchSignalChild$")
	cmd.Env = append(os.Environ(), "DDAT_TEST_CHILD_ARGS="+strings.Join(args, "\x1f"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(time.Minute); !ready() && time.Now().Before(deadline); {
		time.Sleep(2 * time.Millisecond)
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	switch {
	case sig == os.Kill:
		// A killed process has no exit code to check.
	case err == nil && code == exitOK:
	case !errors.As(err, &exit) || exit.ExitCode() != code:
		t.Fatalf("child ended with %v, want exit %d; stderr:\n%s", err, code, stderr.String())
	}
	return stderr.String()
}
