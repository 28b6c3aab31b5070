package batch

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// TestStagingError checks the explanation of a staging directory that
// cannot be made; TestBatchParentNotWritable makes one for real, where the
// tests do not run as root.
func TestStagingError(t *testing.T) {
	for _, tc := range []struct {
		errno syscall.Errno
		want  string
	}{
		{syscall.EACCES, "/srv/ro, the parent directory of ro/out, must be writable (permission denied), because ddat builds the new output beside it and swaps it in; choose another -o or --zip"},
		{syscall.EROFS, "must be writable"},
		{syscall.ENOSPC, "batch ro/out: cannot make a staging directory in /srv/ro: no space left on device"},
	} {
		err := stagingError("/srv/ro/out", "ro/out", &fs.PathError{Op: "mkdir", Path: "/srv/ro/.out.ddat-tmp-123", Err: tc.errno})
		if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "ddat-tmp") {
			t.Errorf("%v: err = %q, want %q", tc.errno, err, tc.want)
		}
		if !errors.Is(err, tc.errno) {
			t.Errorf("%v: err = %v does not match it", tc.errno, err)
		}
	}
}
