package batch

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestLockStaging checks that a staging directory one batch holds, or one
// removed, cannot be locked by another, and can once released.
func TestLockStaging(t *testing.T) {
	dir := t.TempDir()
	release, err := lockStaging(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lockStaging(dir); !errors.Is(err, errStagingTaken) {
		t.Errorf("locking a held directory: err = %v, want errStagingTaken", err)
	}
	if _, ok := claimStale(dir, nil); ok {
		t.Error("a held staging directory was claimed as stale")
	}
	release()
	again, ok := claimStale(dir, nil)
	if !ok {
		t.Fatal("a released staging directory cannot be claimed")
	}
	again()
	gone := filepath.Join(dir, "gone")
	if err := os.Mkdir(gone, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Remove(gone)
	if _, err := lockStaging(gone); !errors.Is(err, errStagingTaken) {
		t.Errorf("locking a removed directory: err = %v, want errStagingTaken", err)
	}
}
