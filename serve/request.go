package serve

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/ddat-tools/ddat/model"
)

// selection reads the matrix filters: a family and a grade, by id.
func (s *Server) selection(w http.ResponseWriter, r *http.Request) (model.Selection, bool) {
	q, ok := s.query(w, r, "family", "grade")
	if !ok {
		return model.Selection{}, false
	}
	var sel model.Selection
	if f := q.Get("family"); f != "" {
		if s.fw.Family(f) == nil {
			s.badRequest(w, r, "There is no role family "+quote(f)+".")
			return sel, false
		}
		sel.Families = []string{s.fw.Family(f).ID}
	}
	g, ok := s.grade(w, r, q.Get("grade"))
	if !ok {
		return sel, false
	}
	if g != nil {
		sel.Grades = []string{g.ID}
	}
	return sel, true
}

func selectionQuery(sel model.Selection) string {
	v := url.Values{}
	if len(sel.Families) > 0 {
		v.Set("family", sel.Families[0])
	}
	if len(sel.Grades) > 0 {
		v.Set("grade", sel.Grades[0])
	}
	return v.Encode()
}

// query checks the request's query: only the keys allowed, each at most
// once. Anything else is a 400 page.
func (s *Server) query(w http.ResponseWriter, r *http.Request, allowed ...string) (url.Values, bool) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		s.badRequest(w, r, "The address's query cannot be read.")
		return nil, false
	}
	for k, vs := range q {
		known := false
		for _, a := range allowed {
			known = known || k == a
		}
		switch {
		case !known:
			s.badRequest(w, r, "This page takes no query parameter "+quote(k)+".")
			return nil, false
		case len(vs) > 1:
			s.badRequest(w, r, "The query parameter "+quote(k)+" is given more than once.")
			return nil, false
		}
	}
	return q, true
}

// grade reads a grade filter: "" is any grade; a grade no role level is
// performed at is a 400 page.
func (s *Server) grade(w http.ResponseWriter, r *http.Request, id string) (*model.Grade, bool) {
	if id == "" {
		return nil, true
	}
	for _, g := range s.grades {
		if g.ID == id {
			return g, true
		}
	}
	s.badRequest(w, r, "There is no grade "+quote(id)+" in the framework.")
	return nil, false
}

// role finds the role the path names; an unknown one is a 404 page.
func (s *Server) role(w http.ResponseWriter, r *http.Request) (*model.Role, bool) {
	id := r.PathValue("role")
	for i := range s.fw.Roles {
		if s.fw.Roles[i].ID == id {
			return &s.fw.Roles[i], true
		}
	}
	s.notFound(w, r, "There is no role "+quote(id)+".")
	return nil, false
}

// level finds the role level the path names; an unknown one is a 404 page.
func (s *Server) level(w http.ResponseWriter, r *http.Request) (model.LevelRef, bool) {
	role, ok := s.role(w, r)
	if !ok {
		return model.LevelRef{}, false
	}
	id := r.PathValue("level")
	for j := range role.Levels {
		if role.Levels[j].ID == id {
			return model.LevelRef{Role: role, Level: &role.Levels[j]}, true
		}
	}
	s.notFound(w, r, "The role "+role.Name+" has no level "+quote(id)+".")
	return model.LevelRef{}, false
}

// failed answers a request whose document could not be made: 503 when the
// request ran out of time waiting, else 500. It reports whether it did.
func (s *Server) failed(w http.ResponseWriter, r *http.Request, err error) bool {
	switch {
	case err == nil:
		return false
	case r.Context().Err() != nil || errors.Is(err, errBusy):
		s.errorPage(w, r, http.StatusServiceUnavailable, "Busy", "The server is busy making other documents. Try again in a moment.")
	default:
		s.log.Error("document", "path", r.URL.Path, "err", err)
		s.errorPage(w, r, http.StatusInternalServerError, "The document could not be made", err.Error())
	}
	return true
}

func levelPath(ref model.LevelRef) string {
	return "/role/" + url.PathEscape(ref.Role.ID) + "/level/" + url.PathEscape(ref.Level.ID)
}

func refKey(ref model.LevelRef) string {
	if ref.Level == nil {
		return ref.Role.ID
	}
	return ref.Role.ID + "/" + ref.Level.ID
}
