package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/whoiscalling/whoiscalling/app/bench"
)

func runNotify(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("notify", flag.ContinueOnError)
	url := fs.String("url", "", "the listener's URL; it must send popups to --bus")
	bus := fs.String("bus", "", "D-Bus address the listener's DBUS_SESSION_BUS_ADDRESS points at")
	calls := fs.Int("calls", 1000, "calls to time")
	warm := fs.Int("warmup", 5, "untimed calls first")
	gap := fs.Duration("gap", 5*time.Millisecond, "pause after each call, so popups never queue up")
	out := fs.String("out", "", "also write the result as JSON to this file")
	pf := addPlanFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *url == "" || *bus == "" {
		return errors.New("notify needs --url and --bus")
	}
	plan, err := pf.plan()
	if err != nil {
		return err
	}
	res, err := bench.MeasureNotify(ctx, bench.NotifyConfig{URL: *url, Bus: *bus, Calls: *calls, Warmup: *warm, Gap: *gap, Plan: plan})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "webhook → Notify over %d calls: p50 %.3f ms, p99 %.3f ms, max %.3f ms; %d arrived, %d missing, %d post errors, %d other popups\n",
		res.Calls, res.Latency.P50, res.Latency.P99, res.Latency.Max, res.Arrived, res.Missing, res.Errors, res.Other)
	return writeOut(*out, res)
}

func runNotifyd(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("notifyd", flag.ContinueOnError)
	bus := fs.String("bus", "", "D-Bus address to serve org.freedesktop.Notifications on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	srv, err := bench.StartNotifyServer(*bus, false)
	if err != nil {
		return err
	}
	<-ctx.Done()
	fmt.Fprintf(stdout, "notifyd: answered %d Notify calls\n", srv.Count())
	return srv.Close()
}
