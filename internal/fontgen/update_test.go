package main

// testkit defines the -update flag, which "go test ./... -update" passes to
// every test binary.
import _ "github.com/ddat-tools/ddat/internal/testkit"
