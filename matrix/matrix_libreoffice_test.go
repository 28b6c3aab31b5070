package matrix_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/internal/fixture"
	"github.com/ddat-tools/ddat/internal/testkit"
	"github.com/ddat-tools/ddat/matrix"
)

// TestMatrixLibreOffice converts the workbook to PDF with LibreOffice, as a
// user opening it would, and checks that every sheet came through.
func TestMatrixLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	office := testkit.Tool(t, "libreoffice")
	pdftotext := testkit.Tool(t, "pdftotext")
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "matrix.xlsx")
	data := makeMatrix(t, fixture.Default(t), matrix.Options{PerRole: true})
	if err := os.WriteFile(xlsx, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// A profile of its own, so a running LibreOffice does not take the job.
	cmd := exec.Command(office, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "matrix.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	for _, want := range []string{
		"Skills matrix: Government Digital and Data Profession Capability Framework",
		"Skills matrix: the skill level each role level needs",
		"Skills: what you can do at each skill level",
		"Roles: each role level",
		"Data: one row per role level and skill",
		"Infrastructure engineer: skills by role level",
		"Practitioner",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}
