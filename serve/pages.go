package serve

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/model"
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

// matrixView is the matrix page: filters, and the role levels the workbook
// will hold.
type matrixView struct {
	Family, Grade string
	Families      []model.Family
	Grades        []*model.Grade
	Levels        []levelView
	Roles         map[string]string // role id → name
	Download      string            // the workbook's address with the filters
	Zip           string            // the address of every document of the selection, zipped
	RoleCount     int               // roles with a selected level
	Empty         string            // why nothing is selected
}

func (s *Server) matrixPage(w http.ResponseWriter, r *http.Request) {
	sel, ok := s.selection(w, r)
	if !ok {
		return
	}
	v := matrixView{Families: s.fw.Families, Grades: s.grades, Roles: map[string]string{}, Download: "/matrix.xlsx", Zip: "/documents.zip"}
	if len(sel.Families) > 0 {
		v.Family = sel.Families[0]
	}
	if len(sel.Grades) > 0 {
		v.Grade = sel.Grades[0]
	}
	if q := r.URL.RawQuery; q != "" {
		v.Download += "?" + selectionQuery(sel)
		v.Zip += "?" + selectionQuery(sel)
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
	v.RoleCount = len(v.Roles)
	s.page(w, r, http.StatusOK, "matrix", "Skills matrix", v)
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
