// Package serve is ddat's web application: a read-only site over one
// framework where people who never use a terminal find a role, read its
// profiles as web pages, and download the PDFs and the skills matrix that
// the command line makes, byte for byte.
package serve

import (
	"cmp"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// Options are the choices for a Server. The zero value works, but for
// Profile.Created: give the date the documents carry (the command line's
// --date or SOURCE_DATE_EPOCH), or New takes the time it is called, once,
// so that a document keeps its bytes and ETag for the server's life.
type Options struct {
	Profile    profile.Options // the PDFs' paper, organisation, logo, creator and date; the matrix takes the creator, date and paper
	Logger     *slog.Logger    // one line per request; nil = slog.Default()
	PDFWorkers int             // documents made at once; 0 = runtime.NumCPU()
	CacheBytes int64           // documents kept in memory, in bytes; 0 = 64 MB, < 0 = none
	Timeout    time.Duration   // the longest a request may take; 0 = 30 s
	Version    string          // ddat's version, for the manifest of a zip download
}

// Server answers the site's requests. It is an http.Handler; it never
// writes to disk and holds no state a request can change.
type Server struct {
	fw     *model.Framework
	opts   Options
	log    *slog.Logger
	mux    *http.ServeMux
	docs   *documents
	grades []*model.Grade // grades some role level is performed at, in seniority order
}

// New makes the Server of fw, a framework that has been validated.
func New(fw *model.Framework, opts Options) (*Server, error) {
	if fw == nil {
		return nil, fmt.Errorf("serve: no framework")
	}
	if opts.Profile.Created.IsZero() {
		opts.Profile.Created = time.Now()
	}
	opts.Profile.Created = opts.Profile.Created.UTC()
	if opts.Profile.Fonts == nil {
		fonts, err := profile.LoadFonts()
		if err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
		opts.Profile.Fonts = fonts
	}
	opts.PDFWorkers = cmp.Or(opts.PDFWorkers, runtime.NumCPU())
	opts.CacheBytes = cmp.Or(opts.CacheBytes, 64<<20)
	opts.Timeout = cmp.Or(opts.Timeout, 30*time.Second)
	s := &Server{fw: fw, opts: opts, log: cmp.Or(opts.Logger, slog.Default()), mux: http.NewServeMux()}
	s.docs = newDocuments(opts.PDFWorkers, opts.CacheBytes)
	used := map[string]bool{}
	for i := range fw.Roles {
		for j := range fw.Roles[i].Levels {
			for _, g := range fw.LevelGrades(&fw.Roles[i].Levels[j]) {
				used[g.ID] = true
			}
		}
	}
	for i := range fw.Grades {
		if used[fw.Grades[i].ID] {
			s.grades = append(s.grades, &fw.Grades[i])
		}
	}
	s.routes()
	return s, nil
}

// routes maps the site's paths to their handlers. Role and level segments
// are matched against the framework's ids, never used as file names.
func (s *Server) routes() {
	s.mux.HandleFunc("GET /{$}", s.home)
	s.mux.HandleFunc("GET /role/{role}", s.rolePage)
	s.mux.HandleFunc("GET /role/{role}/view", s.roleView)
	s.mux.HandleFunc("GET /role/{role}/pdf", s.rolePDF)
	s.mux.HandleFunc("GET /role/{role}/level/{level}", s.levelView)
	s.mux.HandleFunc("GET /role/{role}/level/{level}/pdf", s.levelPDF)
	s.mux.HandleFunc("GET /role/{role}/level/{level}/html", s.levelHTML)
	s.mux.HandleFunc("GET /matrix", s.matrixPage)
	s.mux.HandleFunc("GET /matrix.xlsx", s.matrixXLSX)
	s.mux.HandleFunc("GET /documents.zip", s.documentsZip)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.notFound(w, r, "There is no page at this address.")
	})
}

// Limits on what a request may be.
const (
	maxURL       = 2048 // bytes of the request target
	maxQueryKeys = 8
)

// ServeHTTP answers a request: security headers on every answer, a bounded
// request, a recovered panic, and one log line.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	h := rec.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
			if !rec.wrote {
				s.errorPage(rec, r, http.StatusInternalServerError, "Something went wrong", "The page could not be made. The server's log says why.")
			}
		}
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery, "status", rec.status,
			"bytes", rec.bytes, "duration", time.Since(start).Round(time.Microsecond), "remote", r.RemoteAddr)
	}()
	r.Body = http.MaxBytesReader(rec, r.Body, 0) // read-only: no request has a body to read
	switch {
	case len(r.RequestURI) > maxURL:
		s.errorPage(rec, r, http.StatusRequestURITooLong, "Address too long", fmt.Sprintf("Addresses on this site are shorter than %d characters.", maxURL))
		return
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		h.Set("Allow", "GET, HEAD")
		s.errorPage(rec, r, http.StatusMethodNotAllowed, "Not allowed", "This site is read-only: it only answers GET and HEAD.")
		return
	}
	if len(r.URL.Query()) > maxQueryKeys {
		s.badRequest(rec, r, "The address has too many query parameters.")
		return
	}
	http.TimeoutHandler(s.mux, s.opts.Timeout, timeoutPage).ServeHTTP(rec, r)
}

const timeoutPage = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Taking too long</title></head><body><main><h1>Taking too long</h1><p>The server is busy. Try again in a moment.</p></main></body></html>`

// recorder notes what a handler answered, for the log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}
