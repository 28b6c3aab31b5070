package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Write writes a file through write so that the file is either complete
// or not there: the bytes go to a temporary file in the same directory, which
// is synced and renamed over path only when write succeeds. A failed write
// leaves whatever was at path before untouched. Temporary files of path
// that a killed run left behind, an hour old or more, are removed.
func Write(path string, write func(w io.Writer) error) error {
	return writeAtomic(path, write, true)
}

// WriteContext is Write that gives up when ctx is cancelled (Ctrl-C):
// writes fail from then on, the temporary file is removed and the error
// matches ErrInterrupted.
func WriteContext(ctx context.Context, path string, write func(w io.Writer) error) error {
	err := writeAtomic(path, func(w io.Writer) error {
		if err := write(Guard(ctx, w)); err != nil {
			return err
		}
		return ctx.Err()
	}, true)
	if ctx.Err() != nil {
		return fmt.Errorf("%w: %s was not written", ErrInterrupted, path)
	}
	return err
}

// WriteUnsynced is Write without the fsync, for many files that are synced
// at once afterwards (a batch's staging directory), which is much faster than
// one fsync a file.
func WriteUnsynced(path string, write func(w io.Writer) error) error {
	return writeAtomic(path, write, false)
}

// writeAtomic writes path through a temporary file renamed over it on
// success. sync is false where many files are synced at once afterwards (a
// batch's staging directory), which is much faster than one fsync a file.
// The error of write itself is returned as it is; the others name path.
func writeAtomic(path string, write func(io.Writer) error, sync bool) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if sync {
		removeStaleTemps(dir, base, time.Now())
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fileError(path, err)
	}
	// Removed on any way out but success, a panic in write included.
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(Named(tmp, path)); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err == nil && sync {
		err = tmp.Sync()
	}
	if err == nil {
		err = tmp.Close()
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fileError(path, err)
	}
	done = true
	return nil
}

// staleTempAge is how long ago a temporary file beside an output must have
// been last written for removeStaleTemps to take it for one a killed run left:
// a run writes its file in seconds, and keeps writing to it until then.
const staleTempAge = time.Hour

// removeStaleTemps removes the temporary files of base in dir that a run killed
// before it could remove them (SIGKILL, a power cut) left behind: those
// named as writeAtomic names them, ".base.DIGITS.tmp", regular files last
// written more than staleTempAge before now. A run writing the same file now
// keeps its own, which is new. Failures are ignored: the file is only
// litter.
func removeStaleTemps(dir, base string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + "."
	for _, e := range entries {
		name := e.Name()
		digits, ok := strings.CutPrefix(name, prefix)
		if digits, ok = strings.CutSuffix(digits, ".tmp"); !ok || digits == "" || strings.Trim(digits, "0123456789") != "" || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleTempAge {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// fileError names the file the user asked for, not the temporary one an
// *fs.PathError would name.
func fileError(path string, err error) error {
	return fmt.Errorf("write %s: %w", path, RootCause(err))
}

// ErrInterrupted is matched by the error of a write whose context was
// cancelled.
var ErrInterrupted = errors.New("interrupted")

// Guard returns a writer that writes to w until ctx is cancelled, and fails
// every write from then on.
func Guard(ctx context.Context, w io.Writer) io.Writer {
	return &guard{ctx: ctx, done: ctx.Done(), w: w}
}

// guard fails every write once ctx is cancelled, so that a writer stops at
// its next write rather than finishing a document no one wants.
type guard struct {
	ctx  context.Context
	done <-chan struct{}
	w    io.Writer
}

func (g *guard) Write(p []byte) (int, error) {
	select {
	case <-g.done:
		return 0, g.ctx.Err()
	default:
		return g.w.Write(p)
	}
}

// Named returns a writer whose errors name the file the user knows, name.
func Named(w io.Writer, name string) io.Writer { return &named{w: w, name: name} }

// named is a writer whose errors name the file the user knows, not
// the temporary or staged file that an *fs.PathError would name.
type named struct {
	w    io.Writer
	name string
}

func (n *named) Write(p []byte) (int, error) {
	c, err := n.w.Write(p)
	if err != nil {
		err = fmt.Errorf("write %s: %w", n.name, RootCause(err))
	}
	return c, err
}

// RootCause is what an error of the file system comes down to, such as
// syscall.ENOSPC, without the names of files on the way: here these
// are staged or temporary files, which mean nothing to the user.
func RootCause(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}
