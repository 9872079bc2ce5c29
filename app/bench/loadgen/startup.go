package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/whoiscalling/whoiscalling/app/bench"
)

// listFlag collects a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func runStartup(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("startup", flag.ContinueOnError)
	bin := fs.String("bin", "", "the whoiscalling binary")
	port := fs.Int("port", 0, "the port it listens on (set as WEBHOOK_SERVER_PORT on 127.0.0.1)")
	runs := fs.Int("runs", 10, "starts to time")
	settle := fs.Duration("settle", 0, "keep the last start running this long, then read its resident memory")
	logPath := fs.String("log", "", "append the program's output to this file")
	label := fs.String("label", "", "names the run in the output")
	out := fs.String("out", "", "also write the result as JSON to this file")
	var env listFlag
	fs.Var(&env, "env", "KEY=VALUE for the program's environment (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *bin == "" || *port == 0 {
		return errors.New("startup needs --bin and --port")
	}
	cfg := bench.StartConfig{Bin: *bin, Args: fs.Args(), Runs: *runs, Settle: *settle,
		Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)),
		Env:  append([]string{"WEBHOOK_LISTEN_HOST=127.0.0.1", "WEBHOOK_SERVER_PORT=" + strconv.Itoa(*port)}, env...)}
	if *logPath != "" {
		f, err := os.OpenFile(*logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		cfg.Log = f
	}
	res, err := bench.MeasureStartup(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s start-up to listening over %d runs: p50 %.1f ms, max %.1f ms", *label, res.Runs, res.P50, res.Max)
	if res.RSSKB > 0 {
		fmt.Fprintf(stdout, "; RSS %.1f MiB after %s", float64(res.RSSKB)/1024, *settle)
	}
	fmt.Fprintln(stdout)
	return writeOut(*out, res)
}

func runRSS(_ context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("rss", flag.ContinueOnError)
	pid := fs.Int("pid", 0, "the process")
	out := fs.String("out", "", "also write the result as JSON to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	kb, err := bench.ReadRSS(*pid)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "pid %d: RSS %.1f MiB\n", *pid, float64(kb)/1024)
	return writeOut(*out, bench.RSSResult{PID: *pid, RSSKB: kb})
}

func runWait(ctx context.Context, args []string, _ io.Writer) error {
	fs := flag.NewFlagSet("wait", flag.ContinueOnError)
	addr := fs.String("addr", "", "host:port to wait for")
	timeout := fs.Duration("timeout", 30*time.Second, "give up after this long")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return bench.WaitListening(ctx, *addr, time.Now().Add(*timeout), nil)
}

func runPort(_ context.Context, _ []string, stdout io.Writer) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Fprintln(stdout, ln.Addr().(*net.TCPAddr).Port)
	return nil
}

func runReport(_ context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	dir := fs.String("dir", "", "the results dir")
	goVersion := fs.String("go", "", "`go version` output for the machine line")
	load := fs.String("load", "", "the load average before the run, for the machine line")
	out := fs.String("out", "", "also write the table to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	m := bench.ThisMachine(*goVersion)
	m.Load = *load
	res, err := bench.ReadResults(*dir, m)
	if err != nil {
		return err
	}
	var b strings.Builder
	res.Table(&b)
	fmt.Fprint(stdout, b.String())
	if *out != "" {
		return os.WriteFile(*out, []byte(b.String()), 0o644)
	}
	return nil
}
