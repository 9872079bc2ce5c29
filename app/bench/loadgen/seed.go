package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/whoiscalling/whoiscalling/app/bench"
)

// seedFile, in a seeded data dir, says what it was seeded with, so
// `run --seed-data` knows which callers the book has.
const seedFile = "loadgen.json"

type seedInfo struct {
	Seed     uint64 `json:"seed"`
	Contacts int    `json:"contacts"`
	Calls    int    `json:"calls"`
}

func runSeed(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	dir := fs.String("data-dir", "", "the data dir to fill (created; must not hold a book yet)")
	contacts := fs.Int("contacts", 100_000, "contacts to import")
	calls := fs.Int("calls", 50_000, "calls to post through the tracker")
	seed := fs.Uint64("seed", 1, "seed of the generated book and calls")
	workers := fs.Int("workers", 32, "calls posted at once (they share group commits)")
	out := fs.String("out", "", "also write the result as JSON to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("seed needs --data-dir")
	}
	res, err := bench.Seed(ctx, bench.SeedConfig{Dir: *dir, Seed: *seed, Contacts: *contacts, Calls: *calls, Workers: *workers})
	if err != nil {
		return err
	}
	if err := bench.WriteJSON(filepath.Join(*dir, seedFile), seedInfo{*seed, *contacts, *calls}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "seeded %s: %d contacts imported in %.1f s, %d calls posted in %.1f s\n",
		*dir, res.Contacts, res.ContactsSecond, res.Calls, res.CallsSecond)
	return writeOut(*out, res)
}

// planFlags are the flags that pick the generated callers.
type planFlags struct {
	seed     *uint64
	contacts *int
	seedData *string
	run      *string
}

func addPlanFlags(fs *flag.FlagSet) planFlags {
	return planFlags{
		seed:     fs.Uint64("seed", 1, "seed the book was generated with"),
		contacts: fs.Int("contacts", 0, "contacts in the book (0: every caller unknown)"),
		seedData: fs.String("seed-data", "", "a data dir filled by `loadgen seed`: takes --seed and --contacts from it"),
		run:      fs.String("run-id", "", "tags the callIds (default: the process id and start time)"),
	}
}

func (p planFlags) plan() (bench.Plan, error) {
	plan := bench.Plan{Seed: *p.seed, Contacts: *p.contacts, Run: *p.run}
	if plan.Run == "" {
		plan.Run = fmt.Sprint(os.Getpid(), "-", startTime.UnixNano())
	}
	if *p.seedData == "" {
		return plan, nil
	}
	b, err := os.ReadFile(filepath.Join(*p.seedData, seedFile))
	if err != nil {
		return plan, fmt.Errorf("--seed-data: %w (was the dir filled by `loadgen seed`?)", err)
	}
	var info seedInfo
	if err := json.Unmarshal(b, &info); err != nil {
		return plan, fmt.Errorf("--seed-data: %s: %w", seedFile, err)
	}
	plan.Seed, plan.Contacts = info.Seed, info.Contacts
	return plan, nil
}

// writeOut writes v as JSON to path, if one was given.
func writeOut(path string, v any) error {
	if path == "" {
		return nil
	}
	return bench.WriteJSON(path, v)
}
