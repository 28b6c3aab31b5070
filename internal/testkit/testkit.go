// Package testkit is what the tests of every package share: golden files
// with one -update flag, the fixtures in testdata/, a readable diff, and the
// external tools some tests need. It is imported by tests only.
//
// Every test package imports it, so that "go test ./... -update" works from
// the root: the go command passes -update to every test binary, and each
// must define it.
package testkit

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")

// Updating reports whether the tests run with -update, to rewrite golden
// files.
func Updating() bool { return *update }

// Root is the module's root directory, the one holding go.mod.
func Root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testkit: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Testdata is the path of name inside the module's testdata directory:
// Testdata("frameworks", "small.yaml").
func Testdata(elem ...string) string {
	return filepath.Join(append([]string{Root(), "testdata"}, elem...)...)
}

// Golden compares got with testdata/golden/name, or rewrites the file with
// -update. Text is compared line by line and its difference shown; anything
// else (a PDF, a workbook) is compared byte for byte, and should have a text
// dump beside it that a reviewer reads.
func Golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := Testdata("golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (go test ./... -update makes it; look at it before you commit it)", err)
	}
	if bytes.Equal(want, got) {
		return
	}
	if isText(want) && isText(got) {
		tb.Errorf("%s differs (-want +got; go test ./... -update rewrites it once you have checked the difference):\n%s",
			name, Diff(string(want), string(got)))
		return
	}
	tb.Errorf("%s differs from what the test made (%d bytes, want %d); compare its text dump, then go test ./... -update",
		name, len(got), len(want))
}

// GoldenString is Golden for text.
func GoldenString(tb testing.TB, name, got string) {
	tb.Helper()
	Golden(tb, name, []byte(got))
}

// isText reports whether b looks like text: UTF-8 with no NUL.
func isText(b []byte) bool {
	return !bytes.ContainsRune(b, 0) && !bytes.HasPrefix(b, []byte("%PDF")) && !bytes.HasPrefix(b, []byte("PK\x03\x04"))
}

// Diff is a line-by-line difference of two texts (-want +got), or "" when
// they are equal.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	return cmp.Diff(strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n"))
}

// Tool finds an external program that a test needs. Without it the test is
// skipped, or fails when the environment variable CI is set, so that CI
// never passes by skipping.
func Tool(tb testing.TB, name string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("%s is needed on CI: %v", name, err)
		}
		tb.Skipf("%s not installed", name)
	}
	return p
}

// Run runs an external program and returns its standard output, failing the
// test with its standard error when it fails.
func Run(tb testing.TB, name string, args ...string) []byte {
	tb.Helper()
	cmd := exec.Command(Tool(tb, name), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// PDFText is the text of a PDF as pdftotext extracts it, in reading order
// (no -layout), with form feeds between pages.
func PDFText(tb testing.TB, pdf []byte) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		tb.Fatal(err)
	}
	return string(Run(tb, "pdftotext", "-enc", "UTF-8", path, "-"))
}

// ByteCount is a writer that counts what it is given, for benchmarks that
// report a document's size without keeping it.
type ByteCount int

func (c *ByteCount) Write(p []byte) (int, error) {
	*c += ByteCount(len(p))
	return len(p), nil
}
