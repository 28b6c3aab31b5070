package batch_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/batch"
)

// TestBatchRemovesStaleStaging checks that a batch removes the staging
// directories that a killed batch into the same output left behind, and
// nothing else.
func TestBatchRemovesStaleStaging(t *testing.T) {
	for _, name := range []string{"out", "out.zip"} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, name)
			keep := []string{name, "." + name + ".ddat-tmp-x1", ".other.ddat-tmp-1", "." + name + ".ddat-tmp-"}
			for _, dir := range append(keep[1:], "."+name+".ddat-tmp-123", "."+name+".ddat-tmp-4567") {
				mkdirT(t, filepath.Join(parent, dir, "family"))
				writeT(t, filepath.Join(parent, dir, "family"), "half.pdf", "half a document")
				// Where batches do not lock them, only old ones are stale.
				old := time.Now().Add(-2 * time.Hour)
				if err := os.Chtimes(filepath.Join(parent, dir), old, old); err != nil {
					t.Fatal(err)
				}
			}
			var err error
			if strings.HasSuffix(name, ".zip") {
				_, err = batch.Zip(context.Background(), out, fakeJobs(3), batchOpts(1))
			} else {
				_, err = batch.Dir(context.Background(), out, fakeJobs(3), batchOpts(1))
			}
			if err != nil {
				t.Fatal(err)
			}
			checkNoLeftovers(t, parent, keep...)
			for _, dir := range keep {
				if _, err := os.Stat(filepath.Join(parent, dir)); err != nil {
					t.Errorf("%s was removed", dir)
				}
			}
		})
	}
}

// TestBatchKeepsRunningStaging runs a batch into an output while another
// batch into the same output is running: the second must not take the
// first's staging directory for stale, and both succeed.
func TestBatchKeepsRunningStaging(t *testing.T) {
	for _, name := range []string{"out", "out.zip"} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, name)
			run := func(jobs []batch.Job) error {
				var err error
				if strings.HasSuffix(name, ".zip") {
					_, err = batch.Zip(context.Background(), out, jobs, batchOpts(2))
				} else {
					_, err = batch.Dir(context.Background(), out, jobs, batchOpts(2))
				}
				return err
			}
			started, proceed := make(chan struct{}), make(chan struct{})
			first := fakeJobs(6)
			w := first[3].Write
			first[3].Write = func(wr io.Writer) (int, error) {
				close(started)
				<-proceed
				return w(wr)
			}
			done := make(chan error)
			go func() { done <- run(first) }()
			<-started
			staging, _ := filepath.Glob(filepath.Join(parent, "."+name+".ddat-tmp-*"))
			if len(staging) != 1 {
				t.Fatalf("staging directories: %v, want the first batch's", staging)
			}
			if err := run(fakeJobs(2)); err != nil {
				t.Error(err)
			}
			if _, err := os.Stat(staging[0]); err != nil {
				t.Errorf("the second batch removed the first's staging directory: %v", err)
			}
			close(proceed)
			if err := <-done; err != nil {
				t.Fatalf("first batch: %v", err)
			}
			if !strings.HasSuffix(name, ".zip") {
				if m := checkManifest(t, out); len(m.Files) != 6 {
					t.Errorf("%d files, want the first batch's 6", len(m.Files))
				}
			}
			checkNoLeftovers(t, parent, name)
		})
	}
}
