package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes a file through write so that the file is either complete
// or not there: the bytes go to a temporary file in the same directory, which
// is synced and renamed over path only when write succeeds. A failed write
// leaves whatever was at path before untouched.
func WriteFile(path string, write func(w io.Writer) error) error {
	return writeAtomic(path, write, true)
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
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
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
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
