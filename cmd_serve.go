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
		Description: "serve answers on " + serve.DefaultAddr + " (this machine only) unless --addr says otherwise;\n" +
			"when that port is taken and --addr is not given, on a free one. --open shows the site in\n" +
			"your web browser ($BROWSER, if set, names the command). On Windows, double-clicking\n" +
			"ddat.exe runs \"ddat serve --open\".\n" +
			"Every document is made on request with the same bytes \"ddat profile\" and \"ddat matrix\"\n" +
			"write with the same options and date (--date or SOURCE_DATE_EPOCH, else the time serve\n" +
			"started). Ctrl-C stops it once the requests in progress are answered.\n\n" +
			"Examples:\n" +
			"   ddat serve --open\n" +
			"   ddat serve --data department.yaml --organisation \"Cabinet Office\" --addr 127.0.0.1:9000",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "addr", Value: serve.DefaultAddr, EnvVars: []string{"DDAT_ADDR"}, Usage: "listen on `HOST:PORT`; another host than 127.0.0.1 or localhost makes the site visible on the network"},
			&cli.IntFlag{Name: "workers", Value: 0, Usage: "make at most `N` documents at once (default: the number of CPUs)"},
			&cli.BoolFlag{Name: "open", Usage: "open the site in your web browser once it is ready"},
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
	srv, err := serve.New(fw, serve.Options{Profile: popts, Logger: log, PDFWorkers: c.Int("workers"), Version: version()})
	if err != nil {
		return err
	}
	addr := c.String("addr")
	ln, err := net.Listen("tcp", addr)
	if err != nil && !c.IsSet("addr") {
		// Most often another program (or another ddat serve) has the usual
		// port: someone who double-clicked ddat cannot choose one, so take
		// any free one.
		if other, oerr := net.Listen("tcp", "127.0.0.1:0"); oerr == nil {
			fmt.Fprintf(c.App.ErrWriter, "ddat serve: cannot listen on %s (%v); serving on %s instead (--addr chooses)\n", addr, err, other.Addr())
			ln, err = other, nil
		}
	}
	if err != nil {
		return usagef("--addr %s: %v", addr, err)
	}
	if !serve.IsLoopback(addr) {
		fmt.Fprintf(c.App.ErrWriter, "ddat: warning: listening on %s: the framework and its documents are visible to every machine that can reach this one\n", ln.Addr())
	}
	url := siteURL(ln.Addr())
	fmt.Fprintf(c.App.ErrWriter, "ddat serve: %s (Ctrl-C to stop)\n", url)
	if c.Bool("open") {
		// The listener takes connections already: the page loads at once.
		if err := openBrowser(c.Context, url); err != nil {
			fmt.Fprintf(c.App.ErrWriter, "ddat serve: cannot open a web browser (%v); open %s in yours\n", err, url)
		}
	}
	return serve.Run(c.Context, ln, srv, log, 10*time.Second)
}

// siteURL is the address people open for a listener: on a listener of
// every interface, this machine's.
func siteURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
