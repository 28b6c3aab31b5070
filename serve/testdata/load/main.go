// Command load puts a running "ddat serve" under load: many clients
// fetching level PDFs and HTML profiles at once for a while, then a report
// of requests per second, latency percentiles, errors and the server's
// peak resident memory. It only loads a server on this machine.
//
//	ddat serve --addr 127.0.0.1:8080 &
//	go run ./serve/testdata/load -url http://127.0.0.1:8080 -c 200 -d 10s -pid $!
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the server, on this machine")
	clients := flag.Int("c", 200, "clients at once")
	dur := flag.Duration("d", 10*time.Second, "how long")
	pid := flag.Int("pid", 0, "the server's process id, to report its peak memory (Linux)")
	flag.Parse()
	if err := run(*base, *clients, *dur, *pid); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

var (
	roleHref  = regexp.MustCompile(`href="(/role/[a-z0-9-]+)"`)
	levelHref = regexp.MustCompile(`href="(/role/[a-z0-9-]+/level/[a-z0-9-]+(?:/pdf)?)"`)
)

func run(base string, clients int, dur time.Duration, pid int) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s: only a server on this machine (127.0.0.1, ::1, localhost)", base)
	}
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	client := &http.Client{Transport: tr, Timeout: 60 * time.Second}
	get := func(path string) (string, error) {
		resp, err := client.Get(base + path)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			return "", fmt.Errorf("%s: status %d", path, resp.StatusCode)
		}
		return string(b), err
	}
	home, err := get("/")
	if err != nil {
		return err
	}
	var paths []string
	for _, m := range roleHref.FindAllStringSubmatch(home, -1) {
		page, err := get(m[1])
		if err != nil {
			return err
		}
		for _, l := range levelHref.FindAllStringSubmatch(page, -1) {
			paths = append(paths, l[1])
		}
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	if len(paths) == 0 {
		return fmt.Errorf("no level PDFs or profiles found from %s", base)
	}
	pdfs := 0
	for _, p := range paths {
		if strings.HasSuffix(p, "/pdf") {
			pdfs++
		}
	}
	fmt.Printf("%d documents (%d level PDFs, %d HTML profiles), %d clients, %s\n", len(paths), pdfs, len(paths)-pdfs, clients, dur)

	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	var (
		mu        sync.Mutex
		latencies []time.Duration
		errs      atomic.Int64
		bytes     atomic.Int64
		firstErr  atomic.Value
		wg        sync.WaitGroup
	)
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			var mine []time.Duration
			for i := c; ctx.Err() == nil; i += clients {
				p := paths[i%len(paths)]
				t0 := time.Now()
				resp, err := client.Get(base + p)
				if err == nil {
					var n int64
					n, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					bytes.Add(n)
					if err == nil && resp.StatusCode != 200 {
						err = fmt.Errorf("%s: status %d", p, resp.StatusCode)
					}
				}
				if err != nil {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))]
	}
	fmt.Printf("%d requests in %.1f s: %.0f requests/s, %.1f MB/s; p50 %s, p99 %s, max %s; %d errors\n",
		len(latencies), elapsed.Seconds(), float64(len(latencies))/elapsed.Seconds(), float64(bytes.Load())/1e6/elapsed.Seconds(),
		pct(0.50).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), pct(1).Round(time.Microsecond), errs.Load())
	if e := firstErr.Load(); e != nil {
		fmt.Printf("first error: %s\n", e)
	}
	if pid > 0 {
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "VmHWM:") || strings.HasPrefix(line, "VmRSS:") {
				fmt.Println("server", strings.Join(strings.Fields(line), " "))
			}
		}
	}
	if errs.Load() > 0 {
		return fmt.Errorf("%d errors", errs.Load())
	}
	return nil
}
