package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/ddat-tools/ddat/batch"
	"github.com/ddat-tools/ddat/internal/naming"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// roleView and levelView show a profile as a web page: the HTML profile,
// with links back and to its PDF.
func (s *Server) roleView(w http.ResponseWriter, r *http.Request) {
	role, ok := s.role(w, r)
	if !ok {
		return
	}
	s.profileView(w, r, model.LevelRef{Role: role})
}

func (s *Server) levelView(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.level(w, r)
	if !ok {
		return
	}
	s.profileView(w, r, ref)
}

func (s *Server) profileView(w http.ResponseWriter, r *http.Request, ref model.LevelRef) {
	if _, ok := s.query(w, r); !ok {
		return
	}
	opts := s.opts.Profile.HTML()
	rolePath := "/role/" + url.PathEscape(ref.Role.ID)
	opts.Links = []profile.HTMLLink{{Text: "All roles", Href: "/"}, {Text: "All levels of " + lowerFirst(ref.Role.Name), Href: rolePath}}
	if ref.Level != nil {
		opts.Links = append(opts.Links, profile.HTMLLink{Text: "Download PDF", Href: levelPath(ref) + "/pdf"})
	} else {
		opts.Links = append(opts.Links, profile.HTMLLink{Text: "Download PDF", Href: rolePath + "/pdf"})
	}
	doc, err := s.docs.get(r.Context(), "view "+refKey(ref), func(w io.Writer) error {
		return profile.WriteHTML(w, s.fw, ref, opts)
	})
	if s.failed(w, r, err) {
		return
	}
	send(w, r, doc, "text/html; charset=utf-8", "", false)
}

// rolePDF, levelPDF and levelHTML are the downloads: the bytes "ddat
// profile" writes, named as it names them.
func (s *Server) rolePDF(w http.ResponseWriter, r *http.Request) {
	role, ok := s.role(w, r)
	if !ok {
		return
	}
	s.pdf(w, r, model.LevelRef{Role: role})
}

func (s *Server) levelPDF(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.level(w, r)
	if !ok {
		return
	}
	s.pdf(w, r, ref)
}

func (s *Server) pdf(w http.ResponseWriter, r *http.Request, ref model.LevelRef) {
	if _, ok := s.query(w, r); !ok {
		return
	}
	doc, err := s.docs.get(r.Context(), "pdf "+refKey(ref), func(w io.Writer) error {
		_, err := profile.Write(w, s.fw, ref, s.opts.Profile)
		return err
	})
	if s.failed(w, r, err) {
		return
	}
	send(w, r, doc, "application/pdf", naming.File(ref, ".pdf"), true)
}

func (s *Server) levelHTML(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.level(w, r)
	if !ok {
		return
	}
	if _, ok := s.query(w, r); !ok {
		return
	}
	doc, err := s.docs.get(r.Context(), "html "+refKey(ref), func(w io.Writer) error {
		return profile.WriteHTML(w, s.fw, ref, s.opts.Profile.HTML())
	})
	if s.failed(w, r, err) {
		return
	}
	send(w, r, doc, "text/html; charset=utf-8", naming.File(ref, ".html"), true)
}

// selected returns the selection of the request's filters and the role
// levels it selects; a selection of none is a 404 page that says what
// would have been made.
func (s *Server) selected(w http.ResponseWriter, r *http.Request, what string) (model.Selection, []model.LevelRef, bool) {
	sel, ok := s.selection(w, r)
	if !ok {
		return sel, nil, false
	}
	refs, err := s.fw.Select(sel)
	switch {
	case errors.Is(err, model.ErrEmptySelection):
		s.notFound(w, r, "No role level matches these filters, so there is no "+what+" to make.")
		return sel, nil, false
	case err != nil:
		s.badRequest(w, r, err.Error())
		return sel, nil, false
	}
	return sel, refs, true
}

// matrixXLSX is the workbook "ddat matrix --family F --grade G" writes.
func (s *Server) matrixXLSX(w http.ResponseWriter, r *http.Request) {
	sel, refs, ok := s.selected(w, r, "workbook")
	if !ok {
		return
	}
	p := s.opts.Profile
	opts := matrix.Options{Levels: refs, Creator: p.Creator, Created: p.Created, Paper: strings.ToLower(p.Paper), Selection: sel}
	if opts.Paper == "" {
		opts.Paper = "a4"
	}
	doc, err := s.docs.get(r.Context(), "xlsx "+selectionQuery(sel), func(w io.Writer) error {
		return matrix.Write(w, s.fw, opts)
	})
	if s.failed(w, r, err) {
		return
	}
	send(w, r, doc, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", naming.MatrixFile, true)
}

// maxZipDocuments bounds the documents of one zip download, which are
// made and held in memory, then zipped there: some 100 MB at the most. The
// published framework makes about 250.
const maxZipDocuments = 600

// documentsZip is the zip "ddat batch --zip FILE --family F --grade G"
// writes: every level and role profile of the selection, its matrix and a
// manifest, byte for byte.
func (s *Server) documentsZip(w http.ResponseWriter, r *http.Request) {
	sel, refs, ok := s.selected(w, r, "zip file")
	if !ok {
		return
	}
	p := s.opts.Profile
	if p.Paper == "" {
		p.Paper = "a4"
	}
	jobs, err := batch.Jobs(s.fw, refs, batch.DefaultKinds(), p, matrix.Options{Selection: sel})
	if s.failed(w, r, err) {
		return
	}
	if len(jobs) > maxZipDocuments {
		s.errorPage(w, r, http.StatusRequestEntityTooLarge, "Too many documents for one download",
			fmt.Sprintf("These filters select %d documents, more than one download holds (%d). Choose a role family or a grade, or make them all with \"ddat batch\".", len(jobs), maxZipDocuments))
		return
	}
	opts := batch.Options{Workers: s.opts.PDFWorkers, Framework: s.fw.Meta.Name, Version: s.opts.Version, Created: p.Created}
	doc, err := s.docs.get(r.Context(), "zip "+selectionQuery(sel), func(w io.Writer) error {
		// The making goes on for the others when this request gives up,
		// as for every document (documents.get).
		_, err := batch.WriteZip(context.WithoutCancel(r.Context()), w, jobs, opts)
		return err
	})
	if s.failed(w, r, err) {
		return
	}
	send(w, r, doc, "application/zip", "documents.zip", true)
}
