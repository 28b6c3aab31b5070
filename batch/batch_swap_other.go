//go:build !linux

package batch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// exchange is not available here; publish falls back to two renames.
func exchange(a, b string) error { return errors.New("no atomic exchange on this system") }

// syncTree flushes every file under dir to disk, one at a time.
func syncTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
}
