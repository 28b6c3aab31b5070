package main

import (
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/ddat-tools/ddat/serve"
	"github.com/urfave/cli/v2"
)

// serveCommand runs the web application over the loaded framework.
func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "run a local web site to browse roles, read profiles and download the PDFs and the matrix",
		ArgsUsage: " ",
		Description: "serve answers on " + serve.DefaultAddr + " (this machine only) unless --addr says otherwise.\n" +
			"Every document is made on request with the same bytes \"ddat profile\" and \"ddat matrix\"\n" +
			"write with the same options and date (--date or SOURCE_DATE_EPOCH, else the time serve\n" +
			"started). Ctrl-C stops it once the requests in progress are answered.\n\n" +
			"Examples:\n" +
			"   ddat serve\n" +
			"   ddat serve --data department.yaml --organisation \"Cabinet Office\" --addr 127.0.0.1:9000",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "addr", Value: serve.DefaultAddr, EnvVars: []string{"DDAT_ADDR"}, Usage: "listen on `HOST:PORT`; another host than 127.0.0.1 or localhost makes the site visible on the network"},
			&cli.IntFlag{Name: "workers", Value: 0, Usage: "make at most `N` documents at once (default: the number of CPUs)"},
		}, profileFlags()...),
		Action: runServe,
	}
}

func runServe(c *cli.Context) error {
	if c.NArg() > 0 {
		return usagef("serve takes no arguments (got %q)", c.Args().First())
	}
	if c.Int("workers") < 0 {
		return usagef("--workers %d: expected 0 or more", c.Int("workers"))
	}
	popts, err := profileOptions(c) // the date is read once: every document keeps its bytes
	if err != nil {
		return err
	}
	fw, err := loadFramework(c)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(c.App.ErrWriter, nil))
	srv, err := serve.New(fw, serve.Options{Profile: popts, Logger: log, PDFWorkers: c.Int("workers")})
	if err != nil {
		return err
	}
	addr := c.String("addr")
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return usagef("--addr %s: %v", addr, err)
	}
	if !serve.IsLoopback(addr) {
		fmt.Fprintf(c.App.ErrWriter, "ddat: warning: listening on %s: the framework and its documents are visible to every machine that can reach this one\n", ln.Addr())
	}
	fmt.Fprintf(c.App.ErrWriter, "ddat serve: http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	return serve.Run(c.Context, ln, srv, log, 10*time.Second)
}
