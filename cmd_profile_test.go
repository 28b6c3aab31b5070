package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProfileCommand runs "ddat profile" end to end.
func TestProfileCommand(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	png := filepath.Join(t.TempDir(), "logo.png")
	// A 1×1 PNG.
	if err := os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"), 0o644); err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(t.TempDir(), "truncated.png")
	if err := os.WriteFile(truncated, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx"), 0o644); err != nil {
		t.Fatal(err)
	}
	notImage := filepath.Join(t.TempDir(), "logo.gif")
	if err := os.WriteFile(notImage, []byte("GIF89a"), 0o644); err != nil {
		t.Fatal(err)
	}
	small, err := os.ReadFile(filepath.Join("testdata", "frameworks", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	emoji := filepath.Join(t.TempDir(), "emoji.yaml")
	if err := os.WriteFile(emoji, bytes.Replace(small, []byte("design a simple widget"), []byte("design a simple widget 🙂"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		file   string // made in the working directory; "" = none
		stdout string // a prefix of standard output
		stderr string // part of standard error
	}{
		{"level", []string{"profile", "infrastructure-engineer", "--level", "senior"}, exitOK, "senior-infrastructure-engineer.pdf", "", "wrote senior-infrastructure-engineer.pdf"},
		{"level number, flags first", []string{"profile", "-l", "3", "infrastructure-engineer"}, exitOK, "senior-infrastructure-engineer.pdf", "", ""},
		{"role", []string{"profile", "infrastructure-engineer"}, exitOK, "infrastructure-engineer.pdf", "", ""},
		{"level titled like the role", []string{"profile", "infrastructure-engineer", "--level", "2"}, exitOK, "infrastructure-engineer-level-2.pdf", "", ""},
		{"output", []string{"profile", "infrastructure-engineer", "--level", "2", "-o", "mine.pdf", "--paper", "letter", "--organisation", "Cabinet Office", "--logo", png}, exitOK, "mine.pdf", "", ""},
		{"stdout", []string{"profile", "infrastructure-engineer", "-o", "-"}, exitOK, "", "%PDF-", ""},
		{"unknown role", []string{"profile", "nobody"}, exitUsage, "", "", `no role "nobody"`},
		{"unknown level", []string{"profile", "infrastructure-engineer", "--level", "9"}, exitUsage, "", "", `no level of Infrastructure engineer "9"`},
		{"no role", []string{"profile"}, exitUsage, "", "", "give one ROLE"},
		{"paper", []string{"profile", "infrastructure-engineer", "--paper", "a3"}, exitUsage, "", "", `--paper "a3"`},
		{"missing logo", []string{"profile", "infrastructure-engineer", "--logo", "nothere.png"}, exitUsage, "", "", "--logo nothere.png: no such file"},
		{"unprintable character", []string{"profile", "widget-engineer", "--level", "2", "--data", emoji, "-o", "w.pdf"}, exitError, "", "", `role widget-engineer, level "widget-engineer", skill "Widget design", "You can:", item 1: character U+1F642`},
		{"not an image", []string{"profile", "infrastructure-engineer", "--logo", notImage}, exitUsage, "", "", "not a PNG or JPEG image"},
		{"truncated logo", []string{"profile", "infrastructure-engineer", "--logo", truncated, "-o", "t.pdf"}, exitUsage, "", "", "--logo " + truncated + ": unreadable image"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"ddat"}, tc.args...), &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			if !strings.HasPrefix(stdout.String(), tc.stdout) {
				t.Errorf("stdout starts %.20q, want %q", stdout.String(), tc.stdout)
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr %q, want it to contain %q", stderr.String(), tc.stderr)
			}
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			switch {
			case tc.file == "" && len(names) > 0:
				t.Errorf("files left behind: %v", names)
			case tc.file != "":
				b, err := os.ReadFile(filepath.Join(dir, tc.file))
				if err != nil {
					t.Fatalf("%v; files: %v", err, names)
				}
				if !bytes.HasPrefix(b, []byte("%PDF-")) || len(names) != 1 {
					t.Errorf("%s is not a PDF or other files were left: %v", tc.file, names)
				}
			}
		})
	}
}

// TestProfileReproducible: the same SOURCE_DATE_EPOCH gives the same bytes,
// and --date overrides it.
func TestProfileReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	make := func(extra ...string) []byte {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"ddat", "profile", "infrastructure-engineer", "--level", "1", "-o", "-"}, extra...), &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		return stdout.Bytes()
	}
	a, b := make(), make()
	if !bytes.Equal(a, b) {
		t.Error("two runs with SOURCE_DATE_EPOCH differ")
	}
	if !bytes.Contains(a, []byte("D:20231114221320")) {
		t.Error("creation date is not SOURCE_DATE_EPOCH")
	}
	if c := make("--date", "2025-01-02"); !bytes.Contains(c, []byte("D:20250102000000")) {
		t.Error("--date is not the creation date")
	}
}
