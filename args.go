package main

import (
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// flagsFirst reorders a command line so that a command's flags come before
// its arguments, as urfave/cli expects, whatever order people type them in:
// "ddat profile infrastructure-engineer --level senior" becomes
// "ddat profile --level senior -- infrastructure-engineer". It runs once,
// before parsing, so every flag is then parsed by urfave/cli itself; a flag
// the command does not know is left for it to report.
func flagsFirst(app *cli.App, args []string) []string {
	i := 1
	for i < len(args) && isFlag(args[i]) {
		if args[i] == "--" {
			return args
		}
		i += flagWidth(app.Flags, args, i)
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	i++
	var flags, positional []string
	late := false // a flag after an argument: the order urfave/cli misreads
	for j := i; j < len(args); {
		a := args[j]
		switch {
		case a == "--":
			positional = append(positional, args[j+1:]...)
			j = len(args)
		case isFlag(a):
			late = late || len(positional) > 0
			w := flagWidth(cmd.Flags, args, j)
			flags = append(flags, args[j:j+w]...)
			j += w
		default:
			positional = append(positional, a)
			j++
		}
	}
	if !late {
		return args
	}
	out := append(slices.Clip(args[:i]), flags...)
	if len(positional) > 0 {
		out = append(append(out, "--"), positional...)
	}
	return out
}

// isFlag reports whether a is a flag rather than an argument; "-" alone
// names standard input.
func isFlag(a string) bool { return len(a) > 1 && a[0] == '-' }

// flagWidth is how many words the flag at args[i] takes: two for a flag
// that takes a value given as the next word, else one.
func flagWidth(flags []cli.Flag, args []string, i int) int {
	name := strings.TrimLeft(args[i], "-")
	if strings.Contains(name, "=") || i+1 >= len(args) {
		return 1
	}
	for _, f := range flags {
		if !slices.Contains(f.Names(), name) {
			continue
		}
		if _, ok := f.(*cli.BoolFlag); ok {
			return 1
		}
		return 2
	}
	return 1 // unknown: urfave/cli reports it
}

// globalString is the value of one of the global text flags (--format,
// --sheet, --grades), read once: given after the command, else before it,
// else from the environment, else its default. A command with a flag of
// its own by that name (an output --format) does not count.
func globalString(c *cli.Context, name string) string {
	var global *cli.StringFlag
	for _, f := range globalFlags() {
		if sf, ok := f.(*cli.StringFlag); ok && sf.Name == name {
			global = sf
		}
	}
	if global == nil {
		return c.String(name)
	}
	env := ""
	for _, e := range global.EnvVars {
		if v, ok := os.LookupEnv(e); ok {
			env = v
		}
	}
	for _, ctx := range c.Lineage() {
		if ctx.Command != nil && ctx.Command.Name != "" && !hasGlobalCopy(ctx.Command, global) {
			continue
		}
		// What the user gave here differs from what parsing puts in a flag
		// that was not given: its default or the environment's value.
		if v := ctx.String(name); v != global.Value && v != env {
			return v
		}
	}
	if env != "" {
		return env
	}
	return global.Value
}

// hasGlobalCopy reports whether cmd took its own copy of the global flag g
// (see acceptGlobalFlags), rather than a flag of its own by that name.
func hasGlobalCopy(cmd *cli.Command, g *cli.StringFlag) bool {
	for _, f := range cmd.Flags {
		if sf, ok := f.(*cli.StringFlag); ok && sf.Name == g.Name {
			return sf.Usage == g.Usage
		}
	}
	return false
}
