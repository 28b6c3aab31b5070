package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// showCommand is not built yet.
func showCommand() *cli.Command {
	return &cli.Command{
		Name:   "show",
		Usage:  "not built yet",
		Action: func(*cli.Context) error { return errors.New("show: not built yet") },
	}
}
