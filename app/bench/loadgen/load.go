package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/whoiscalling/whoiscalling/app/bench"
)

var startTime = time.Now()

func runLoad(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	url := fs.String("url", "", "the listener's URL")
	conc := fs.Int("concurrency", 16, "requests in flight at most (workers, or lanes with --rate)")
	dur := fs.Duration("duration", 10*time.Second, "how long to measure")
	rate := fs.Float64("rate", 0, "requests per second, open loop (0: closed loop, as fast as it answers)")
	warm := fs.Duration("warmup", 0, "drive this long first, unmeasured")
	label := fs.String("label", "", "names the target in the output")
	out := fs.String("out", "", "also write the result as JSON to this file")
	pid := fs.Int("pid", 0, "the listener's process id: report its CPU time per request")
	samples := fs.String("samples", "", "write every request's start (s) and latency (ms) to this file, to see when the slow ones happen")
	pf := addPlanFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *url == "" {
		return errors.New("run needs --url")
	}
	plan, err := pf.plan()
	if err != nil {
		return err
	}
	cfg := bench.LoadConfig{URL: *url, Concurrency: *conc, Rate: *rate, Plan: plan, Client: bench.NewClient(*conc), ServerPID: *pid}
	if *warm > 0 {
		w := cfg
		w.Duration, w.Plan.Run = *warm, plan.Run+"-warmup"
		bench.Load(ctx, w)
	}
	cfg.Duration, cfg.KeepSamples = *dur, *samples != ""
	res := bench.Load(ctx, cfg)
	if err := writeSamples(*samples, res.Samples); err != nil {
		return err
	}
	res.Label = *label
	fmt.Fprintf(stdout, "%s %s loop, %d in flight, %.1f s: %d requests, %.0f req/s, p50 %.3f ms, p99 %.3f ms, max %.3f ms, %d errors%s; %d calls, %d from known callers\n",
		*label, res.Mode, res.Concurrency, res.Seconds, res.Requests, res.RPS, res.Latency.P50, res.Latency.P99, res.Latency.Max,
		res.Errors, firstErr(res.FirstError), res.Calls, res.KnownCalls)
	if res.ServerCPUus > 0 {
		fmt.Fprintf(stdout, "%s used %.0f µs CPU per request\n", *label, res.ServerCPUus)
	}
	if err := writeOut(*out, res); err != nil {
		return err
	}
	return ctx.Err()
}

func firstErr(s string) string {
	if s == "" {
		return ""
	}
	return " (first: " + s + ")"
}

func writeSamples(path string, samples []bench.Sample) error {
	if path == "" {
		return nil
	}
	slices.SortFunc(samples, func(a, b bench.Sample) int { return cmp.Compare(a.At, b.At) })
	var b strings.Builder
	for _, s := range samples {
		fmt.Fprintf(&b, "%.6f\t%.3f\n", s.At.Seconds(), float64(s.Latency)/float64(time.Millisecond))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
