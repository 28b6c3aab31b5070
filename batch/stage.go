package batch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/ddat-tools/ddat/internal/atomicfile"
)

// sink is where stage puts the documents it makes, and their manifest.
type sink interface {
	// put stores one document, from any goroutine; kept reports that it
	// was already there, as the output replaced held it.
	put(j *Job, item ManifestItem, data []byte) (kept bool, err error)
	// manifest stores the manifest once every document is in.
	manifest(m *Manifest) error
}

// stage makes every job, opts.Workers documents at a time, puts each into
// s as it is made, then the manifest. The first failure cancels the rest.
func stage(ctx context.Context, s sink, jobs []Job, opts Options) (*Manifest, error) {
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
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, max(1, len(jobs)))
	run, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	type result struct {
		i    int
		item ManifestItem
		kept bool
		err  error
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
				j := &jobs[i]
				item, err := makeDocument(run, j, &buf)
				kept := false
				if err == nil {
					kept, err = s.put(j, item, buf.Bytes())
				}
				if err != nil {
					// Cancel before taking another job; the first cause wins.
					cancel(&DocumentError{Path: j.Path, Title: j.Title, Err: err})
				}
				results <- result{i, item, kept, err}
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
		if r.kept {
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
	if err := s.manifest(m); err != nil {
		return nil, err
	}
	// Encode sorted a copy; the caller gets the same order as the file.
	sortItems(m.Files)
	return m, nil
}

// makeDocument makes one document into buf and describes it for the
// manifest. Documents are made in memory, a few hundred kilobytes a
// worker, and hashed before they are stored: the hash decides whether a
// directory sink writes them at all. A panic in the exporter is the
// document's error, not the end of the process with a staging directory
// left behind.
func makeDocument(ctx context.Context, j *Job, buf *bytes.Buffer) (item ManifestItem, err error) {
	if err := ctx.Err(); err != nil {
		return item, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	buf.Reset()
	pages, err := j.Write(atomicfile.Guard(ctx, buf))
	if err != nil {
		return item, err
	}
	sum := sha256.Sum256(buf.Bytes())
	return ManifestItem{
		Path:   j.Path,
		Kind:   j.Kind,
		Title:  j.Title,
		Role:   j.Role,
		Level:  j.Level,
		Pages:  pages,
		Bytes:  int64(buf.Len()),
		SHA256: hex.EncodeToString(sum[:]),
	}, nil
}
