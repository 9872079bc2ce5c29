package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/whoiscalling/whoiscalling/app/bench"
)

// runSoak plays the tray host on --bus, waits for the tray app to
// register, then soaks it (bench.Soak).
func runSoak(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("soak", flag.ContinueOnError)
	url := fs.String("url", "", "the tray app's listener URL")
	pid := fs.Int("pid", 0, "the tray app's process id (its RSS is sampled)")
	bus := fs.String("bus", "", "D-Bus address of the tray app's session bus")
	dur := fs.Duration("duration", 3*time.Minute, "how long to soak")
	callEvery := fs.Duration("call-every", time.Second, "one call (newCall, answer, hangup) this often")
	winEvery := fs.Duration("windows-every", time.Minute, "open the windows from the tray menu this often")
	sampleEvery := fs.Duration("sample-every", 10*time.Second, "sample the RSS this often")
	windows := fs.String("windows", "Recent calls,Contacts", "tray menu labels to click, comma-separated")
	titles := fs.String("close", "Recent calls,Contacts", "titles of the windows to close with Ctrl+W (xdotool), comma-separated; empty leaves them open")
	closeAfter := fs.Duration("close-after", 20*time.Second, "close the windows this long after opening them")
	out := fs.String("out", "", "also write the result as JSON to this file")
	pf := addPlanFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *url == "" || *pid == 0 || *bus == "" {
		return errors.New("soak needs --url, --pid and --bus")
	}
	plan, err := pf.plan()
	if err != nil {
		return err
	}
	tray, err := bench.NewTrayHost(*bus)
	if err != nil {
		return err
	}
	defer tray.Close()
	for deadline := time.Now().Add(30 * time.Second); !tray.Registered(); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			return errors.New("no tray item registered within 30 s")
		}
	}
	cfg := bench.SoakConfig{URL: *url, PID: *pid, Tray: tray, Windows: strings.Split(*windows, ","),
		Duration: *dur, CallEvery: *callEvery, WindowsEvery: *winEvery, SampleEvery: *sampleEvery, Plan: plan}
	if *titles != "" {
		cfg.Close, cfg.CloseAfter = bench.CloseByKeyboard(strings.Split(*titles, ",")), *closeAfter
	}
	res := bench.Soak(ctx, cfg)
	growth, early, last, _ := res.Growth()
	fmt.Fprintf(stdout, "soak %.0f s: %d calls, %d errors%s, %d window opens, %d closing rounds; RSS %d KiB at 1/6, %d KiB at the end (%+.1f %%)\n",
		res.Seconds, res.Calls, res.Errors, firstErr(res.FirstError), res.WindowOpens, res.WindowCloses, early, last, 100*growth)
	return writeOut(*out, res)
}
