package naming

import "github.com/ddat-tools/ddat/model"

// VacancyFile is the file name of the profile of ref made for a vacancy
// with the given reference: "<reference>-<level>" as slugs, with ext, e.g.
// "co-2025-0142-senior-infrastructure-engineer.pdf". Without a reference it
// is File(ref, ext). It follows the rules of File: a slug within
// MaxNameLength, so it names a file in the directory it is written to and
// nowhere else.
func VacancyFile(reference string, ref model.LevelRef, ext string) string {
	r := trimSlug(model.Slug(reference), MaxNameLength/2)
	if r == "" {
		return File(ref, ext)
	}
	level := File(ref, "")
	return trimSlug(r+"-"+level, MaxNameLength) + ext
}

// Vacancies hands out the distinct file names of a batch of vacancies' profiles,
// all in the output directory itself, beside its manifest.
type Vacancies struct{ s *siblings }

// NewVacancies starts the names of a batch of vacancies.
func NewVacancies() *Vacancies { return &Vacancies{newSiblings(MatrixFile, ManifestFile)} }

// Add is the name of the profile of ref for the vacancy with reference
// (see VacancyFile), made distinct from every name given before with "-2",
// "-3" … should two references slug alike.
func (v *Vacancies) Add(reference string, ref model.LevelRef, ext string) string {
	name := VacancyFile(reference, ref, "")
	return v.s.add(name, ext)
}
