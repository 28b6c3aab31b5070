package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // bad data, failed output, anything at run time
	exitUsage = 2 // the command line asks for something that is not there
)

// run is main without the process: it builds the app, runs it with args and
// maps the error to an exit code, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	// Ctrl-C and SIGTERM cancel the context, so that commands stop at their
	// next write and leave no partial file; a second signal ends the process
	// at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	err := app.RunContext(ctx, flagsFirst(app, args))
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "ddat: %s\n", oneLine(err))
	var u usageError
	if errors.As(err, &u) {
		return exitUsage
	}
	// cli reports "ddat help nosuchcommand" as an ExitCoder with code 3.
	var ec cli.ExitCoder
	if errors.As(err, &ec) && ec.ExitCode() != exitError {
		return exitUsage
	}
	return exitError
}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:    "ddat",
		Usage:   "job profiles and skills matrices from the Government Digital and Data Profession Capability Framework",
		Version: version(),
		Description: "ddat reads a capability framework (the embedded default, or your own file with --data)\n" +
			"and makes PDF job profiles, an Excel skills matrix, or every document at once.\n\n" +
			"Examples:\n" +
			"   ddat roles\n" +
			"   ddat show infrastructure-engineer senior\n" +
			"   ddat profile infrastructure-engineer --level senior\n" +
			"   ddat batch -o out",
		Flags:                globalFlags(),
		Commands:             commands(),
		Writer:               stdout,
		ErrWriter:            stderr,
		EnableBashCompletion: true,
		// A repeated flag's values are kept whole: file names, role names
		// and places of work hold commas ("Fixture House, Leeds"). --only
		// and DDAT_DATA split their lists themselves.
		DisableSliceFlagSeparator: true,
		// Errors are printed and mapped to exit codes in run, in one place.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return usageError{suggestFlag(c.App.Flags, err)}
		},
		// Without a command, show the help; an unknown one is a usage error
		// (cli's own CommandNotFound cannot fail the run).
		Action: func(c *cli.Context) error {
			if !c.Args().Present() {
				return cli.ShowAppHelp(c)
			}
			var names []string
			for _, cmd := range c.App.VisibleCommands() {
				if cmd.Name != "help" {
					names = append(names, cmd.Name)
				}
			}
			return usagef("no command %q; choose one of: %s", c.Args().First(), strings.Join(names, ", "))
		},
	}
}

// commands lists every command, in the order --help shows them.
func commands() []*cli.Command {
	cmds := []*cli.Command{
		rolesCommand(),
		skillsCommand(),
		showCommand(),
		validateCommand(),
		profileCommand(),
		matrixCommand(),
		batchCommand(),
		convertCommand(),
		progressionCommand(),
		compareCommand(),
		interviewCommand(),
		assessmentCommand(),
		serveCommand(),
	}
	for _, c := range cmds {
		c.OnUsageError = func(ctx *cli.Context, err error, _ bool) error {
			return usageError{suggestFlag(ctx.Command.Flags, err)}
		}
		acceptGlobalFlags(c, globalFlags())
	}
	return cmds
}

// globalFlags are the flags of the app itself. Every flag is made anew for
// each app, never kept in a package variable: urfave/cli writes parsed and
// environment values into the flag structs, and apps (tests run many) must
// not share them.
func globalFlags() []cli.Flag {
	return []cli.Flag{dataFlag(), formatFlag(), sheetFlag(), frameworkNameFlag(), gradesFlag()}
}

// acceptGlobalFlags lets the global text flags follow the command too, as in
// "ddat validate --data my.yaml": cmd gets its own copy of each (unless it
// has a flag of that name). globalString and dataPaths read the value given
// after the command, else the one given before it.
func acceptGlobalFlags(cmd *cli.Command, globals []cli.Flag) {
	taken := map[string]bool{}
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			taken[n] = true
		}
	}
	for _, g := range globals {
		if sl, ok := g.(*cli.StringSliceFlag); ok && !slices.ContainsFunc(sl.Names(), func(n string) bool { return taken[n] }) {
			cp := *sl // read by dataPaths, after the command or before it
			cmd.Flags = append(cmd.Flags, &cp)
			continue
		}
		sf, ok := g.(*cli.StringFlag)
		if !ok || slices.ContainsFunc(sf.Names(), func(n string) bool { return taken[n] }) {
			continue
		}
		cp := *sf
		cmd.Flags = append(cmd.Flags, &cp)
	}
}

// suggestFlag adds a "did you mean" to the error of an unknown flag, with
// cli's own suggestion among flags.
func suggestFlag(flags []cli.Flag, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: ")
	if !ok || cli.SuggestFlag == nil {
		return err
	}
	if s := cli.SuggestFlag(flags, strings.TrimLeft(name, "-"), false); s != "" {
		return fmt.Errorf("%w; did you mean %s?", err, s)
	}
	return err
}

// usageError marks an error as the user's request being wrong (exit 2)
// rather than the data or the machine (exit 1).
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// buildVersion is the version a release build stamps into the binary
// (scripts/build-binaries sets it with -ldflags -X); "" otherwise.
var buildVersion string

// version is the stamped version of a release build, else the module
// version that "go install …@version" records, else "dev".
func version() string {
	if buildVersion != "" {
		return buildVersion
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "dev"
}

// oneLine keeps an error to one line on the terminal; multi-line detail (a
// list of findings) is printed by the command itself.
func oneLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
