package batch

import (
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
	"runtime"
	"strings"
	"sync"
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
	checked := make(chan error, 1)
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
	// The old documents are checked while the new ones are made: a refusal
	// stops the batch, and nothing is published before the check passes.
	run, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	if prev != nil {
		go func() {
			err := prev.own.verify(run, target, dir)
			if err != nil {
				cancel(err)
			}
			checked <- err
		}()
	} else {
		checked <- nil
	}
	shown := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	m, err = stage(run, staging, shown, jobs, prev, opts)
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
	m, err = stage(ctx, docs, func(string) string { return file }, jobs, nil, opts)
	if err != nil {
		return nil, fmt.Errorf("batch %s: %w", file, err)
	}
	archive := filepath.Join(staging, "documents.zip")
	var zipErr error
	err = atomicfile.Write(archive, func(w io.Writer) error {
		zipErr = writeZip(ctx, atomicfile.Named(w, file), docs, m)
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

// stage writes every job and the manifest into dir, with opts.Workers
// documents at a time, linking those prev holds as they are made again
// (prev may be nil). The first failure cancels the rest. Errors name the
// files by shown, which gives the name a user knows for a path in the batch,
// never the staging directory's.
func stage(ctx context.Context, dir string, shown func(string) string, jobs []Job, prev *previous, opts Options) (*Manifest, error) {
	created := opts.Created
	if created.IsZero() {
		created = time.Now()
	}
	m := &Manifest{
		Generator: Generator,
		Version:   opts.Version,
		Framework: opts.Framework,
		Created:   created.UTC().Truncate(time.Second),
		Files:     make([]ManifestItem, len(jobs)),
	}
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

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, max(1, len(jobs)))
	run, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	type result struct {
		i      int
		item   ManifestItem
		linked bool
		err    error
	}
	next := make(chan int)
	results := make(chan result)
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case next <- i:
			case <-run.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var buf bytes.Buffer // one per worker, reused
			for i := range next {
				item, linked, err := writeJob(run, dir, shown(jobs[i].Path), &jobs[i], &buf, prev)
				if err != nil {
					// Cancel before taking another job; the first cause wins.
					cancel(&DocumentError{Path: jobs[i].Path, Title: jobs[i].Title, Err: err})
				}
				results <- result{i, item, linked, err}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	done := 0
	for r := range results {
		if r.err != nil {
			continue
		}
		m.Files[r.i] = r.item
		if r.linked {
			m.Unchanged++
		}
		done++
		if opts.Progress != nil {
			opts.Progress(done, len(jobs), &jobs[r.i])
		}
	}
	// A cancelled context is the cause of the failures it provoked.
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%w after %d of %d documents: %w", ErrInterrupted, done, len(jobs), context.Cause(ctx))
	}
	if err := context.Cause(run); err != nil {
		return nil, err
	}
	err := atomicfile.WriteUnsynced(filepath.Join(dir, naming.ManifestFile), func(w io.Writer) error { return m.Encode(w) })
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", shown(naming.ManifestFile), atomicfile.RootCause(err))
	}
	// Encode sorted a copy; the caller gets the same order as the file.
	sortItems(m.Files)
	return m, nil
}

// writeJob makes one document, through buf, puts it into dir (linked
// from prev when it holds the same bytes: then linked is true) and
// describes it for the manifest. A panic in the exporter is the document's error, not the end
// of the process with a staging directory left behind. Errors of the file
// system name the document as shown.
func writeJob(ctx context.Context, dir, shown string, j *Job, buf *bytes.Buffer, prev *previous) (item ManifestItem, linked bool, err error) {
	if err := ctx.Err(); err != nil {
		return item, false, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	// Documents are made in memory, hashed, then written whole: a few
	// hundred kilobytes a worker, and the hash decides whether to write.
	buf.Reset()
	pages, err := j.Write(atomicfile.Guard(ctx, buf))
	if err != nil {
		return item, false, err
	}
	sum := sha256.Sum256(buf.Bytes())
	item = ManifestItem{
		Path:   j.Path,
		Kind:   j.Kind,
		Title:  j.Title,
		Role:   j.Role,
		Level:  j.Level,
		Pages:  pages,
		Bytes:  int64(buf.Len()),
		SHA256: hex.EncodeToString(sum[:]),
	}
	file := filepath.Join(dir, filepath.FromSlash(j.Path))
	if prev.link(j.Path, item, file) {
		return item, true, nil
	}
	if err := writeStaged(file, buf.Bytes()); err != nil {
		return item, false, fmt.Errorf("write %s: %w", shown, atomicfile.RootCause(err))
	}
	return item, false, nil
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
