package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// profileCommand is not built yet.
func profileCommand() *cli.Command {
	return &cli.Command{
		Name:   "profile",
		Usage:  "not built yet",
		Action: func(*cli.Context) error { return errors.New("profile: not built yet") },
	}
}
