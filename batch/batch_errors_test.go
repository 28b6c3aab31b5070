package batch_test

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/batch"
)

// noTempNames fails if err names a staged or temporary file, which means
// nothing to the user.
func noTempNames(t *testing.T, err error) {
	t.Helper()
	if msg := err.Error(); strings.Contains(msg, "ddat-tmp") || strings.Contains(msg, ".tmp") {
		t.Errorf("err = %q names a temporary file", msg)
	}
}

// TestBatchWriteErrors makes writing fail in the staging directory, where
// the error would name files the user never sees, and checks that it names
// the destination instead.
func TestBatchWriteErrors(t *testing.T) {
	const victim = "family-1/role-0/3-level.pdf"
	for _, tc := range []struct {
		name string
		zip  bool
		// block, called while the batch runs, puts a directory where the
		// batch is about to rename a file, given the staging directory.
		block string
		want  string // in the error, after the output's name
	}{
		{"document", false, victim, filepath.FromSlash("/" + victim)},
		{"document in a zip", true, "documents/" + victim, ""},
		{"the zip", true, "documents.zip", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			if tc.zip {
				out += ".zip"
			}
			jobs := fakeJobs(6)
			for i := range jobs {
				if jobs[i].Path != victim {
					continue
				}
				w := jobs[i].Write
				jobs[i].Write = func(wr io.Writer) (int, error) {
					staging, _ := filepath.Glob(filepath.Join(parent, ".*.ddat-tmp-*"))
					if len(staging) != 1 {
						return 0, errors.New("no staging directory")
					}
					mkdirT(t, filepath.Join(staging[0], filepath.FromSlash(tc.block), "x"))
					return w(wr)
				}
			}
			var err error
			if tc.zip {
				_, err = batch.Zip(context.Background(), out, jobs, batchOpts(1))
			} else {
				_, err = batch.Dir(context.Background(), out, jobs, batchOpts(1))
			}
			if err == nil {
				t.Fatal("no error")
			}
			if want := "write " + out + tc.want + ":"; !strings.Contains(err.Error(), want) {
				t.Errorf("err = %q, want %q", err, want)
			}
			if !errors.Is(err, fs.ErrExist) {
				t.Errorf("err = %v, want it to match fs.ErrExist", err)
			}
			noTempNames(t, err)
			checkNoLeftovers(t, parent)
		})
	}
}

// TestBatchParentNotWritable runs a batch into a writable directory whose
// parent is not: the new output is built beside the old one, so the error
// must say that the parent must be writable.
func TestBatchParentNotWritable(t *testing.T) {
	if asNobody(t) {
		return
	}
	parent := filepath.Join(t.TempDir(), "ro")
	out := filepath.Join(parent, "out")
	previousBatch(t, out)
	if err := os.Chmod(parent, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(parent, 0o755) })
	for _, run := range []func() error{
		func() error {
			_, err := batch.Dir(context.Background(), out, fakeJobs(3), batchOpts(1))
			return err
		},
		func() error {
			_, err := batch.Zip(context.Background(), filepath.Join(out, "..", "out.zip"), fakeJobs(3), batchOpts(1))
			return err
		},
	} {
		err := run()
		if err == nil || !strings.Contains(err.Error(), parent+", the parent directory of ") ||
			!strings.Contains(err.Error(), "must be writable") || !strings.Contains(err.Error(), "choose another -o or --zip") {
			t.Errorf("err = %v, want it to say the parent must be writable", err)
		}
		if !errors.Is(err, fs.ErrPermission) {
			t.Errorf("err = %v, want it to match fs.ErrPermission", err)
		}
		noTempNames(t, err)
	}
}
