package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// skillsCommand is not built yet.
func skillsCommand() *cli.Command {
	return &cli.Command{
		Name:   "skills",
		Usage:  "not built yet",
		Action: func(*cli.Context) error { return errors.New("skills: not built yet") },
	}
}
