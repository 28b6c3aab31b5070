package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/internal/atomicfile"
	"github.com/ddat-tools/ddat/internal/naming"
)

// Kinds of document in a batch, as the manifest names them.
const (
	KindProfile = "profile" // a role level profile, PDF
	KindRole    = "role"    // a whole role profile, PDF
	KindMatrix  = "matrix"  // the skills matrix, XLSX
	KindHTML    = "html"    // a profile as a web page: a role level's, or a whole role's when Level is ""
	KindIndex   = "index"   // index.html, the page that links to every document

	KindProgression = "progression" // a role's career progression, PDF
	KindInterview   = "interview"   // a role level's interview sheet, PDF or XLSX
)

// Job is one document of a batch: where it goes, what it is, and how to
// write it. Write is called once, from any goroutine, with a writer that
// fails once the batch is cancelled; it returns the document's page count
// (0 when pages mean nothing).
type Job struct {
	Path  string // slash-separated, relative to the output directory
	Kind  string // KindProfile, KindRole, KindMatrix, KindHTML or KindIndex
	Title string // what the document is, for a person: "Senior infrastructure engineer"
	Role  string // role id, for profiles
	Level string // role level id, for level profiles
	Write func(w io.Writer) (pages int, err error)
}

// Options control a batch. The zero value works.
type Options struct {
	Workers   int       // documents made at once; 0 means runtime.NumCPU()
	Force     bool      // replace an output holding files ddat did not write, or changed since
	Framework string    // the framework's name, for the manifest
	Version   string    // ddat's version, for the manifest
	Created   time.Time // creation date for the manifest and zip entries; zero = now
	// Progress, when set, is called after each document is written, from
	// one goroutine at a time, with the number done so far.
	Progress func(done, total int, job *Job)
}

// DocumentError is the error of a batch stopped by one document's failure.
type DocumentError struct {
	Path  string // the document's path in the batch
	Title string
	Err   error
}

func (e *DocumentError) Error() string {
	if e.Title == "" {
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s (%s): %v", e.Title, e.Path, e.Err)
}

func (e *DocumentError) Unwrap() error { return e.Err }

// ErrInterrupted is matched by the error of a batch whose context was
// cancelled before every document was written.
var ErrInterrupted = atomicfile.ErrInterrupted

// Dir writes every job into the directory dir, with a manifest.json,
// and returns the manifest. dir ends up either as it was or holding exactly
// the new documents, never a mix: the documents are made in a staging
// directory beside dir, which replaces dir in one rename when all are
// written. A failure in any document, or ctx being cancelled, stops the
// batch, removes the staging directory and leaves dir alone.
//
// A document that comes out as the one dir holds, byte for byte, is linked
// from dir into the new directory rather than written again: a rerun writes
// only what changed.
//
// dir may not exist (it is created, with its parents) or be empty; a
// directory that holds files must hold only those an earlier batch wrote
// (its manifest.json lists them), unless opts.Force is set: then whatever
// it holds is replaced.
func Dir(ctx context.Context, dir string, jobs []Job, opts Options) (m *Manifest, err error) {
	if err := checkJobs(jobs); err != nil {
		return nil, err
	}
	target, existed, err := prepareDir(dir)
	if err != nil {
		return nil, err
	}
	var prev *previous
	if existed && !opts.Force {
		own, err := dirManifest(target, dir)
		if err != nil {
			return nil, err
		}
		prev = &previous{dir: target, own: own}
	}
	staging, release, err := makeStaging(target, dir)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(staging)
		}
		release()
	}()
	run, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	checked := checkAside(run, cancel, prev, dir)
	shown := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	var s *dirSink
	if s, err = newDirSink(staging, shown, jobs, prev); err == nil {
		m, err = stage(run, s, jobs, opts)
	}
	if cerr := <-checked; cerr != nil && ctx.Err() == nil {
		return nil, cerr
	}
	if err != nil {
		return nil, fmt.Errorf("batch %s: %w (%s left as it was)", dir, err, dir)
	}
	if err = os.Chmod(staging, dirMode(target, existed)); err != nil {
		return nil, fmt.Errorf("batch %s: %w (%s left as it was)", dir, atomicfile.RootCause(err), dir)
	}
	// The documents reach the disk before the directory that holds them
	// replaces the old one, so a power cut cannot publish empty files.
	if err = syncTree(staging); err != nil {
		return nil, fmt.Errorf("batch %s: sync: %w (%s left as it was)", dir, atomicfile.RootCause(err), dir)
	}
	err = publish(staging, target, existed)
	if !existed && errors.Is(err, fs.ErrExist) {
		// Another batch made dir meanwhile: replace it on the same terms.
		if !opts.Force {
			if err = checkOwnDir(ctx, target, dir); err != nil {
				return nil, err
			}
		}
		err = publish(staging, target, true)
	}
	if err != nil {
		return nil, fmt.Errorf("batch %s: put the new documents in place: %w", dir, err)
	}
	return m, nil
}

// checkAside checks, while the new documents are made, that the output
// prev describes, named dir by the user, is ddat's to replace: a refusal
// cancels run. The channel gives the check's result, nil when there is
// nothing to check; nothing may be published before it does.
func checkAside(run context.Context, cancel context.CancelCauseFunc, prev *previous, dir string) <-chan error {
	checked := make(chan error, 1)
	if prev == nil {
		checked <- nil
		return checked
	}
	go func() {
		err := prev.own.verify(run, prev.dir, dir)
		if err != nil {
			cancel(err)
		}
		checked <- err
	}()
	return checked
}

// Zip writes every job into one zip file, with a manifest.json, and
// returns the manifest. Entries are sorted by path and carry opts.Created as
// their time, so the same documents give the same archive. The file appears
// only when complete, renamed into place from a staging directory beside it,
// with its parent directories; on failure or cancellation nothing is left
// and a file that was there stays as it was.
// A file that is there is replaced only if it is a zip ddat made, with the
// documents its manifest lists, unless opts.Force is set.
func Zip(ctx context.Context, file string, jobs []Job, opts Options) (m *Manifest, err error) {
	if err := checkJobs(jobs); err != nil {
		return nil, err
	}
	target, err := filepath.Abs(file)
	if err != nil {
		return nil, fmt.Errorf("batch %s: %w", file, err)
	}
	if resolved, err := filepath.EvalSymlinks(target); err == nil {
		target = resolved // replace the file a link points to, not the link
	}
	if err := checkOwnZip(target, file); err != nil && (!opts.Force || !errors.Is(err, ErrNotOurs)) {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return nil, fmt.Errorf("batch %s: %w", file, err)
	}
	// The documents, then the zip, are made in the staging directory; the
	// zip is renamed into place, so a killed batch leaves nothing but the
	// staging directory, which the next one removes.
	staging, release, err := makeStaging(target, file)
	if err != nil {
		return nil, err
	}
	defer func() {
		os.RemoveAll(staging)
		release()
	}()
	docs := filepath.Join(staging, "documents")
	if err := os.Mkdir(docs, 0o755); err != nil {
		return nil, fmt.Errorf("batch %s: %w", file, atomicfile.RootCause(err))
	}
	s, err := newDirSink(docs, func(string) string { return file }, jobs, nil)
	if err == nil {
		m, err = stage(ctx, s, jobs, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("batch %s: %w", file, err)
	}
	archive := filepath.Join(staging, "documents.zip")
	var zipErr error
	err = atomicfile.Write(archive, func(w io.Writer) error {
		zipErr = writeZip(ctx, atomicfile.Named(w, file), m, func(name string) (io.ReadCloser, error) {
			return os.Open(filepath.Join(docs, filepath.FromSlash(name)))
		})
		return zipErr
	})
	if err != nil && zipErr == nil {
		// Write names the staged file, not the one the user will see.
		err = fmt.Errorf("write %s: %w", file, atomicfile.RootCause(err))
	}
	if err != nil {
		return nil, fmt.Errorf("batch %s: %w", file, err)
	}
	if err := os.Rename(archive, target); err != nil {
		return nil, fmt.Errorf("batch %s: write %s: %w", file, file, atomicfile.RootCause(err))
	}
	return m, nil
}

// checkJobs rejects a batch whose paths could escape the output directory,
// clash, or be refused by some operating system, before anything is written.
func checkJobs(jobs []Job) error {
	files := map[string]string{strings.ToLower(naming.ManifestFile): "the manifest"}
	dirs := map[string]string{}
	for i := range jobs {
		j := &jobs[i]
		if err := naming.CheckPath(j.Path); err != nil {
			return fmt.Errorf("document %d (%s): %w", i+1, j.Title, err)
		}
		switch j.Kind {
		case KindProfile, KindRole, KindMatrix, KindHTML, KindIndex, KindProgression, KindInterview:
		default:
			return fmt.Errorf("document %s: unknown kind %q", j.Path, j.Kind)
		}
		if j.Write == nil {
			return fmt.Errorf("document %s: nothing writes it", j.Path)
		}
		key := strings.ToLower(j.Path)
		if other, ok := files[key]; ok {
			return fmt.Errorf("document %s: same path as %s", j.Path, other)
		}
		if other, ok := dirs[key]; ok {
			return fmt.Errorf("document %s: path is a directory of %s", j.Path, other)
		}
		files[key] = j.Path
		for d := path.Dir(key); d != "."; d = path.Dir(d) {
			if other, ok := files[d]; ok {
				return fmt.Errorf("document %s: path is inside document %s", j.Path, other)
			}
			dirs[d] = j.Path
		}
	}
	return nil
}
