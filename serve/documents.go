package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sync"
	"time"
)

// document is a made document: its bytes and their SHA-256, the ETag.
type document struct {
	data []byte
	etag string
}

// documents makes documents on request, at most workers at once, and keeps
// them in memory up to a number of bytes: the framework and the options do
// not change while the server runs, so a document made once is the same
// bytes on every later request. Requests for a document being made wait
// for it rather than make it again.
type documents struct {
	sem chan struct{}

	mu       sync.Mutex
	cache    map[string]*document
	size     int64 // bytes held in cache
	limit    int64
	inflight map[string]*making
}

// making is a document being made, which other requests wait for.
type making struct {
	done chan struct{}
	doc  *document
	err  error
}

func newDocuments(workers int, limit int64) *documents {
	return &documents{
		sem:      make(chan struct{}, workers),
		cache:    map[string]*document{},
		limit:    limit,
		inflight: map[string]*making{},
	}
}

// errBusy is the error of a request that waited too long for a worker.
var errBusy = errors.New("serve: too busy")

// get returns the document key names, made by write when it is not held.
// A request that gives up (its context is done) while it waits gets the
// context's error; the making goes on for the others.
func (d *documents) get(ctx context.Context, key string, write func(io.Writer) error) (*document, error) {
	d.mu.Lock()
	if doc, ok := d.cache[key]; ok {
		d.mu.Unlock()
		return doc, nil
	}
	m, ok := d.inflight[key]
	if !ok {
		m = &making{done: make(chan struct{})}
		d.inflight[key] = m
		go d.make(key, m, write)
	}
	d.mu.Unlock()
	select {
	case <-m.done:
		return m.doc, m.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// make makes one document with a worker, then hands it to every waiting
// request and to the cache.
func (d *documents) make(key string, m *making, write func(io.Writer) error) {
	d.sem <- struct{}{}
	var buf bytes.Buffer
	err := func() (err error) {
		// A panic here would end the server, not one request.
		defer func() {
			if v := recover(); v != nil {
				err = fmt.Errorf("%s: %v", key, v)
			}
		}()
		return write(&buf)
	}()
	<-d.sem
	if err == nil {
		sum := sha256.Sum256(buf.Bytes())
		m.doc = &document{data: buf.Bytes(), etag: `"` + hex.EncodeToString(sum[:]) + `"`}
	}
	m.err = err
	d.mu.Lock()
	delete(d.inflight, key)
	if err == nil && d.size+int64(len(m.doc.data)) <= d.limit {
		d.cache[key] = m.doc
		d.size += int64(len(m.doc.data))
	}
	d.mu.Unlock()
	close(m.done)
}

// send answers with a document: its type, its ETag (so a browser asking
// again with If-None-Match gets 304), and, for a download, its file name.
func send(w http.ResponseWriter, r *http.Request, doc *document, contentType, filename string, download bool) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("ETag", doc.etag)
	h.Set("Cache-Control", "no-cache") // revalidate: the ETag makes that cheap
	if filename != "" {
		disposition := "inline"
		if download {
			disposition = "attachment"
		}
		h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": filename}))
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(doc.data))
}
