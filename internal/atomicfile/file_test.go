package atomicfile_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/internal/atomicfile"
)

func TestWriteFile(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name    string
		write   func(io.Writer) error
		panics  bool
		wantErr error
		want    string // the file's content afterwards
	}{
		{name: "OK", write: func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, want: "new"},
		{name: "ErrKeepsOld", write: func(w io.Writer) error { io.WriteString(w, "half"); return boom }, wantErr: boom, want: "old"},
		{name: "PanicKeepsOld", write: func(w io.Writer) error { io.WriteString(w, "half"); panic("exporter bug") }, panics: true, want: "old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "doc.pdf")
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := func() (err error) {
				defer func() {
					if r := recover(); r != nil && !tt.panics {
						t.Errorf("panic: %v", r)
					}
				}()
				return atomicfile.Write(path, tt.write)
			}()
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tt.want {
				t.Errorf("file holds %q, want %q", got, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("directory holds %d entries, want only doc.pdf: %v", len(entries), entries)
			}
		})
	}
}

func TestWriteFileErrorNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing-dir", "m.xlsx")
	err := atomicfile.Write(path, func(io.Writer) error { return nil })
	if err == nil {
		t.Fatal("no error writing into a missing directory")
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "write "+path+": ") || strings.Contains(msg, ".tmp") {
		t.Errorf("error %q: want it to name %s and no temporary file", msg, path)
	}
}

// TestWriteFileRemovesStaleTemps checks that a write removes the temporary
// files of its output that a killed run left behind, and nothing else: not
// a new one (a run writing now), not a file named otherwise.
func TestWriteFileRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	files := []struct {
		name string
		old  bool
		kept bool
	}{
		{".doc.pdf.1234567.tmp", true, false},
		{".doc.pdf.7654321.tmp", false, true}, // a run writing doc.pdf now
		{".doc.pdf.notes.tmp", true, true},
		{".other.pdf.1234567.tmp", true, true},
		{"doc.pdf.1234567.tmp", true, true},
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
		if f.old {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := atomicfile.Write(filepath.Join(dir, "doc.pdf"), func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		_, err := os.Stat(filepath.Join(dir, f.name))
		if kept := err == nil; kept != f.kept {
			t.Errorf("%s kept = %v, want %v", f.name, kept, f.kept)
		}
	}
}
