package main

import (
	"bytes"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/profile"
	"github.com/ddat-tools/ddat/serve"
)

// TestServeUsage: serve refuses arguments and an address it cannot listen
// on, before it serves anything.
func TestServeUsage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"serve", "extra"}, "serve takes no arguments"},
		{[]string{"serve", "--addr", "nonsense"}, "--addr nonsense"},
		{[]string{"serve", "--workers", "-1"}, "--workers -1"},
	} {
		_, stderr, code := ddat(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("ddat %q: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, exitUsage, tc.stderr)
		}
	}
}

// TestServeZipIsBatchZip: the site's "Download all documents" is the zip
// "ddat batch --zip" writes with the same filters and date, byte for byte.
func TestServeZipIsBatchZip(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "documents.zip")
	if _, stderr, code := ddat(t, "batch", "--zip", file, "--date", "2024-01-02", "--family", "it-operations", "--grade", "g7", "-q"); code != exitOK {
		t.Fatal(stderr)
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	popts := profile.Options{Paper: "a4", Creator: "ddat " + version(), Created: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}
	srv, err := serve.New(fixture.Default(t), serve.Options{Profile: popts, Version: version(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/documents.zip?family=it-operations&grade=g7", nil))
	if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), want) {
		t.Errorf("status %d, %d bytes; want the %d bytes of ddat batch --zip", rec.Code, rec.Body.Len(), len(want))
	}
}
