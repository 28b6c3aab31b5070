package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// validateCommand is not built yet.
func validateCommand() *cli.Command {
	return &cli.Command{
		Name:   "validate",
		Usage:  "not built yet",
		Action: func(*cli.Context) error { return errors.New("validate: not built yet") },
	}
}
