package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/ddat-tools/ddat/batch"
	"github.com/ddat-tools/ddat/internal/naming"
	"github.com/ddat-tools/ddat/matrix"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
)

// batchJobs lists the documents of a batch over refs, the selected role
// levels: the matrix of refs (with mopts, on the profiles' paper), the
// profile of every role that has a selected level (the whole role, all its
// levels), and the profile of every selected level, each kind only if kinds
// holds it. The matrix comes first and role
// profiles before level profiles: the longest documents start first, so no
// worker is left with a long one at the end. With KindHTML each profile
// also gets its HTML page beside it (both kinds of profile in HTML alone
// when no PDF kind is chosen), and an index.html links to every document. What every document shares is
// made here once: the fonts, parsed and cut down (profile.LoadFonts); the
// caller read the logo and loaded the framework once.
func batchJobs(fw *model.Framework, refs []model.LevelRef, kinds map[string]bool, popts profile.Options, mopts matrix.Options) ([]batch.Job, error) {
	layout := naming.NewPaths(fw)
	var jobs []batch.Job
	if kinds[batch.KindMatrix] {
		mopts.Levels, mopts.Creator, mopts.Created, mopts.Paper = refs, popts.Creator, popts.Created, popts.Paper
		jobs = append(jobs, batch.Job{
			Path:  layout.Matrix(),
			Kind:  batch.KindMatrix,
			Title: "Skills matrix",
			Write: func(w io.Writer) (int, error) { return 0, matrix.Write(w, fw, mopts) },
		})
	}
	pdfs := kinds[batch.KindRole] || kinds[batch.KindProfile]
	if !pdfs && !kinds[batch.KindHTML] && !kinds[kindProgression] && !kinds[kindInterview] {
		return jobs, nil
	}
	fonts, err := profile.LoadFonts()
	if err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	popts.Fonts = fonts
	hopts := htmlOptions(popts)
	var docs []profile.IndexDoc // what index.html links to
	add := func(ref model.LevelRef, kind, title string) {
		path, level := layout.Profile(ref), ""
		if ref.Level != nil {
			level = ref.Level.ID
		}
		if kinds[kind] {
			jobs = append(jobs, batch.Job{
				Path: path, Kind: kind, Title: title, Role: ref.Role.ID, Level: level,
				Write: func(w io.Writer) (int, error) { return profile.Write(w, fw, ref, popts) },
			})
			docs = append(docs, profile.IndexDoc{Ref: ref, Path: path, Format: "PDF"})
		}
		if kinds[batch.KindHTML] {
			path = strings.TrimSuffix(path, ".pdf") + ".html"
			jobs = append(jobs, batch.Job{
				Path: path, Kind: batch.KindHTML, Title: title, Role: ref.Role.ID, Level: level,
				Write: func(w io.Writer) (int, error) { return 0, profile.WriteHTML(w, fw, ref, hopts) },
			})
			docs = append(docs, profile.IndexDoc{Ref: ref, Path: path, Format: "HTML"})
		}
	}
	// HTML goes with the PDF kinds chosen; chosen alone, it covers both.
	if kinds[batch.KindRole] || !pdfs {
		seen := map[*model.Role]bool{}
		for _, ref := range refs {
			if !seen[ref.Role] {
				seen[ref.Role] = true
				add(model.LevelRef{Role: ref.Role}, batch.KindRole, ref.Role.Name)
			}
		}
	}
	if kinds[batch.KindProfile] || !pdfs {
		for _, ref := range refs {
			add(ref, batch.KindProfile, ref.Level.Title)
		}
	}
	if kinds[batch.KindHTML] {
		iopts := profile.IndexOptions{Organisation: popts.Organisation, Generator: popts.Creator, Created: popts.Created}
		if kinds[batch.KindMatrix] {
			iopts.Matrix = layout.Matrix()
		}
		jobs = append(jobs, batch.Job{
			Path: naming.IndexFile, Kind: batch.KindIndex, Title: "Index of the documents",
			Write: func(w io.Writer) (int, error) { return 0, profile.WriteHTMLIndex(w, fw, docs, iopts) },
		})
	}
	return append(jobs, careerJobs(fw, layout, refs, kinds, popts)...), nil
}
