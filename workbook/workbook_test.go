package workbook_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/seedref"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/model"
	"github.com/ddat-tools/ddat/workbook"
	"github.com/xuri/excelize/v2"
)

var created = time.Date(2024, 9, 1, 12, 0, 0, 0, time.UTC)

func senior(t *testing.T) (*model.Framework, model.LevelRef) {
	t.Helper()
	fw := fixture.Default(t)
	r, err := fw.Role("infrastructure-engineer")
	if err != nil {
		t.Fatal(err)
	}
	return fw, model.LevelRef{Role: r, Level: &r.Levels[2]}
}

func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// inRange reports whether cell lies in a space-separated list of ranges.
func inRange(t *testing.T, sqref, cell string) bool {
	c, r, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range strings.Fields(sqref) {
		from, to, ok := strings.Cut(part, ":")
		if !ok {
			to = from
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil {
			t.Fatalf("sqref %q", sqref)
		}
		if c >= c1 && c <= c2 && r >= r1 && r <= r2 {
			return true
		}
	}
	return false
}

// TestInterviewWorkbook checks every skill of the seed's level is a row,
// with its level and "You can:" items, that every score cell has a
// drop-down of the scale, and the golden file.
func TestInterviewWorkbook(t *testing.T) {
	fw, ref := senior(t)
	var buf bytes.Buffer
	if err := workbook.WriteInterview(&buf, fw, ref, workbook.InterviewOptions{Options: workbook.Options{Created: created, Creator: "ddat test"}}); err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "interview-infrastructure-engineer-senior.xlsx", buf.Bytes())
	f := open(t, buf.Bytes())
	seed := seedref.InfrastructureEngineer(t)[2]
	dvs, err := f.GetDataValidations(workbook.Interview)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range seed.Skills {
		row := workbook.InterviewFirstRow + i
		get := func(col string) string {
			v, err := f.GetCellValue(workbook.Interview, col+strconv.Itoa(row))
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		if get("B") != s.Name || !strings.EqualFold(get("C"), s.Level) {
			t.Errorf("row %d: %q %q, want %q %q", row, get("B"), get("C"), s.Name, s.Level)
		}
		for _, item := range s.Can {
			if !strings.Contains(get("D"), item) {
				t.Errorf("row %d: %q missing", row, item)
			}
		}
		score := "F" + strconv.Itoa(row)
		found := false
		for _, dv := range dvs {
			if inRange(t, dv.Sqref, score) && dv.Type == "list" && dv.Formula1 == `"1,2,3,4,5,6,7"` {
				found = true
			}
		}
		if !found {
			t.Errorf("score cell %s: no drop-down of 1 to 7 in %+v", score, dvs)
		}
	}
	total := workbook.InterviewFirstRow + len(seed.Skills)
	if fx, _ := f.GetCellFormula(workbook.Interview, "F"+strconv.Itoa(total)); fx != "SUM(F9:F20)" {
		t.Errorf("total formula %q", fx)
	}
	// A row past the skills has no drop-down.
	for _, dv := range dvs {
		if inRange(t, dv.Sqref, "F"+strconv.Itoa(total)) {
			t.Errorf("the total has a drop-down")
		}
	}
}

// TestNoFrameworkTextAsFormula loads a framework whose texts look like
// formulas and checks they are stored as text.
func TestNoFrameworkTextAsFormula(t *testing.T) {
	fw, ref := senior(t)
	ref.Level.Title = "=HYPERLINK(\"http://example.invalid\")"
	for name, write := range map[string]func(*bytes.Buffer) error{
		"interview":  func(b *bytes.Buffer) error { return workbook.WriteInterview(b, fw, ref, workbook.InterviewOptions{}) },
		"assessment": func(b *bytes.Buffer) error { return workbook.WriteAssessment(b, fw, ref, workbook.Options{}) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		f := open(t, buf.Bytes())
		sheet := f.GetSheetName(0)
		if fx, _ := f.GetCellFormula(sheet, "A1"); fx != "" {
			t.Errorf("%s: A1 is the formula %q", name, fx)
		}
	}
}

// TestAssessmentLibreOffice writes levels into the self-assessment of the
// seed's Senior infrastructure engineer, recalculates it with LibreOffice
// and reads the gap column: each gap is the target's rank less the level
// picked, never below 0, blank where nothing is picked.
func TestAssessmentLibreOffice(t *testing.T) {
	fw, ref := senior(t)
	var buf bytes.Buffer
	if err := workbook.WriteAssessment(&buf, fw, ref, workbook.Options{Created: created, Creator: "ddat test"}); err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "assessment-infrastructure-engineer-senior.xlsx", buf.Bytes())
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	seed := seedref.InfrastructureEngineer(t)[2]
	picks := []string{"Not yet", "Awareness", "Working", "Practitioner", "Expert", ""}
	f := open(t, buf.Bytes())
	want := map[int]string{}
	below, met, steps, blank := 0, 0, 0, 0
	for i, s := range seed.Skills {
		row := workbook.AssessmentFirstRow + i
		pick := picks[i%len(picks)]
		if pick == "" {
			want[row], blank = "", blank+1
			continue
		}
		if err := f.SetCellStr(workbook.Assessment, "C"+strconv.Itoa(row), pick); err != nil {
			t.Fatal(err)
		}
		gap := max(0, seedref.Rank(s.Level)+1-map[string]int{"Not yet": 0, "Awareness": 1, "Working": 2, "Practitioner": 3, "Expert": 4}[pick])
		want[row] = strconv.Itoa(gap)
		steps += gap
		if gap > 0 {
			below++
		} else {
			met++
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "assessment.xlsx")
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	office := testkit.Tool(t, "libreoffice")
	out, err := exec.Command(office, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "csv", "--outdir", dir, in).CombinedOutput()
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "assessment.csv"))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for row, gap := range want {
		if got := rows[row-1][3]; got != gap {
			t.Errorf("row %d (%s, needs %s, picked %s): gap %q, want %q", row, rows[row-1][0], rows[row-1][1], rows[row-1][2], got, gap)
		}
	}
	for row, n := range map[int]int{4: met + below, 5: met, 6: below, 7: steps, 8: blank} {
		if got := rows[row-1][3]; got != strconv.Itoa(n) {
			t.Errorf("summary %q: %q, want %d", rows[row-1][1], got, n)
		}
	}
}
