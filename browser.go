package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/cli/browser"
)

// openBrowser shows url in the user's web browser: the command $BROWSER
// names when it is set (the convention of Unix tools, and how tests watch
// it), else the system's default browser. It does not wait for the
// browser to close.
func openBrowser(ctx context.Context, url string) error {
	if cmd := strings.Fields(os.Getenv("BROWSER")); len(cmd) > 0 {
		c := exec.CommandContext(ctx, cmd[0], append(cmd[1:], url)...)
		c.Stdout, c.Stderr = os.Stderr, os.Stderr
		if err := c.Start(); err != nil {
			return fmt.Errorf("$BROWSER: %w", err)
		}
		go c.Wait() // reaped whenever it ends; serve does not wait for it
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- browser.OpenURL(url) }()
	// Some openers block until the browser is closed: after a moment, take
	// no news for good news.
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		return nil
	}
}
