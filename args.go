package main

import (
	"flag"
	"io"
	"slices"

	"github.com/urfave/cli/v2"
)

// flagsAfterArgs lets a command's flags follow its arguments, as in
// "ddat profile infrastructure-engineer --level senior" or
// "ddat show infrastructure-engineer senior --width 0": urfave/cli stops
// parsing flags at the first argument, so the rest are parsed here, set on c,
// and the arguments returned.
func flagsAfterArgs(c *cli.Context) ([]string, error) {
	rest := c.Args().Slice()
	if len(rest) <= 1 {
		return rest, nil
	}
	set := flag.NewFlagSet(c.Command.Name, flag.ContinueOnError)
	set.SetOutput(io.Discard)
	for _, f := range c.Command.Flags {
		if err := f.Apply(set); err != nil {
			return nil, err
		}
	}
	var args []string
	for len(rest) > 0 {
		if err := set.Parse(rest); err != nil {
			return nil, usageError{suggestFlag(c.Command.Flags, err)}
		}
		rest = set.Args()
		if len(rest) > 0 {
			args = append(args, rest[0])
			rest = rest[1:]
		}
	}
	var err error
	set.Visit(func(f *flag.Flag) {
		for _, cf := range c.Command.Flags {
			if !slices.Contains(cf.Names(), f.Name) {
				continue
			}
			if sl, ok := f.Value.(*cli.StringSlice); ok {
				// A repeated flag (--data, --role): each value once, as
				// given; its aliases share the one list.
				for _, v := range sl.Value() {
					if err == nil {
						err = c.Set(cf.Names()[0], v)
					}
				}
				continue
			}
			for _, name := range cf.Names() { // aliases hold their own values
				if err == nil {
					err = c.Set(name, f.Value.String())
				}
			}
		}
	})
	if err != nil {
		return nil, usageError{err}
	}
	return args, nil
}
