package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// zipEpoch is the modification time of every archive entry: the earliest a
// zip file can record, so that no clock leaks into the bytes.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// sortedZip is an excelize.ZipWriter that makes an archive byte-stable:
// excelize writes streamed sheets in map order, so sortedZip keeps every
// entry until Close and then writes them in a fixed order (the content types
// first, as Office expects, then by name) with fixed times and one
// compression level.
type sortedZip struct {
	w       io.Writer
	entries map[string]*bytes.Buffer
}

// newSortedZip returns a sortedZip writing to w; it fits
// excelize.File.SetZipWriter.
func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{w: w, entries: map[string]*bytes.Buffer{}}
}

// Create starts an entry; writing the same name twice replaces it.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	b := new(bytes.Buffer)
	z.entries[name] = b
	return b, nil
}

// AddFS adds every regular file of fsys.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("zip %s: %w", name, err)
		}
		z.entries[name] = bytes.NewBuffer(data)
		return nil
	})
}

// Close writes the archive.
func (z *sortedZip) Close() error {
	names := make([]string, 0, len(z.entries))
	for name := range z.entries {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		if ra, rb := entryRank(a), entryRank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	zw := zip.NewWriter(z.w)
	// One compressor serves every entry in turn: a new one per entry costs
	// more than half a megabyte, and a workbook can have hundreds of entries.
	var comp *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		if comp == nil {
			c, err := flate.NewWriter(w, flate.DefaultCompression)
			if err != nil {
				return nil, err
			}
			comp = c
		} else {
			comp.Reset(w)
		}
		return comp, nil
	})
	for _, name := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipEpoch})
		if err != nil {
			return fmt.Errorf("zip %s: %w", name, err)
		}
		if _, err := z.entries[name].WriteTo(fw); err != nil {
			return fmt.Errorf("zip %s: %w", name, err)
		}
		delete(z.entries, name)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("zip: %w", err)
	}
	return nil
}

// entryRank puts [Content_Types].xml and the package relationships first,
// where readers that sniff the format look for them.
func entryRank(name string) int {
	switch name {
	case "[Content_Types].xml":
		return 0
	case "_rels/.rels":
		return 1
	}
	return 2
}
