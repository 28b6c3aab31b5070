package main

import (
	"fmt"
	"io"

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
// worker is left with a long one at the end. What every document shares is
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
	if !kinds[batch.KindRole] && !kinds[batch.KindProfile] && !kinds[kindProgression] && !kinds[kindInterview] {
		return jobs, nil
	}
	fonts, err := profile.LoadFonts()
	if err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	popts.Fonts = fonts
	profile := func(ref model.LevelRef, kind, title, level string) batch.Job {
		return batch.Job{
			Path:  layout.Profile(ref),
			Kind:  kind,
			Title: title,
			Role:  ref.Role.ID,
			Level: level,
			Write: func(w io.Writer) (int, error) { return profile.Write(w, fw, ref, popts) },
		}
	}
	if kinds[batch.KindRole] {
		seen := map[*model.Role]bool{}
		for _, ref := range refs {
			if !seen[ref.Role] {
				seen[ref.Role] = true
				jobs = append(jobs, profile(model.LevelRef{Role: ref.Role}, batch.KindRole, ref.Role.Name, ""))
			}
		}
	}
	if kinds[batch.KindProfile] {
		for _, ref := range refs {
			jobs = append(jobs, profile(ref, batch.KindProfile, ref.Level.Title, ref.Level.ID))
		}
	}
	return append(jobs, careerJobs(fw, layout, refs, kinds, popts)...), nil
}
