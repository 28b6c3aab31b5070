package profile

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/model"
)

// IndexDoc is one document an index page links to: a profile of Ref (the
// whole role when Ref.Level is nil) in a format, at a relative path.
type IndexDoc struct {
	Ref    model.LevelRef
	Path   string // slash-separated, relative to the index page
	Format string // what a reader sees in the link: "HTML", "PDF"
}

// IndexOptions are the choices for an index page.
type IndexOptions struct {
	Organisation string
	Generator    string    // "" = "ddat"
	Created      time.Time // zero = no date
	Matrix       string    // relative path of the skills matrix; "" = none
}

// WriteHTMLIndex writes one HTML page that lists docs by family, role and
// role level, in framework order, with each level's grades and a link to
// every document: the front page of a batch's folder on a shared drive. The
// page is self-contained, needs no script, and gives the same bytes for the
// same input.
func WriteHTMLIndex(w io.Writer, fw *model.Framework, docs []IndexDoc, opts IndexOptions) error {
	page := indexPage{Title: "Job profiles", Framework: fw.Meta.Name, Organisation: opts.Organisation, Generator: opts.Generator, Matrix: opts.Matrix}
	if page.Generator == "" {
		page.Generator = "ddat"
	}
	if !opts.Created.IsZero() {
		page.Created = longDate(opts.Created.UTC())
		page.CreatedISO = opts.Created.UTC().Format("2006-01-02")
	}
	byRef := map[model.LevelRef][]indexLink{}
	for _, d := range docs {
		if d.Ref.Role == nil {
			return fmt.Errorf("index: document %s: no role", d.Path)
		}
		byRef[d.Ref] = append(byRef[d.Ref], indexLink{Path: d.Path, Format: d.Format})
	}
	families := map[string]*indexFamily{}
	for i := range fw.Roles {
		r := &fw.Roles[i]
		ir := indexRole{Name: r.Name, Grades: fw.GradeRange(r), Links: byRef[model.LevelRef{Role: r}]}
		for j := range r.Levels {
			l := &r.Levels[j]
			links := byRef[model.LevelRef{Role: r, Level: l}]
			if len(links) == 0 {
				continue
			}
			var grades []string
			for _, g := range fw.LevelGrades(l) {
				grades = append(grades, g.Short())
			}
			ir.Levels = append(ir.Levels, indexLevel{Number: j + 1, Title: l.Title, Grades: strings.Join(grades, ", "), Links: links})
		}
		if len(ir.Levels) == 0 && len(ir.Links) == 0 {
			continue
		}
		page.Documents += len(ir.Links)
		for _, l := range ir.Levels {
			page.Documents += len(l.Links)
		}
		f := families[r.Family]
		if f == nil {
			f = &indexFamily{Name: fw.FamilyName(r)}
			families[r.Family] = f
			page.Families = append(page.Families, f)
		}
		f.Roles = append(f.Roles, ir)
	}
	var buf bytes.Buffer
	if err := htmlTemplate.ExecuteTemplate(&buf, "index", page); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

type indexPage struct {
	Title, Framework, Organisation, Generator, Matrix string
	Created, CreatedISO                               string
	Documents                                         int
	Families                                          []*indexFamily
}

type indexFamily struct {
	Name  string
	Roles []indexRole
}

type indexRole struct {
	Name, Grades string
	Links        []indexLink // the whole role's documents
	Levels       []indexLevel
}

type indexLevel struct {
	Number        int
	Title, Grades string
	Links         []indexLink
}

type indexLink struct{ Path, Format string }
