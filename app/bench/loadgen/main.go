// Command loadgen is the load generator and measuring kit of `make bench`
// (.ci/bench runs it): it seeds a data dir, serves the bare baseline
// handler, drives webhook listeners, plays the notification server on a
// private D-Bus, times start-ups, reads resident memory, and prints the
// table. `loadgen help` lists the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	// clocale must initialise before Fyne's lang package (which the
	// seeding pulls in): under LANG=C.UTF-8 it would log a locale error.
	_ "github.com/whoiscalling/whoiscalling/app/i18n/clocale"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

// command is one subcommand.
type command struct {
	name, usage string
	run         func(ctx context.Context, args []string, stdout io.Writer) error
}

func commands() []command {
	return []command{
		{"seed", "fill a data dir: --data-dir D --contacts N --calls N [--seed S]", runSeed},
		{"baseline", "serve the bare net/http handler: --addr 127.0.0.1:0; prints its address", runBaseline},
		{"run", "drive a listener: --url U [--concurrency N] [--duration D] [--rate R] [--seed-data D]", runLoad},
		{"notify", "time webhook → Notify: --url U --bus ADDR [--calls N] [--seed-data D]", runNotify},
		{"notifyd", "answer Notify calls on a D-Bus until stopped: --bus ADDR", runNotifyd},
		{"startup", "time start-ups to listening: --bin B --port P [--runs N] [--settle D] -- ARGS", runStartup},
		{"soak", "soak the tray app: --url U --pid P --bus ADDR [--duration D] [--seed-data D]", runSoak},
		{"rss", "resident memory of a process: --pid P", runRSS},
		{"port", "print a free TCP port on 127.0.0.1", runPort},
		{"wait", "wait until something answers HTTP: --addr HOST:PORT [--timeout D]", runWait},
		{"serve", "`whoiscalling serve` in this process, with --cpuprofile F (for pprof)", runServe},
		{"report", "print the markdown table of a results dir: --dir W [--go VERSION] [--load AVG] [--out F]", runReport},
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stdout, "usage: loadgen COMMAND [flags]; COMMAND --help explains its flags")
		for _, c := range commands() {
			fmt.Fprintf(stdout, "  %-9s %s\n", c.name, c.usage)
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout)
		}
	}
	return fmt.Errorf("unknown command %q (loadgen help lists them)", args[0])
}
