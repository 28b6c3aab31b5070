package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/ddat-tools/ddat/internal/atomicfile"
)

// prepareDir checks that the batch may replace dir and returns the directory
// it will publish to (dir, or where dir links to) and whether it exists.
// Whether what dir holds is ddat's to replace is checked apart
// (checkOwnDir), while the documents are made.
func prepareDir(dir string) (target string, existed bool, err error) {
	target, err = filepath.Abs(dir)
	if err != nil {
		return "", false, fmt.Errorf("batch %s: %w", dir, err)
	}
	if resolved, err := filepath.EvalSymlinks(target); err == nil {
		target = resolved
	}
	fi, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return "", false, fmt.Errorf("batch %s: %w", dir, err)
		}
		return target, false, nil
	case err != nil:
		return "", false, fmt.Errorf("batch %s: %w", dir, err)
	case !fi.IsDir():
		return "", false, fmt.Errorf("batch %s: exists and is not a directory", dir)
	}
	if wd, err := os.Getwd(); err == nil && within(wd, target) {
		return "", false, fmt.Errorf("batch %s: the output directory would replace the current directory; give a directory below it", dir)
	}
	if filepath.Dir(target) == target {
		return "", false, fmt.Errorf("batch %s: cannot replace a root directory", dir)
	}
	if home, err := os.UserHomeDir(); err == nil && within(home, target) {
		return "", false, fmt.Errorf("batch %s: the output directory would replace your home directory; give a directory below it", dir)
	}
	return target, true, nil
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// dirMode is the permission the published directory gets: the old one's,
// or the usual 0755 for a new one.
func dirMode(target string, existed bool) fs.FileMode {
	if existed {
		if fi, err := os.Stat(target); err == nil {
			return fi.Mode().Perm()
		}
	}
	return 0o755
}

// publish puts the complete staging directory in place of target. Where the
// system can swap two directories in one step (Linux), it does; elsewhere
// the old directory is renamed aside, the new one renamed in, and the old
// one put back if that fails. Either way target is the old directory or
// the new one, and an error means it is the old one.
func publish(staging, target string, existed bool) error {
	if !existed {
		return atomicfile.RootCause(os.Rename(staging, target))
	}
	if exchange(staging, target) == nil {
		// staging now holds the old documents; the new ones are published
		// whether or not the old can be removed.
		os.RemoveAll(staging)
		return nil
	}
	return publishByRenames(staging, target)
}

// publishByRenames replaces target by staging in two renames, putting the
// old directory back if the second fails.
func publishByRenames(staging, target string) error {
	backup, err := os.MkdirTemp(filepath.Dir(target), "."+filepath.Base(target)+".ddat-old-*")
	if err != nil {
		return atomicfile.RootCause(err)
	}
	if err := os.Remove(backup); err != nil {
		return atomicfile.RootCause(err)
	}
	if err := os.Rename(target, backup); err != nil {
		return atomicfile.RootCause(err)
	}
	if err := os.Rename(staging, target); err != nil {
		if rerr := os.Rename(backup, target); rerr != nil {
			return fmt.Errorf("%w; the previous documents are in %s", atomicfile.RootCause(err), backup)
		}
		return atomicfile.RootCause(err)
	}
	os.RemoveAll(backup) // published either way; a leftover is hidden
	return nil
}
