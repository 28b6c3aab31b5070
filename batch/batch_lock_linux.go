package batch

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// lockStaging takes an advisory lock (flock) on dir, held until release:
// while it is held, no other batch takes dir for stale. The error matches
// errStagingTaken if another process holds the lock, or removed dir before
// it was locked.
func lockStaging(dir string) (release func(), err error) {
	f, err := os.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errStagingTaken
	}
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, errStagingTaken
		}
		return nil, err
	}
	// dir may have been removed, by a batch that locked it first, between
	// the open and the lock; the lock is then on nothing anyone can see.
	locked, err := f.Stat()
	if err == nil {
		var now fs.FileInfo
		if now, err = os.Lstat(dir); err == nil && !os.SameFile(locked, now) || errors.Is(err, fs.ErrNotExist) {
			err = errStagingTaken
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// claimStale locks dir, a staging directory, if no running batch holds it.
func claimStale(dir string, _ fs.DirEntry) (release func(), ok bool) {
	release, err := lockStaging(dir)
	return release, err == nil
}
