package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strings"
	"sync"

	"github.com/whoiscalling/whoiscalling/app/cli"
)

// runServe is `whoiscalling serve` itself (the same cli.Run that main.go
// calls), run in this process so it can be profiled without a hook in
// main.go: `loadgen serve --cpuprofile F [serve flags]`, then load it
// and `go tool pprof loadgen F`; or --trace F for where requests wait.
func runServe(ctx context.Context, args []string, stdout io.Writer) error {
	own, rest := splitFlags(args, "cpuprofile", "memprofile", "trace")
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cpu := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	mem := fs.String("memprofile", "", "write a heap profile at the end to this file")
	tr := fs.String("trace", "", "write an execution trace to this file (go tool trace -pprof=syscall|sync|sched shows where requests wait)")
	if err := fs.Parse(own); err != nil {
		return err
	}
	if *tr != "" {
		f, err := os.Create(*tr)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := trace.Start(f); err != nil {
			return err
		}
		defer trace.Stop()
	}
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return err
		}
		// The profile ends at the stop signal: it covers the load, not
		// the shut-down, and is complete even when that hangs.
		var once sync.Once
		stop := func() { once.Do(func() { pprof.StopCPUProfile(); f.Close() }) }
		defer stop()
		go func() { <-ctx.Done(); stop() }()
	}
	env := cli.Env{Stdout: stdout, Stderr: os.Stderr, Version: "loadgen"}.Defaults()
	code := cli.Run(ctx, env, append([]string{"serve"}, rest...))
	if *mem != "" {
		if err := writeHeap(*mem); err != nil {
			return err
		}
	}
	if code != cli.ExitOK {
		return fmt.Errorf("serve exited with %d", code)
	}
	return nil
}

func writeHeap(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	return errors.Join(pprof.WriteHeapProfile(f), f.Close())
}

// splitFlags takes the named flags (with their values) out of args for
// this command; the rest are serve's.
func splitFlags(args []string, names ...string) (own, rest []string) {
	ours := func(a string) (hasValue, ok bool) {
		name, _, eq := strings.Cut(strings.TrimLeft(a, "-"), "=")
		return eq, strings.HasPrefix(a, "-") && slices.Contains(names, name)
	}
	for i := 0; i < len(args); i++ {
		hasValue, ok := ours(args[i])
		switch {
		case !ok:
			rest = append(rest, args[i])
		case hasValue || i+1 == len(args):
			own = append(own, args[i])
		default:
			own = append(own, args[i], args[i+1])
			i++
		}
	}
	return own, rest
}
