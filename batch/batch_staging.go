package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// A batch builds its output in a staging directory beside it, hidden and
// named after it (".out.ddat-tmp-123456"), so that publishing it is one
// rename on the same file system. The staging directory is locked while
// the batch runs: one left by a batch that was killed is unlocked, and the
// next batch into the same output removes it.

// errStagingTaken is the error of locking a staging directory that another
// batch holds or removed.
var errStagingTaken = errors.New("staging directory taken by another batch")

// stagingPrefix is the start of the names of target's staging directories;
// a string of digits follows (os.MkdirTemp).
func stagingPrefix(target string) string { return "." + filepath.Base(target) + ".ddat-tmp-" }

// makeStaging removes the staging directories that batches into target
// left behind, then creates and locks target's own. shown is target as
// the user named it, for errors; release unlocks the directory.
func makeStaging(target, shown string) (dir string, release func(), err error) {
	removeStale(target)
	for range 5 {
		dir, err := os.MkdirTemp(filepath.Dir(target), stagingPrefix(target)+"*")
		if err != nil {
			return "", nil, stagingError(target, shown, err)
		}
		release, err := lockStaging(dir)
		switch {
		case err == nil:
			return dir, release, nil
		case !errors.Is(err, errStagingTaken):
			// The file system cannot lock (some network ones): batches go
			// unlocked, and take no staging directory for stale (claimStale).
			return dir, func() {}, nil
		}
		// Another batch took it for a stale one before it was locked, and
		// removes it: make another.
	}
	return "", nil, fmt.Errorf("batch %s: cannot lock a staging directory beside it", shown)
}

// removeStale removes the staging directories of target that no running
// batch holds. It does its best: what cannot be removed stays hidden.
func removeStale(target string) {
	parent, prefix := filepath.Dir(target), stagingPrefix(target)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		digits, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() || digits == "" || strings.Trim(digits, "0123456789") != "" {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if release, ok := claimStale(dir, e); ok {
			os.RemoveAll(dir)
			release()
		}
	}
}

// stagingError explains a staging directory that cannot be made: most
// often the directory that holds the output is not writable, though the
// output itself may be.
func stagingError(target, shown string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return fmt.Errorf("batch %s: %s, the parent directory of %s, must be writable (%w), because ddat builds the new output beside it and swaps it in; choose another -o or --zip",
			shown, filepath.Dir(target), shown, err)
	}
	return fmt.Errorf("batch %s: cannot make a staging directory in %s: %w", shown, filepath.Dir(target), err)
}
