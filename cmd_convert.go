package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// convertCommand is not built yet.
func convertCommand() *cli.Command {
	return &cli.Command{
		Name:   "convert",
		Usage:  "not built yet",
		Action: func(*cli.Context) error { return errors.New("convert: not built yet") },
	}
}
