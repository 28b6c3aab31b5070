package batch

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/ddat-tools/ddat/internal/naming"
)

// ErrNotOurs is matched by the error of a batch, without Options.Force,
// whose output holds what ddat did not write: a file its manifest does not
// list, a file changed since ddat wrote it, or a file that is not a zip
// ddat made.
var ErrNotOurs = errors.New("the output holds files ddat did not write")

// notOursError refuses to replace an output that is someone's work.
type notOursError struct {
	output string // as the user gave it
	what   string // what in it ddat did not write
	other  string // the flag to choose another output
}

func (e *notOursError) Error() string {
	return fmt.Sprintf("batch %s: %s; --force replaces it, or choose another %s", e.output, e.what, e.other)
}

func (e *notOursError) Is(target error) bool { return target == ErrNotOurs }

// ownFiles is what a manifest ddat wrote says of its files, by path.
type ownFiles map[string]ManifestItem

// maxManifest bounds the manifest a batch reads: a manifest of ten thousand
// documents is about 3 MB.
const maxManifest = 64 << 20

// readOwnManifest reads a manifest and reports whether ddat wrote it, and
// whether it was edited since (see Manifest.SHA256): an edit to the
// manifest is someone's work like an edit to a document.
func readOwnManifest(r io.Reader) (own ownFiles, ours, edited bool) {
	data, err := io.ReadAll(io.LimitReader(r, maxManifest))
	if err != nil {
		return nil, false, false
	}
	m, err := ReadManifest(bytes.NewReader(data))
	if err != nil || m.Generator != Generator {
		return nil, false, false
	}
	edited = !m.asWritten(data)
	own = ownFiles{}
	for _, f := range m.Files {
		own[f.Path] = f
	}
	return own, true, edited
}

// changed reports whether a file of size bytes, whose contents open gives,
// is not the one the manifest lists under name. The contents are hashed
// only when the size matches, through buf.
func (own ownFiles) changed(name string, size int64, open func() (io.ReadCloser, error), buf []byte) (bool, error) {
	item := own[name]
	if size != item.Bytes {
		return true, nil
	}
	r, err := open()
	if err != nil {
		return false, err
	}
	defer r.Close()
	h := sha256.New()
	// The bare reader keeps io.CopyBuffer from allocating a buffer per file.
	if _, err := io.CopyBuffer(h, struct{ io.Reader }{r}, buf); err != nil {
		return false, err
	}
	return hex.EncodeToString(h.Sum(nil)) != item.SHA256, nil
}

// dirs returns the directories of the files the manifest lists, parents
// included, by slash-separated path.
func (own ownFiles) dirs() map[string]bool {
	dirs := map[string]bool{}
	for p := range own {
		for d := path.Dir(p); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	return dirs
}

// checkOwnDir returns nil when target, the directory the user named shown,
// is empty or holds only files that its manifest.json, written by ddat,
// lists with the size and SHA-256 they have: such a directory is ddat's to
// replace. Otherwise the error names the first file that is someone's work.
func checkOwnDir(ctx context.Context, target, shown string) error {
	own, err := dirManifest(target, shown)
	if err != nil {
		return err
	}
	return own.verify(ctx, target, shown)
}

// refuseDir is the error of a batch that may not replace shown.
func refuseDir(shown, format string, args ...any) error {
	return &notOursError{output: shown, what: fmt.Sprintf(format, args...), other: "-o DIR"}
}

// dirManifest reads the manifest.json of target, the directory the user
// named shown, and returns the files it lists: none when there is no
// manifest, an error when ddat did not write it or it was edited since.
func dirManifest(target, shown string) (ownFiles, error) {
	data, err := os.ReadFile(filepath.Join(target, naming.ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return ownFiles{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("batch %s: %w", shown, err)
	}
	own, ok, edited := readOwnManifest(bytes.NewReader(data))
	if !ok {
		return nil, refuseDir(shown, "%s is not a manifest ddat wrote", filepath.Join(shown, naming.ManifestFile))
	}
	if edited {
		return nil, refuseDir(shown, "%s was changed after ddat wrote it", filepath.Join(shown, naming.ManifestFile))
	}
	return own, nil
}

// verify returns nil when target, the directory the user named shown,
// holds only the files own lists, with the size and SHA-256 it gives them,
// and the manifest; otherwise the error names the first file that is
// someone's work. It stops early when ctx is cancelled.
func (own ownFiles) verify(ctx context.Context, target, shown string) error {
	var refusal error
	buf := make([]byte, 64<<10)
	dirs := own.dirs()
	err := filepath.WalkDir(target, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, err := filepath.Rel(target, p)
		if err != nil || rel == "." {
			return err
		}
		name, file := filepath.ToSlash(rel), filepath.Join(shown, rel)
		switch {
		case name == naming.ManifestFile:
			return nil
		case d.IsDir():
			if !dirs[name] {
				refusal = refuseDir(shown, "it holds %s%c, a directory no ddat batch made", file, filepath.Separator)
				return filepath.SkipAll
			}
			return nil
		case !d.Type().IsRegular():
			refusal = refuseDir(shown, "it holds %s, which no ddat batch wrote", file)
			return filepath.SkipAll
		}
		if _, listed := own[name]; !listed {
			refusal = refuseDir(shown, "it holds %s, which no ddat batch wrote", file)
			return filepath.SkipAll
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		changed, err := own.changed(name, info.Size(), func() (io.ReadCloser, error) { return os.Open(p) }, buf)
		if err != nil {
			return err
		}
		if changed {
			refusal = refuseDir(shown, "%s was changed after ddat wrote it (its size or SHA-256 is not the one %s gives)", file, naming.ManifestFile)
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("batch %s: %w", shown, err)
	}
	return refusal
}

// checkOwnZip returns nil when file, named shown by the user, does not
// exist or is a zip file that ddat made: a readable zip whose manifest.json,
// written by ddat, lists every other entry with its size and SHA-256. Such
// a file is ddat's to replace; anything else is someone's work.
func checkOwnZip(file, shown string) error {
	refuse := func(format string, args ...any) error {
		return &notOursError{output: shown, what: fmt.Sprintf(format, args...), other: "--zip FILE"}
	}
	fi, err := os.Stat(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("batch %s: %w", shown, err)
	case fi.IsDir():
		return fmt.Errorf("batch %s: is a directory, not a zip file; give --zip the name of a file", shown)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("batch %s: exists and is not a regular file; give the zip file's name", shown)
	}
	zr, err := zip.OpenReader(file)
	if err != nil {
		return refuse("%s is not a zip file ddat made", shown)
	}
	defer zr.Close()
	var (
		own    ownFiles
		edited bool
	)
	if mf, err := zr.Open(naming.ManifestFile); err == nil {
		own, _, edited = readOwnManifest(mf)
		mf.Close()
	}
	if own == nil {
		return refuse("%s is not a zip file ddat made (it holds no manifest.json ddat wrote)", shown)
	}
	if edited {
		return refuse("%s holds %s, which was changed after ddat wrote it", shown, naming.ManifestFile)
	}
	buf := make([]byte, 64<<10)
	for _, f := range zr.File {
		switch {
		case f.Name == naming.ManifestFile:
			continue
		case path.Clean(f.Name) != f.Name || f.FileInfo().IsDir():
			return refuse("%s holds %s, which no ddat batch wrote", shown, f.Name)
		}
		if _, listed := own[f.Name]; !listed {
			return refuse("%s holds %s, which no ddat batch wrote", shown, f.Name)
		}
		changed, err := own.changed(f.Name, int64(f.UncompressedSize64), f.Open, buf)
		if err != nil {
			return refuse("%s is not a zip file ddat made (%s: %v)", shown, f.Name, err)
		}
		if changed {
			return refuse("%s holds %s, which was changed after ddat wrote it (its size or SHA-256 is not the one %s gives)", shown, f.Name, naming.ManifestFile)
		}
	}
	return nil
}
