package serve

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/internal/naming"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// maxSearch bounds the search text, in characters.
const maxSearch = 100

// homeView is the home page: the families and their roles, narrowed by a
// search and a grade.
type homeView struct {
	Query    string
	Grade    string // the chosen grade's id; "" = any
	Grades   []*model.Grade
	Families []familyView
	Roles    int // roles shown
	Filtered bool
}

type familyView struct {
	ID, Name string
	Roles    []roleView
}

type roleView struct {
	ID, Name, Grades string
	Levels           []levelView // with a grade chosen: the levels at it
}

type levelView struct {
	ID, Title, Grades string
	Number            int
	Role              string // the role's id
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	q, ok := s.query(w, r, "q", "grade")
	if !ok {
		return
	}
	v := homeView{Query: strings.TrimSpace(q.Get("q")), Grades: s.grades}
	if utf8.RuneCountInString(v.Query) > maxSearch {
		s.badRequest(w, r, fmt.Sprintf("The search is longer than %d characters.", maxSearch))
		return
	}
	grade, ok := s.grade(w, r, q.Get("grade"))
	if !ok {
		return
	}
	if grade != nil {
		v.Grade = grade.ID
	}
	v.Filtered = v.Query != "" || grade != nil
	needle := strings.ToLower(v.Query)
	byFamily := map[string]int{}
	for i := range s.fw.Roles {
		role := &s.fw.Roles[i]
		rv := roleView{ID: role.ID, Name: role.Name, Grades: s.fw.GradeRange(role)}
		match := needle == "" || strings.Contains(strings.ToLower(role.Name), needle) || strings.Contains(strings.ToLower(s.fw.FamilyName(role)), needle)
		for j := range role.Levels {
			l := &role.Levels[j]
			atGrade := grade == nil
			for _, g := range s.fw.LevelGrades(l) {
				atGrade = atGrade || g.ID == grade.ID
			}
			if !atGrade || !(match || strings.Contains(strings.ToLower(l.Title), needle)) {
				continue
			}
			if grade != nil || !match {
				rv.Levels = append(rv.Levels, s.levelRow(role, j))
			}
			match = true
		}
		if !match || (grade != nil && len(rv.Levels) == 0) {
			continue
		}
		fi, ok := byFamily[role.Family]
		if !ok {
			fi = len(v.Families)
			byFamily[role.Family] = fi
			v.Families = append(v.Families, familyView{ID: role.Family, Name: s.fw.FamilyName(role)})
		}
		v.Families[fi].Roles = append(v.Families[fi].Roles, rv)
		v.Roles++
	}
	s.page(w, r, http.StatusOK, "home", "Job profiles", v)
}

// rolePageView is a role's page: its levels, each to view or download.
type rolePageView struct {
	Role    *model.Role
	Summary []string // the role's summary, a paragraph each
	Family  familyView
	Grades  string
	Levels  []levelView
}

func (s *Server) rolePage(w http.ResponseWriter, r *http.Request) {
	role, ok := s.role(w, r)
	if !ok {
		return
	}
	if _, ok := s.query(w, r); !ok {
		return
	}
	v := rolePageView{Role: role, Summary: paragraphs(role.Summary), Family: familyView{ID: role.Family, Name: s.fw.FamilyName(role)}, Grades: s.fw.GradeRange(role)}
	for j := range role.Levels {
		v.Levels = append(v.Levels, s.levelRow(role, j))
	}
	s.page(w, r, http.StatusOK, "role", role.Name, v)
}

func (s *Server) levelRow(role *model.Role, j int) levelView {
	l := &role.Levels[j]
	var grades []string
	for _, g := range s.fw.LevelGrades(l) {
		grades = append(grades, g.Short())
	}
	return levelView{ID: l.ID, Title: l.Title, Grades: strings.Join(grades, ", "), Number: j + 1, Role: role.ID}
}

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
	opts := s.htmlOptions()
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
		return profile.WriteHTML(w, s.fw, ref, s.htmlOptions())
	})
	if s.failed(w, r, err) {
		return
	}
	send(w, r, doc, "text/html; charset=utf-8", naming.File(ref, ".html"), true)
}

// htmlOptions are the HTML profile's options as "ddat profile --format
// html" sets them.
func (s *Server) htmlOptions() profile.HTMLOptions {
	p := s.opts.Profile
	return profile.HTMLOptions{Organisation: p.Organisation, Generator: p.Creator, Created: p.Created}
}

// matrixView is the matrix page: filters, and the role levels the workbook
// will hold.
type matrixView struct {
	Family, Grade string
	Families      []model.Family
	Grades        []*model.Grade
	Levels        []levelView
	Roles         map[string]string // role id → name
	Download      string            // the workbook's address with the filters
	Empty         string            // why nothing is selected
}

func (s *Server) matrixPage(w http.ResponseWriter, r *http.Request) {
	sel, ok := s.selection(w, r)
	if !ok {
		return
	}
	v := matrixView{Families: s.fw.Families, Grades: s.grades, Roles: map[string]string{}, Download: "/matrix.xlsx"}
	if len(sel.Families) > 0 {
		v.Family = sel.Families[0]
	}
	if len(sel.Grades) > 0 {
		v.Grade = sel.Grades[0]
	}
	if q := r.URL.RawQuery; q != "" {
		v.Download += "?" + selectionQuery(sel)
	}
	refs, err := s.fw.Select(sel)
	switch {
	case errors.Is(err, model.ErrEmptySelection):
		v.Empty = "No role level matches these filters."
	case err != nil:
		s.badRequest(w, r, err.Error())
		return
	}
	for _, ref := range refs {
		j := ref.Role.LevelNumber(ref.Level) - 1
		v.Levels = append(v.Levels, s.levelRow(ref.Role, j))
		v.Roles[ref.Role.ID] = ref.Role.Name
	}
	s.page(w, r, http.StatusOK, "matrix", "Skills matrix", v)
}

// matrixXLSX is the workbook "ddat matrix --family F --grade G" writes.
func (s *Server) matrixXLSX(w http.ResponseWriter, r *http.Request) {
	sel, ok := s.selection(w, r)
	if !ok {
		return
	}
	refs, err := s.fw.Select(sel)
	switch {
	case errors.Is(err, model.ErrEmptySelection):
		s.notFound(w, r, "No role level matches these filters, so there is no workbook to make.")
		return
	case err != nil:
		s.badRequest(w, r, err.Error())
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

// paragraphs splits text at blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// quote shows a value from the request, shortened, in a message.
func quote(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return "“" + s + "”"
}

// lowerFirst lower-cases a name's first letter for use inside a sentence,
// unless the name starts with an abbreviation ("IT operations").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// errorView is an error page.
type errorView struct {
	Heading, Message string
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, msg string) {
	s.errorPage(w, r, http.StatusNotFound, "Page not found", msg)
}

func (s *Server) badRequest(w http.ResponseWriter, r *http.Request, msg string) {
	s.errorPage(w, r, http.StatusBadRequest, "This address is not right", msg)
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, heading, msg string) {
	s.page(w, r, status, "error", heading, errorView{Heading: heading, Message: msg})
}

// page answers with one of the site's pages.
func (s *Server) page(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	var buf bytes.Buffer
	err := pages.ExecuteTemplate(&buf, name, pageData{Title: title, Organisation: s.opts.Profile.Organisation, Framework: s.fw.Meta.Name, Data: data})
	if err != nil {
		s.log.Error("template", "page", name, "err", err)
		http.Error(w, "The page could not be made.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// pageData is what every page's layout shows.
type pageData struct {
	Title, Organisation, Framework string
	Data                           any
}
