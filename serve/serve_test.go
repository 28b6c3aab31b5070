package serve_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/batch"
	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/synth"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/ddat-tools/ddat/serve"
)

var created = time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)

// newServer starts the site of the default framework on a test server.
func newServer(t testing.TB, fw *model.Framework) (*httptest.Server, profile.Options) {
	t.Helper()
	popts := profile.Options{Creator: "ddat test", Created: created, Organisation: "Cabinet Office"}
	srv, err := serve.New(fw, serve.Options{Profile: popts, Logger: slog.New(slog.DiscardHandler), PDFWorkers: 2})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, popts
}

func get(t testing.TB, method, url string, header http.Header) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// TestRequests answers a table of requests, good and bad: every answer has
// the security headers, a bad request is a 4xx page and never a file from
// outside or a crash.
func TestRequests(t *testing.T) {
	ts, _ := newServer(t, fixture.Default(t))
	tests := []struct {
		name, method, path string
		status             int
		body               string // part of the body
	}{
		{"home", "GET", "/", 200, "Infrastructure engineer"},
		{"search", "GET", "/?q=Operations+engineer", 200, "1 role matches"},
		{"search, no match", "GET", "/?q=astronaut", 200, "0 roles match"},
		{"grade", "GET", "/?grade=g6", 200, "Principal infrastructure engineer"},
		{"search escaped", "GET", "/?q=%3Cscript%3Ealert(1)%3C/script%3E", 200, "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"role", "GET", "/role/infrastructure-engineer", 200, "Download PDF<span class=\"vh\"> of Senior infrastructure engineer"},
		{"level view", "GET", "/role/infrastructure-engineer/level/senior", 200, "<h1>Senior infrastructure engineer</h1>"},
		{"role view", "GET", "/role/infrastructure-engineer/view", 200, "<h1>Infrastructure engineer</h1>"},
		{"level pdf", "GET", "/role/infrastructure-engineer/level/senior/pdf", 200, "%PDF-"},
		{"role pdf", "GET", "/role/infrastructure-engineer/pdf", 200, "%PDF-"},
		{"level html", "GET", "/role/infrastructure-engineer/level/senior/html", 200, "<!DOCTYPE html>"},
		{"matrix", "GET", "/matrix?family=it-operations&grade=g7", 200, "Download Excel"},
		{"matrix, family and grade", "GET", "/matrix?grade=ao&family=it-operations", 200, "Associate infrastructure operations engineer"},
		{"workbook", "GET", "/matrix.xlsx", 200, "PK"},
		{"matrix page offers the zip", "GET", "/matrix?family=it-operations&grade=g7", 200, `href="/documents.zip?family=it-operations&amp;grade=g7">Download all documents</a>`},
		{"home page offers the zip", "GET", "/", 200, `<a href="/documents.zip">download them all</a>`},
		{"zip", "GET", "/documents.zip", 200, "PK"},
		{"zip, filtered", "GET", "/documents.zip?family=it-operations&grade=g7", 200, "manifest.json"},
		{"unknown family, zip", "GET", "/documents.zip?family=space", 400, "There is no role family"},
		{"HEAD", "HEAD", "/role/infrastructure-engineer/level/senior/pdf", 200, ""},
		{"unknown role", "GET", "/role/astronaut", 404, "There is no role “astronaut”"},
		{"unknown level", "GET", "/role/infrastructure-engineer/level/9", 404, "has no level “9”"},
		{"unknown level pdf", "GET", "/role/infrastructure-engineer/level/nobody/pdf", 404, "Page not found"},
		{"unknown page", "GET", "/etc/passwd", 404, "Page not found"},
		{"traversal, escaped", "GET", "/role/..%2f..%2fetc", 404, "There is no role “../../etc”"},
		{"traversal, escaped level", "GET", "/role/infrastructure-engineer/level/..%2f..%2f..%2fetc%2fpasswd/pdf", 404, "has no level"},
		{"traversal, dots", "GET", "/role/../../../etc/passwd", 404, "Page not found"},
		{"traversal, backslash", "GET", "/role/..%5c..%5cetc", 404, "There is no role"},
		{"NUL", "GET", "/role/a%00b", 404, "There is no role"},
		{"long URL", "GET", "/role/" + strings.Repeat("a", 3000), 414, "Address too long"},
		{"long search", "GET", "/?q=" + strings.Repeat("x", 101), 400, "longer than 100 characters"},
		{"unknown grade", "GET", "/?grade=admiral", 400, "There is no grade “admiral”"},
		{"unknown family", "GET", "/matrix?family=space", 400, "There is no role family “space”"},
		{"unknown family, workbook", "GET", "/matrix.xlsx?family=space", 400, "There is no role family"},
		{"unknown query key", "GET", "/?colour=red", 400, "no query parameter “colour”"},
		{"query on a document", "GET", "/role/infrastructure-engineer/pdf?x=1", 400, "no query parameter"},
		{"repeated key", "GET", "/?grade=g6&grade=g7", 400, "more than once"},
		{"bad query", "GET", "/?q=%zz", 400, "cannot be read"},
		{"too many keys", "GET", "/?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9", 400, "too many"},
		{"POST", "POST", "/", 405, "read-only"},
		{"DELETE", "DELETE", "/role/infrastructure-engineer", 405, "read-only"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, tc.method, ts.URL+tc.path, nil)
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d; body %.200q", resp.StatusCode, tc.status, body)
			}
			if !bytes.Contains(body, []byte(tc.body)) {
				t.Errorf("body lacks %q: %.300q", tc.body, body)
			}
			if !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("security headers missing: %v", resp.Header)
			}
			if resp.StatusCode < 500 && bytes.Contains(body, []byte("root:")) {
				t.Error("a file from outside")
			}
		})
	}
}

// TestDocumentsAsCLI: the downloads are the bytes profile.Write and
// matrix.Write give with the same options, named as the command line names
// them, with their SHA-256 as ETag; asking again with it gets 304.
func TestDocumentsAsCLI(t *testing.T) {
	fw := fixture.Default(t)
	ts, popts := newServer(t, fw)
	role, err := fw.Role("infrastructure-engineer")
	if err != nil {
		t.Fatal(err)
	}
	pdf := func(ref model.LevelRef) []byte {
		var b bytes.Buffer
		if _, err := profile.Write(&b, fw, ref, popts); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	xlsx := func(sel model.Selection) []byte {
		refs, err := fw.Select(sel)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := matrix.Write(&b, fw, matrix.Options{Levels: refs, Selection: sel, Creator: popts.Creator, Created: created, Paper: "a4"}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	var html bytes.Buffer
	if err := profile.WriteHTML(&html, fw, model.LevelRef{Role: role, Level: &role.Levels[2]}, profile.HTMLOptions{Organisation: popts.Organisation, Generator: popts.Creator, Created: created}); err != nil {
		t.Fatal(err)
	}
	zipped := func(sel model.Selection) []byte {
		refs, err := fw.Select(sel)
		if err != nil {
			t.Fatal(err)
		}
		p := popts
		p.Paper = "a4"
		jobs, err := batch.Jobs(fw, refs, batch.DefaultKinds(), p, matrix.Options{Selection: sel})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := batch.WriteZip(context.Background(), &b, jobs, batch.Options{Framework: fw.Meta.Name, Created: created}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	tests := []struct {
		path, file string
		want       []byte
	}{
		{"/documents.zip", "documents.zip", zipped(model.Selection{})},
		{"/documents.zip?family=it-operations&grade=g7", "documents.zip", zipped(model.Selection{Families: []string{"it-operations"}, Grades: []string{"g7"}})},
		{"/role/infrastructure-engineer/level/senior/pdf", "senior-infrastructure-engineer.pdf", pdf(model.LevelRef{Role: role, Level: &role.Levels[2]})},
		{"/role/infrastructure-engineer/pdf", "infrastructure-engineer.pdf", pdf(model.LevelRef{Role: role})},
		{"/role/infrastructure-engineer/level/senior/html", "senior-infrastructure-engineer.html", html.Bytes()},
		{"/matrix.xlsx", "skills-matrix.xlsx", xlsx(model.Selection{})},
		{"/matrix.xlsx?family=it-operations&grade=g7", "skills-matrix.xlsx", xlsx(model.Selection{Families: []string{"it-operations"}, Grades: []string{"g7"}})},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			resp, body := get(t, "GET", ts.URL+tc.path, nil)
			if resp.StatusCode != 200 || !bytes.Equal(body, tc.want) {
				t.Fatalf("status %d, %d bytes: not the bytes the command line writes (%d)", resp.StatusCode, len(body), len(tc.want))
			}
			sum := sha256.Sum256(tc.want)
			etag := `"` + hex.EncodeToString(sum[:]) + `"`
			if got := resp.Header.Get("ETag"); got != etag {
				t.Errorf("ETag %s, want %s", got, etag)
			}
			if got, want := resp.Header.Get("Content-Disposition"), "attachment; filename="+tc.file; got != want {
				t.Errorf("Content-Disposition %q, want %q", got, want)
			}
			resp, body = get(t, "GET", ts.URL+tc.path, http.Header{"If-None-Match": {etag}})
			if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
				t.Errorf("If-None-Match: status %d, %d bytes; want 304", resp.StatusCode, len(body))
			}
		})
	}
}

// TestConcurrentDocuments: many clients asking at once for documents, some
// the same, all get their bytes.
func TestConcurrentDocuments(t *testing.T) {
	fw := fixture.Load(t, "../testdata/flat/four-roles.yaml")
	ts, _ := newServer(t, fw)
	var paths []string
	for _, r := range fw.Roles {
		for _, l := range r.Levels {
			paths = append(paths, "/role/"+r.ID+"/level/"+l.ID+"/pdf", "/role/"+r.ID+"/level/"+l.ID)
		}
	}
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			p := paths[i%len(paths)]
			resp, err := http.Get(ts.URL + p)
			if err != nil {
				t.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("%s: status %d", p, resp.StatusCode)
			}
		})
	}
	wg.Wait()
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.1.2.3:1": true,
		":8080": false, "0.0.0.0:8080": false, "192.168.1.2:8080": false, "[::]:80": false, "example.org:80": false, "nonsense": false,
	} {
		if got := serve.IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

// TestRunShutdown: cancelling the context stops the server after the
// request in progress is answered, and Run returns nil.
func TestRunShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(200 * time.Millisecond)
		io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- serve.Run(ctx, ln, slow, slog.New(slog.DiscardHandler), 5*time.Second) }()
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-started
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("Run: %v", err)
	}
	if s := <-got; s != "done" {
		t.Errorf("request in progress got %q, want done", s)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("server still answers after shutdown")
	}
}

// TestZipTooLarge: a selection of more documents than one download holds
// is a page that says so and how to choose fewer, made before any document.
func TestZipTooLarge(t *testing.T) {
	ts, _ := newServer(t, synth.Framework(synth.Size{Families: 2, Roles: 400, LevelsPerRole: 5, Skills: 50}))
	resp, body := get(t, "GET", ts.URL+"/documents.zip", nil)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !bytes.Contains(body, []byte("These filters select 2401 documents, more than one download holds (600). Choose a role family or a grade")) {
		t.Errorf("status %d; body %.300q", resp.StatusCode, body)
	}
}

// BenchmarkDocumentsZip is "Download all documents" of a framework the
// size of the published one: some 250 documents made, held and zipped in
// memory (the cache is off, so each iteration makes them).
func BenchmarkDocumentsZip(b *testing.B) {
	fw := synth.Framework(synth.Published)
	srv, err := serve.New(fw, serve.Options{Profile: profile.Options{Created: created}, Logger: slog.New(slog.DiscardHandler), PDFWorkers: 2, CacheBytes: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", "/documents.zip", nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %.200s", rec.Code, rec.Body.String())
		}
		b.SetBytes(int64(rec.Body.Len()))
	}
}
