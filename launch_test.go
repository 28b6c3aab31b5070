package main

import (
	"bytes"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestLaunchArgs: started from Windows Explorer, ddat runs its web site,
// over the files dropped on it if any; otherwise it runs as asked.
func TestLaunchArgs(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "role-content.csv"), filepath.Join(dir, "skill-descriptions.csv")
	for _, f := range []string{a, b} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name       string
		args       []string
		byExplorer bool
		want       []string
	}{
		{"typed, no command", []string{"ddat"}, false, []string{"ddat"}},
		{"typed, a command", []string{"ddat", "roles"}, false, []string{"ddat", "roles"}},
		{"typed, files", []string{"ddat", a}, false, []string{"ddat", a}},
		{"double-clicked", []string{"ddat.exe"}, true, []string{"ddat.exe", "serve", "--open"}},
		{"files dropped on it", []string{"ddat.exe", a, b}, true, []string{"ddat.exe", "serve", "--open", "--data", a, "--data", b}},
		{"a shortcut with a command", []string{"ddat.exe", "batch", "-o", "out"}, true, []string{"ddat.exe", "batch", "-o", "out"}},
		{"a directory dropped on it", []string{"ddat.exe", dir}, true, []string{"ddat.exe", dir}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := launchArgs(tc.args, tc.byExplorer); !slices.Equal(got, tc.want) {
				t.Errorf("launchArgs(%q, %v) = %q, want %q", tc.args, tc.byExplorer, got, tc.want)
			}
		})
	}
}

func TestHoldWindow(t *testing.T) {
	var out bytes.Buffer
	holdWindow(strings.NewReader("\n"), &out)
	if !strings.Contains(out.String(), "Press Enter") {
		t.Errorf("holdWindow wrote %q", out.String())
	}
}

// TestServeOpen runs "ddat serve --open" as a double-click does, with the
// usual port taken, and checks that it serves on another and opens the
// browser ($BROWSER, a script here) on a page that answers; Ctrl-C stops it.
func TestServeOpen(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no signals to send on Windows")
	}
	if testing.Short() {
		t.Skip("slow: runs ddat in a child process")
	}
	// Hold the usual port; if another program has it, it is taken anyway.
	if ln, err := net.Listen("tcp", "127.0.0.1:8080"); err == nil {
		defer ln.Close()
	}
	dir := t.TempDir()
	opened := filepath.Join(dir, "opened")
	script := filepath.Join(dir, "browser")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf %s \"$1\" > "+opened+".tmp && mv "+opened+".tmp "+opened+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BROWSER", script)
	t.Setenv("DDAT_ADDR", "") // restored after the test
	os.Unsetenv("DDAT_ADDR")
	var url string
	ready := func() bool {
		b, err := os.ReadFile(opened)
		if err != nil {
			return false
		}
		url = string(b)
		resp, err := http.Get(url)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}
	stderr := signalChild(t, []string{"serve", "--open"}, ready, syscall.SIGINT, exitOK)
	if !regexp.MustCompile(`^http://127\.0\.0\.1:[0-9]+/$`).MatchString(url) || strings.HasSuffix(url, ":8080/") {
		t.Errorf("browser opened %q, want the site on a free port of 127.0.0.1", url)
	}
	if !strings.Contains(stderr, "cannot listen on 127.0.0.1:8080") || !strings.Contains(stderr, "ddat serve: "+url+" (Ctrl-C to stop)") {
		t.Errorf("stderr does not say where it serves, and why not on 8080:\n%s", stderr)
	}
}
