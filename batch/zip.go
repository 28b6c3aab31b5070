package batch

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"path"
	"slices"
	"time"

	"github.com/ddat-tools/ddat/internal/atomicfile"
	"github.com/ddat-tools/ddat/internal/naming"
)

// zipMinTime is the earliest time a zip entry can record (MS-DOS dates start
// in 1980); earlier creation dates, such as SOURCE_DATE_EPOCH=0, are
// clamped to it.
var zipMinTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteZip makes every job and writes them to w as one zip file, with a
// manifest.json, the bytes Zip writes into its file for the same jobs and
// options, and returns the manifest. The documents are held in memory
// until the archive is written: give it a batch of a size to hold, such as
// what a web page offers to download.
func WriteZip(ctx context.Context, w io.Writer, jobs []Job, opts Options) (*Manifest, error) {
	if err := checkJobs(jobs); err != nil {
		return nil, err
	}
	s := &memSink{docs: map[string][]byte{}}
	m, err := stage(ctx, s, jobs, opts)
	if err != nil {
		return nil, err
	}
	if err := writeZip(ctx, w, m, s.open); err != nil {
		return nil, err
	}
	return m, nil
}

// writeZip archives the files of m, and the manifest, each read from what
// open gives for its path. Entries come sorted by path with m.Created as
// their time and fixed permissions, so the same files give the same
// archive. PDFs and workbooks are compressed already and are stored as
// they are; the rest is deflated.
func writeZip(ctx context.Context, w io.Writer, m *Manifest, open func(name string) (io.ReadCloser, error)) error {
	names := make([]string, 0, len(m.Files)+1)
	for _, f := range m.Files {
		names = append(names, f.Path)
	}
	names = append(names, naming.ManifestFile)
	slices.Sort(names)
	modified := m.Created.UTC()
	if modified.Before(zipMinTime) {
		modified = zipMinTime
	}
	zw := zip.NewWriter(w)
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%w: %w", ErrInterrupted, err)
		}
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified}
		switch path.Ext(name) {
		case ".pdf", ".xlsx":
			h.Method = zip.Store
		}
		h.SetMode(0o644)
		if err := addFile(zw, h, name, open); err != nil {
			return fmt.Errorf("zip %s: %w", name, atomicfile.RootCause(err))
		}
	}
	return zw.Close()
}

func addFile(zw *zip.Writer, h *zip.FileHeader, name string, open func(string) (io.ReadCloser, error)) error {
	f, err := open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	dst, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, f)
	return err
}
