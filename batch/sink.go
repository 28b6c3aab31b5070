package batch

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sync"

	"github.com/ddat-tools/ddat/internal/atomicfile"
	"github.com/ddat-tools/ddat/internal/naming"
)

// dirSink puts documents into a staging directory, each as its own file
// (linked from prev when it holds the same bytes), and the manifest as
// manifest.json. Errors name files by shown, which gives the name a user
// knows for a path in the batch, never the staging directory's.
type dirSink struct {
	dir   string
	shown func(string) string
	prev  *previous // nil: nothing to reuse
}

// newDirSink makes the directories of jobs in dir.
func newDirSink(dir string, shown func(string) string, jobs []Job, prev *previous) (*dirSink, error) {
	made := map[string]bool{}
	for i := range jobs {
		d := path.Dir(jobs[i].Path)
		if d != "." && !made[d] {
			if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
				return nil, fmt.Errorf("make %s: %w", shown(d), atomicfile.RootCause(err))
			}
			made[d] = true
		}
	}
	return &dirSink{dir: dir, shown: shown, prev: prev}, nil
}

func (s *dirSink) put(j *Job, item ManifestItem, data []byte) (bool, error) {
	file := filepath.Join(s.dir, filepath.FromSlash(j.Path))
	if s.prev.link(j.Path, item, file) {
		return true, nil
	}
	if err := writeStaged(file, data); err != nil {
		return false, fmt.Errorf("write %s: %w", s.shown(j.Path), atomicfile.RootCause(err))
	}
	return false, nil
}

func (s *dirSink) manifest(m *Manifest) error {
	err := atomicfile.WriteUnsynced(filepath.Join(s.dir, naming.ManifestFile), func(w io.Writer) error { return m.Encode(w) })
	if err != nil {
		return fmt.Errorf("write %s: %w", s.shown(naming.ManifestFile), atomicfile.RootCause(err))
	}
	return nil
}

// writeStaged writes a document into the staging directory. It needs no
// temporary file: the staging directory is published whole or removed.
// Files are not synced one by one either: the staging directory is synced
// once, before it is published (syncTree).
func writeStaged(file string, data []byte) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644) // whatever the umask, as every output of ddat
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// memSink keeps documents, and the manifest's bytes, in memory by path.
type memSink struct {
	mu   sync.Mutex
	docs map[string][]byte
}

func (s *memSink) put(j *Job, _ ManifestItem, data []byte) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[j.Path] = bytes.Clone(data) // data is the worker's buffer
	return false, nil
}

func (s *memSink) manifest(m *Manifest) error {
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return err
	}
	s.docs[naming.ManifestFile] = buf.Bytes()
	return nil
}

// open returns a reader of the document at path.
func (s *memSink) open(p string) (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(s.docs[p])), nil
}
