package main

import (
	"strings"
	"testing"
)

// TestServeUsage: serve refuses arguments and an address it cannot listen
// on, before it serves anything.
func TestServeUsage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"serve", "extra"}, "serve takes no arguments"},
		{[]string{"serve", "--addr", "nonsense"}, "--addr nonsense"},
		{[]string{"serve", "--workers", "-1"}, "--workers -1"},
	} {
		_, stderr, code := ddat(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("ddat %q: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, exitUsage, tc.stderr)
		}
	}
}
