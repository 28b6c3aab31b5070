package main

import (
	"fmt"
	"io"
	"time"

	"github.com/ddat-tools/ddat/export"
	"github.com/ddat-tools/ddat/model"
)

// batchSettings are the document options of a batch, read once from the
// command line.
type batchSettings struct {
	Paper        string
	Organisation string
	Logo         []byte
	PerRole      bool
	Creator      string
	Created      time.Time
}

// batchJobs lists the documents of a batch over refs, the selected role
// levels: the matrix of refs, the profile of every role that has a selected
// level (the whole role, all its levels), and the profile of every selected
// level, each kind only if kinds holds it. The matrix comes first and role
// profiles before level profiles: the longest documents start first, so no
// worker is left with a long one at the end. What every document shares is
// made here once: the parsed fonts, the logo, the loaded framework.
func batchJobs(fw *model.Framework, refs []model.LevelRef, kinds map[string]bool, s batchSettings) ([]export.Job, error) {
	layout := export.NewLayout(fw)
	var jobs []export.Job
	if kinds[export.KindMatrix] {
		mopts := export.MatrixOptions{Levels: refs, PerRole: s.PerRole, Creator: s.Creator, Created: s.Created}
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
	popts := export.ProfileOptions{
		Paper:        s.Paper,
		Organisation: s.Organisation,
		Logo:         s.Logo,
		Creator:      s.Creator,
		Created:      s.Created,
		Fonts:        fonts,
	}
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
