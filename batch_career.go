package main

import (
	"io"
	"strings"

	"github.com/ddat-tools/ddat/batch"
	"github.com/ddat-tools/ddat/internal/naming"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/profile"
	"github.com/ddat-tools/ddat/workbook"
)

// Kinds of career document in a batch, made only when --only names them.
const (
	kindProgression = batch.KindProgression
	kindInterview   = batch.KindInterview
)

var careerKinds = map[string]bool{kindProgression: true, kindInterview: true}

// careerJobs lists the career documents of a batch over refs: the
// progression of every role with a selected level and two or more levels,
// beside its profile, and the interview sheet (PDF and XLSX) of every
// selected level, beside the level's profile.
func careerJobs(fw *model.Framework, layout *naming.Paths, refs []model.LevelRef, kinds map[string]bool, popts profile.Options) []batch.Job {
	var jobs []batch.Job
	beside := func(ref model.LevelRef, suffix string) string {
		return strings.TrimSuffix(layout.Profile(ref), ".pdf") + suffix
	}
	if kinds[kindProgression] {
		seen := map[*model.Role]bool{}
		for _, ref := range refs {
			r := ref.Role
			if seen[r] || len(r.Levels) < 2 {
				continue
			}
			seen[r] = true
			role := model.LevelRef{Role: r}
			jobs = append(jobs, batch.Job{
				Path: beside(role, "-progression.pdf"), Kind: kindProgression, Title: r.Name + ": progression", Role: r.ID,
				Write: func(w io.Writer) (int, error) { return profile.WriteProgression(w, fw, role, popts) },
			})
		}
	}
	if kinds[kindInterview] {
		wopts := workbook.InterviewOptions{Options: workbook.Options{Creator: popts.Creator, Created: popts.Created}}
		for _, ref := range refs {
			jobs = append(jobs,
				batch.Job{
					Path: beside(ref, "-interview.pdf"), Kind: kindInterview, Title: ref.Level.Title + ": interview sheet", Role: ref.Role.ID, Level: ref.Level.ID,
					Write: func(w io.Writer) (int, error) { return profile.WriteInterview(w, fw, ref, profile.DefaultScale, popts) },
				},
				batch.Job{
					Path: beside(ref, "-interview.xlsx"), Kind: kindInterview, Title: ref.Level.Title + ": interview workbook", Role: ref.Role.ID, Level: ref.Level.ID,
					Write: func(w io.Writer) (int, error) { return 0, workbook.WriteInterview(w, fw, ref, wopts) },
				})
		}
	}
	return jobs
}
