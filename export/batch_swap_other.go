//go:build !linux

package export

import "errors"

// exchange is not available here; publish falls back to two renames.
func exchange(a, b string) error { return errors.New("no atomic exchange on this system") }
