//go:build !linux

package batch_test

import (
	"os"
	"testing"
)

// asNobody skips the calling test when the tests run as root, whom no
// permission stops; it reports false otherwise.
func asNobody(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() == 0 {
		t.Skip("root may write anywhere")
	}
	return false
}
