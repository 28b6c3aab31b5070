package matrix

import (
	"cmp"
	"fmt"
	"io"
	"time"

	"github.com/ddat-tools/ddat/internal/xlsxzip"
	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// Options says what goes into a skills matrix workbook. The zero value
// makes the whole framework's matrix, on A4, dated now.
type Options struct {
	Levels  []model.LevelRef // the role levels to include, in order; nil = all
	PerRole bool             // add one progression sheet per role
	Creator string           // the workbook's creator property, e.g. "ddat 1.2.0"
	Created time.Time        // creation date in the properties and on the cover; zero = time.Now()
	Paper   string           // PaperA4 or PaperLetter, the paper every sheet prints on; "" = A4
	// Selection is the filters that chose Levels, which the cover names;
	// the zero value says the workbook holds the whole framework.
	Selection model.Selection
}

// Write writes an Excel workbook (.xlsx) comparing role levels by the
// skills they need: a cover sheet, the Matrix (skills × role levels, each
// cell the skill level needed, coloured by level), the Role levels sheet
// (the same, one row per role level, with its grades as columns), the
// Skills and Roles catalogues, the Data sheet in long format for pivot
// tables, and with PerRole one progression sheet per role. Every data sheet
// is an Excel table, every text cell holds text, never a formula, and every
// sheet prints on the paper asked for with text of 8 points or more. The
// same framework, options and date give the same bytes.
func Write(w io.Writer, fw *model.Framework, opts Options) error {
	if opts.Created.IsZero() {
		opts.Created = time.Now()
	}
	opts.Created = opts.Created.UTC()
	paper, ok := papers[cmp.Or(opts.Paper, PaperA4)]
	if !ok {
		return fmt.Errorf("matrix: paper %q: expected %s or %s", opts.Paper, PaperA4, PaperLetter)
	}
	p := newPlan(fw, opts.Levels, opts.PerRole)
	if len(p.columns) == 0 {
		return fmt.Errorf("matrix: no role levels to show")
	}
	if err := p.checkCellTexts(); err != nil {
		return fmt.Errorf("matrix: %w", err)
	}

	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(xlsxzip.NewWriter)
	st, err := newStyles(f, len(fw.SkillLevels))
	if err != nil {
		return fmt.Errorf("matrix: %w", err)
	}
	wb := &workbook{f: f, plan: p, st: st, paper: paper, opts: opts}
	if err := wb.build(); err != nil {
		return fmt.Errorf("matrix: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("matrix: write: %w", err)
	}
	return nil
}

// workbook writes the sheets of one matrix workbook.
type workbook struct {
	f     *excelize.File
	plan  *plan
	st    *xlsxStyles
	paper paper
	opts  Options
}

// build adds every sheet and the workbook's properties.
func (wb *workbook) build() error {
	if err := wb.f.SetSheetName("Sheet1", sheetCover); err != nil {
		return err
	}
	sheets := []string{sheetMatrix, sheetLevels, sheetSkills, sheetRoles, sheetData}
	for _, rs := range wb.plan.roles {
		sheets = append(sheets, rs.sheet)
	}
	for _, s := range sheets {
		if _, err := wb.f.NewSheet(s); err != nil {
			return fmt.Errorf("sheet %s: %w", s, err)
		}
	}
	// Sheets are written smallest table first: excelize reads every table
	// written so far back to number the next one, so writing the Matrix's
	// table (a column per role level) before 200 role sheets would read it
	// 200 times.
	for i := range wb.plan.roles {
		if err := wb.progression(&wb.plan.roles[i]); err != nil {
			return err
		}
	}
	steps := []func() error{wb.cover, wb.skills, wb.roles, wb.data, wb.levels, wb.matrix}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	// The cover, once Sheet1, is already the active sheet; SetActiveSheet
	// would read every streamed sheet back.
	return wb.properties()
}

// properties sets the document properties that file browsers and
// accessibility checkers read.
func (wb *workbook) properties() error {
	creator := wb.opts.Creator
	if creator == "" {
		creator = "ddat"
	}
	date := wb.opts.Created.Format(time.RFC3339)
	err := wb.f.SetDocProps(&excelize.DocProperties{
		Title:          "Skills matrix: " + frameworkName(wb.plan.fw),
		Subject:        "Skills needed by each role level of the " + frameworkName(wb.plan.fw),
		Creator:        creator,
		LastModifiedBy: creator,
		Created:        date,
		Modified:       date,
		Language:       "en-GB",
		Keywords:       "skills matrix; role levels; capability framework",
	})
	if err != nil {
		return fmt.Errorf("properties: %w", err)
	}
	if err := wb.f.SetAppProps(&excelize.AppProperties{Application: "ddat"}); err != nil {
		return fmt.Errorf("properties: %w", err)
	}
	return nil
}
