//go:build !linux

package batch

import (
	"io/fs"
	"time"
)

// staleAge is how old a staging directory must be, where batches do not
// lock them, before another batch takes it for one left by a killed batch.
const staleAge = time.Hour

// lockStaging does nothing here: batches do not lock their staging
// directories on this system, and claimStale goes by age instead.
func lockStaging(dir string) (release func(), err error) { return func() {}, nil }

// claimStale reports whether dir, a staging directory, was last changed
// more than staleAge ago: no batch takes that long.
func claimStale(dir string, e fs.DirEntry) (release func(), ok bool) {
	info, err := e.Info()
	return func() {}, err == nil && time.Since(info.ModTime()) > staleAge
}
