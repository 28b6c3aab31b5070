package formats

import (
	"fmt"
	"io"

	"github.com/ddat-tools/ddat/model"
	"github.com/xuri/excelize/v2"
)

// sheetName is the name of the one sheet Write puts in a workbook.
const sheetName = "Framework"

// widths are the column widths in characters: narrow for names, wide for the
// texts.
var widths = [numColumns]float64{
	colRoleFamily: 18, colRole: 26, colRoleID: 16, colRoleType: 16, colRoleDescription: 60,
	colRoleLevel: 30, colLevelNumber: 10, colRoleLevelDescription: 60, colGrades: 28, colResponsibilities: 60,
	colSkillName: 30, colSkillID: 16, colSkillDescription: 40, colSkillLevel: 13, colSkillLevelDescription: 60,
	colPublished: 12, colLastUpdated: 12, colUpdates: 60, colFramework: 30, colSource: 30, colLicence: 24, colURL: 30,
}

func writeXLSX(w io.Writer, fw *model.Framework, cols []column, rows [][numColumns]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: fw.Meta.Name, Creator: "ddat", Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	// Cells go in through the cell API rather than the stream writer, which
	// writes every text inline: the layout repeats its texts on many rows,
	// and shared strings keep each once, so the file is smaller and quicker
	// to read back.
	for i, c := range cols {
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheetName, name, name, widths[c]); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheetName, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	cells := make([]any, len(cols))
	for i, c := range cols {
		cells[i] = headings[c]
	}
	if err := f.SetSheetRow(sheetName, "A1", &cells); err != nil {
		return err
	}
	for n, r := range rows {
		for i, c := range cols {
			v := escapeQuote(r[c])
			if err := checkWritten(n+2, c, v); err != nil {
				return err
			}
			cells[i] = v
		}
		axis, err := excelize.CoordinatesToCellName(1, n+2)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheetName, axis, &cells); err != nil {
			return err
		}
	}
	last, err := excelize.CoordinatesToCellName(len(cols), len(rows)+1)
	if err != nil {
		return err
	}
	lastHead, err := excelize.CoordinatesToCellName(len(cols), 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheetName, "A1", lastHead, head); err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := f.SetCellStyle(sheetName, "A2", last, body); err != nil {
			return err
		}
	}
	if err := f.AutoFilter(sheetName, "A1:"+last, nil); err != nil {
		return fmt.Errorf("filter: %w", err)
	}
	_, err = f.WriteTo(w)
	return err
}
