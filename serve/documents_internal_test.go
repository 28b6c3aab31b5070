package serve

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestDocumentsGet: a document is made once however many ask for it at
// once, at most workers at a time, kept within the byte limit, and a
// writer's panic is that document's error, not the server's end.
func TestDocumentsGet(t *testing.T) {
	d := newDocuments(2, 10)
	var running, most atomic.Int32
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error {
			n := running.Add(1)
			defer running.Add(-1)
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			_, err := io.WriteString(w, s)
			return err
		}
	}
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			key := []string{"a", "b", "c", "d"}[i%4]
			doc, err := d.get(context.Background(), key, write(strings.Repeat(key, 4)))
			if err != nil || string(doc.data) != strings.Repeat(key, 4) {
				t.Errorf("%s: %v %q", key, err, doc.data)
			}
		})
	}
	wg.Wait()
	if most.Load() > 2 {
		t.Errorf("%d documents made at once, want at most 2", most.Load())
	}
	if d.size > 10 {
		t.Errorf("%d bytes kept, limit 10", d.size)
	}
	if len(d.cache) != 2 {
		t.Errorf("%d documents kept, want the 2 that fit", len(d.cache))
	}
	_, err := d.get(context.Background(), "boom", func(io.Writer) error { panic("bad input") })
	if err == nil || !strings.Contains(err.Error(), "bad input") {
		t.Errorf("panic: error %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	block := make(chan struct{})
	if _, err := d.get(ctx, "slow", func(io.Writer) error { <-block; return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled request: %v", err)
	}
	close(block)
}
