package export

import (
	"fmt"
	"io"
	"time"

	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// MatrixOptions says what goes into a skills matrix workbook. The zero value
// makes the whole framework's matrix, dated now.
type MatrixOptions struct {
	Levels  []model.LevelRef // the role levels to include, in order; nil = all
	PerRole bool             // add one progression sheet per role
	Creator string           // the workbook's creator property, e.g. "ddat 1.2.0"
	Created time.Time        // creation date in the properties and on the cover; zero = time.Now()
}

// Matrix writes an Excel workbook (.xlsx) comparing role levels by the
// skills they need: a cover sheet, the Matrix (skills × role levels, each
// cell the skill level needed, coloured by level), the Skills and Roles
// catalogues, the Data sheet in long format for pivot tables, and with
// PerRole one progression sheet per role. Every data sheet is an Excel table
// and every text cell holds text, never a formula. The same framework,
// options and date give the same bytes.
func Matrix(w io.Writer, fw *model.Framework, opts MatrixOptions) error {
	if opts.Created.IsZero() {
		opts.Created = time.Now()
	}
	opts.Created = opts.Created.UTC()
	lay := newMatrixLayout(fw, opts.Levels, opts.PerRole)
	if len(lay.columns) == 0 {
		return fmt.Errorf("matrix: no role levels to show")
	}
	if err := lay.checkCellTexts(); err != nil {
		return fmt.Errorf("matrix: %w", err)
	}

	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(newSortedZip)
	st, err := newStyles(f, len(fw.SkillLevels))
	if err != nil {
		return fmt.Errorf("matrix: %w", err)
	}
	wb := &workbook{f: f, lay: lay, st: st, opts: opts}
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
	f    *excelize.File
	lay  *matrixLayout
	st   *xlsxStyles
	opts MatrixOptions
}

// build adds every sheet and the workbook's properties.
func (wb *workbook) build() error {
	if err := wb.f.SetSheetName("Sheet1", sheetCover); err != nil {
		return err
	}
	sheets := []string{sheetMatrix, sheetSkills, sheetRoles, sheetData}
	for _, rs := range wb.lay.roles {
		sheets = append(sheets, rs.sheet)
	}
	for _, s := range sheets {
		if _, err := wb.f.NewSheet(s); err != nil {
			return fmt.Errorf("sheet %s: %w", s, err)
		}
	}
	steps := []func() error{wb.cover, wb.matrix, wb.skills, wb.roles, wb.data}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	for i := range wb.lay.roles {
		if err := wb.progression(&wb.lay.roles[i]); err != nil {
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
		Title:          "Skills matrix: " + frameworkName(wb.lay.fw),
		Subject:        "Skills needed by each role level of the " + frameworkName(wb.lay.fw),
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
