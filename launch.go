package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// launchArgs are the arguments ddat runs with, given those of the process
// and whether Windows Explorer started it (mousetrap): double-clicked, ddat
// runs its web site and opens it in the browser, as someone who does not
// use a terminal expects; with files dropped on its icon, it does the same
// over those files (the framework's download is two). A shortcut that
// gives a command runs it as given, as does every other start.
func launchArgs(args []string, byExplorer bool) []string {
	if !byExplorer || len(args) == 0 {
		return args
	}
	site := []string{args[0], "serve", "--open"}
	for _, a := range args[1:] {
		if fi, err := os.Stat(a); err != nil || !fi.Mode().IsRegular() {
			return args
		}
		site = append(site, "--data", a)
	}
	return site
}

// holdWindow keeps the console window that Windows opened for a
// double-clicked ddat until its user has read why ddat stopped: the
// window closes when ddat ends.
func holdWindow(in io.Reader, out io.Writer) {
	fmt.Fprint(out, "Press Enter to close this window.")
	bufio.NewReader(in).ReadString('\n')
}
