package batch

import (
	"fmt"
	"io"
	"strings"

	"github.com/ddat-tools/ddat/internal/naming"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/ddat-tools/ddat/workbook"
)

// Kinds chooses the documents Jobs lists: a set of Kind values.
type Kinds map[string]bool

// DefaultKinds are the documents of a batch that chooses none: every level
// and role profile, and the matrix.
func DefaultKinds() Kinds { return Kinds{KindProfile: true, KindRole: true, KindMatrix: true} }

// Jobs lists the documents of a batch over refs, the selected role levels,
// each kind only if kinds holds it: the matrix of refs (with mopts, on the
// profiles' paper), the profile of every role that has a selected level
// (the whole role, all its levels), the profile of every selected level,
// and the career documents (KindProgression, KindInterview). The matrix
// comes first and role profiles before level profiles: the longest
// documents start first, so no worker is left with a long one at the end.
// With KindHTML each profile also gets its HTML page beside it (both kinds
// of profile in HTML alone when no PDF kind is chosen), and an index.html
// links to every document. What every document shares is made here once:
// the fonts (profile.LoadFonts, unless popts has them); the caller read the
// logo and loaded the framework once.
func Jobs(fw *model.Framework, refs []model.LevelRef, kinds Kinds, popts profile.Options, mopts matrix.Options) ([]Job, error) {
	layout := naming.NewPaths(fw)
	var jobs []Job
	if kinds[KindMatrix] {
		mopts.Levels, mopts.Creator, mopts.Created, mopts.Paper = refs, popts.Creator, popts.Created, popts.Paper
		jobs = append(jobs, Job{
			Path:  layout.Matrix(),
			Kind:  KindMatrix,
			Title: "Skills matrix",
			Write: func(w io.Writer) (int, error) { return 0, matrix.Write(w, fw, mopts) },
		})
	}
	pdfs := kinds[KindRole] || kinds[KindProfile]
	if !pdfs && !kinds[KindHTML] && !kinds[KindProgression] && !kinds[KindInterview] {
		return jobs, nil
	}
	if popts.Fonts == nil {
		fonts, err := profile.LoadFonts()
		if err != nil {
			return nil, fmt.Errorf("load fonts: %w", err)
		}
		popts.Fonts = fonts
	}
	hopts := popts.HTML()
	var docs []profile.IndexDoc // what index.html links to
	add := func(ref model.LevelRef, kind, title string) {
		path, level := layout.Profile(ref), ""
		if ref.Level != nil {
			level = ref.Level.ID
		}
		if kinds[kind] {
			jobs = append(jobs, Job{
				Path: path, Kind: kind, Title: title, Role: ref.Role.ID, Level: level,
				Write: func(w io.Writer) (int, error) { return profile.Write(w, fw, ref, popts) },
			})
			docs = append(docs, profile.IndexDoc{Ref: ref, Path: path, Format: "PDF"})
		}
		if kinds[KindHTML] {
			path = strings.TrimSuffix(path, ".pdf") + ".html"
			jobs = append(jobs, Job{
				Path: path, Kind: KindHTML, Title: title, Role: ref.Role.ID, Level: level,
				Write: func(w io.Writer) (int, error) { return 0, profile.WriteHTML(w, fw, ref, hopts) },
			})
			docs = append(docs, profile.IndexDoc{Ref: ref, Path: path, Format: "HTML"})
		}
	}
	// HTML goes with the PDF kinds chosen; chosen alone, it covers both.
	if kinds[KindRole] || !pdfs {
		seen := map[*model.Role]bool{}
		for _, ref := range refs {
			if !seen[ref.Role] {
				seen[ref.Role] = true
				add(model.LevelRef{Role: ref.Role}, KindRole, ref.Role.Name)
			}
		}
	}
	if kinds[KindProfile] || !pdfs {
		for _, ref := range refs {
			add(ref, KindProfile, ref.Level.Title)
		}
	}
	if kinds[KindHTML] {
		iopts := profile.IndexOptions{Organisation: popts.Organisation, Generator: popts.Creator, Created: popts.Created}
		if kinds[KindMatrix] {
			iopts.Matrix = layout.Matrix()
		}
		jobs = append(jobs, Job{
			Path: naming.IndexFile, Kind: KindIndex, Title: "Index of the documents",
			Write: func(w io.Writer) (int, error) { return 0, profile.WriteHTMLIndex(w, fw, docs, iopts) },
		})
	}
	return append(jobs, careerJobs(fw, layout, refs, kinds, popts)...), nil
}

// careerJobs lists the career documents of a batch over refs: the
// progression of every role with a selected level and two or more levels,
// beside its profile, and the interview sheet (PDF and XLSX) of every
// selected level, beside the level's profile.
func careerJobs(fw *model.Framework, layout *naming.Paths, refs []model.LevelRef, kinds Kinds, popts profile.Options) []Job {
	var jobs []Job
	beside := func(ref model.LevelRef, suffix string) string {
		return strings.TrimSuffix(layout.Profile(ref), ".pdf") + suffix
	}
	if kinds[KindProgression] {
		seen := map[*model.Role]bool{}
		for _, ref := range refs {
			r := ref.Role
			if seen[r] || len(r.Levels) < 2 {
				continue
			}
			seen[r] = true
			role := model.LevelRef{Role: r}
			jobs = append(jobs, Job{
				Path: beside(role, "-progression.pdf"), Kind: KindProgression, Title: r.Name + ": progression", Role: r.ID,
				Write: func(w io.Writer) (int, error) { return profile.WriteProgression(w, fw, role, popts) },
			})
		}
	}
	if kinds[KindInterview] {
		wopts := workbook.InterviewOptions{Options: workbook.Options{Creator: popts.Creator, Created: popts.Created}}
		for _, ref := range refs {
			jobs = append(jobs,
				Job{
					Path: beside(ref, "-interview.pdf"), Kind: KindInterview, Title: ref.Level.Title + ": interview sheet", Role: ref.Role.ID, Level: ref.Level.ID,
					Write: func(w io.Writer) (int, error) { return profile.WriteInterview(w, fw, ref, profile.DefaultScale, popts) },
				},
				Job{
					Path: beside(ref, "-interview.xlsx"), Kind: KindInterview, Title: ref.Level.Title + ": interview workbook", Role: ref.Role.ID, Level: ref.Level.ID,
					Write: func(w io.Writer) (int, error) { return 0, workbook.WriteInterview(w, fw, ref, wopts) },
				})
		}
	}
	return jobs
}
