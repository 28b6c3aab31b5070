package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// batchCommand is not built yet.
func batchCommand() *cli.Command {
	return &cli.Command{
		Name:   "batch",
		Usage:  "not built yet",
		Action: func(*cli.Context) error { return errors.New("batch: not built yet") },
	}
}
