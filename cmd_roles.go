package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// rolesCommand is not built yet.
func rolesCommand() *cli.Command {
	return &cli.Command{
		Name:   "roles",
		Usage:  "not built yet",
		Action: func(*cli.Context) error { return errors.New("roles: not built yet") },
	}
}
