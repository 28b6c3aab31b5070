package main

import (
	"fmt"
	"io"

	"github.com/ddat-tools/ddat/export"
	"github.com/ddat-tools/ddat/model"
)

// batchJobs lists the documents of a batch over refs, the selected role
// levels: the matrix of refs, the profile of every role that has a selected
// level (the whole role, all its levels), and the profile of every selected
// level, each kind only if kinds holds it. The matrix comes first and role
// profiles before level profiles: the longest documents start first, so no
// worker is left with a long one at the end. What every document shares is
// made here once: the fonts, parsed and cut down (export.LoadFonts); the
// caller read the logo and loaded the framework once.
func batchJobs(fw *model.Framework, refs []model.LevelRef, kinds map[string]bool, popts export.ProfileOptions, perRole bool) ([]export.Job, error) {
	layout := export.NewLayout(fw)
	var jobs []export.Job
	if kinds[export.KindMatrix] {
		mopts := export.MatrixOptions{Levels: refs, PerRole: perRole, Creator: popts.Creator, Created: popts.Created}
		jobs = append(jobs, export.Job{
			Path:  layout.Matrix(),
			Kind:  export.KindMatrix,
			Title: "Skills matrix",
			Write: func(w io.Writer) (int, error) { return 0, export.Matrix(w, fw, mopts) },
		})
	}
	if !kinds[export.KindRole] && !kinds[export.KindProfile] {
		return jobs, nil
	}
	fonts, err := export.LoadFonts()
	if err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	popts.Fonts = fonts
	profile := func(ref model.LevelRef, kind, title, level string) export.Job {
		return export.Job{
			Path:  layout.Profile(ref),
			Kind:  kind,
			Title: title,
			Role:  ref.Role.ID,
			Level: level,
			Write: func(w io.Writer) (int, error) { return export.Profile(w, fw, ref, popts) },
		}
	}
	if kinds[export.KindRole] {
		seen := map[*model.Role]bool{}
		for _, ref := range refs {
			if !seen[ref.Role] {
				seen[ref.Role] = true
				jobs = append(jobs, profile(model.LevelRef{Role: ref.Role}, export.KindRole, ref.Role.Name, ""))
			}
		}
	}
	if kinds[export.KindProfile] {
		for _, ref := range refs {
			jobs = append(jobs, profile(ref, export.KindProfile, ref.Level.Title, ref.Level.ID))
		}
	}
	return jobs, nil
}
