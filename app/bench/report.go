package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

// The files of a results dir: each measurement writes one, Report
// reads them all. A missing file is a measurement that did not run.
const (
	FileSeed = "seed.json"
	// FileLoadBare, FileLoadServe and FileLoadTeam name the closed-loop
	// load's files; LoadFile names round n's.
	FileLoadBare    = "load-bare.json"
	FileLoadServe   = "load-serve.json"
	FileLoadTeam    = "load-team.json"
	FileRateBare    = "rate-bare.json"
	FileRateServe   = "rate-serve.json"
	FileNotify      = "notify.json"
	FileStartSeeded = "start-serve.json"
	FileStartEmpty  = "start-serve-empty.json"
	FileRSSServe    = "rss-serve.json"
	FileTraySeeded  = "tray-seeded.json"
	FileTrayEmpty   = "tray-empty.json"
	FileSoak        = "soak.json"
	// FileContacts and FileWindow hold `go test -bench` output;
	// FileWindowNote says why the window was not measured.
	FileContacts   = "bench-contacts.txt"
	FileHotPath    = "bench-hotpath.txt"
	FileOpen       = "bench-open.txt"
	FileWindow     = "bench-window.txt"
	FileWindowHeap = "bench-window-heap.txt"
	FileWindowNote = "window-note.txt"
	FileTeam       = "bench-team.txt"
)

// RSSResult is the resident memory of a running process.
type RSSResult struct {
	PID   int   `json:"pid"`
	RSSKB int64 `json:"rss_kb"`
}

// Machine is what the numbers were measured on.
type Machine struct {
	CPUs  int    `json:"cpus"`
	Model string `json:"model"`
	Go    string `json:"go"`
	// Load is the load average before the run (/proc/loadavg): other
	// work on the machine shows in the tail latencies.
	Load string `json:"load,omitempty"`
}

// ThisMachine describes this machine; goVersion is `go version`'s output.
func ThisMachine(goVersion string) Machine {
	m := Machine{CPUs: runtime.NumCPU(), Model: "unknown CPU", Go: strings.TrimSpace(goVersion)}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.Model = strings.TrimSpace(v)
				break
			}
		}
	}
	if m.Go == "" {
		m.Go = runtime.Version()
	}
	return m
}

// LoadFile is the name of round n (from 1) of a closed-loop load file
// such as FileLoadServe: load-serve-2.json.
func LoadFile(name string, n int) string {
	return strings.TrimSuffix(name, ".json") + "-" + strconv.Itoa(n) + ".json"
}

// LoadRound is one round of the closed-loop load: the bare handler, then
// serve, then the team receiver, one after the other.
type LoadRound struct{ Bare, Serve, Team *LoadResult }

// Results are all the measurements of one run of the harness.
type Results struct {
	Machine Machine
	Seed    *SeedResult
	// LoadBare, LoadServe and LoadTeam are the round whose serve ratio
	// is the median of Rounds (the only round when there is one).
	LoadBare, LoadServe     *LoadResult
	LoadTeam                *LoadResult // serve publishing to team mode
	TeamBare                *LoadResult // the bare run of LoadTeam's round
	Rounds                  []LoadRound
	RateBare, RateServe     *LoadResult
	Notify                  *NotifyResult
	StartSeeded, StartEmpty *StartResult
	RSSServe                *RSSResult
	TraySeeded, TrayEmpty   *StartResult
	Soak                    *SoakResult
	Contacts, Window        []GoBench
	WindowHeap              []GoBench // what opening the windows adds to the live heap
	HotPath, Open, Team     []GoBench
	WindowNote              string
}

// ReadResults reads the results dir.
func ReadResults(dir string, m Machine) (Results, error) {
	r := Results{Machine: m}
	jsons := []struct {
		file string
		into any
	}{
		{FileSeed, &r.Seed}, {FileRateBare, &r.RateBare}, {FileRateServe, &r.RateServe}, {FileNotify, &r.Notify},
		{FileStartSeeded, &r.StartSeeded}, {FileStartEmpty, &r.StartEmpty}, {FileRSSServe, &r.RSSServe},
		{FileTraySeeded, &r.TraySeeded}, {FileTrayEmpty, &r.TrayEmpty}, {FileSoak, &r.Soak},
	}
	for _, j := range jsons {
		if err := readJSON(filepath.Join(dir, j.file), j.into); err != nil {
			return r, err
		}
	}
	if err := r.readRounds(dir); err != nil {
		return r, err
	}
	var err error
	if r.Contacts, err = readBench(filepath.Join(dir, FileContacts)); err != nil {
		return r, err
	}
	if r.Window, err = readBench(filepath.Join(dir, FileWindow)); err != nil {
		return r, err
	}
	if r.WindowHeap, err = readBench(filepath.Join(dir, FileWindowHeap)); err != nil {
		return r, err
	}
	if r.HotPath, err = readBench(filepath.Join(dir, FileHotPath)); err != nil {
		return r, err
	}
	if r.Open, err = readBench(filepath.Join(dir, FileOpen)); err != nil {
		return r, err
	}
	if r.Team, err = readBench(filepath.Join(dir, FileTeam)); err != nil {
		return r, err
	}
	if b, err := os.ReadFile(filepath.Join(dir, FileWindowNote)); err == nil {
		r.WindowNote = strings.TrimSpace(string(b))
	}
	return r, nil
}

// readRounds reads the rounds of closed-loop load (load-bare-1.json and
// on) and picks each ratio's median round.
func (r *Results) readRounds(dir string) error {
	for n := 1; ; n++ {
		var x LoadRound
		for _, j := range []struct {
			file string
			into **LoadResult
		}{{FileLoadBare, &x.Bare}, {FileLoadServe, &x.Serve}, {FileLoadTeam, &x.Team}} {
			if err := readJSON(filepath.Join(dir, LoadFile(j.file, n)), j.into); err != nil {
				return err
			}
		}
		if x.Bare == nil {
			break
		}
		r.Rounds = append(r.Rounds, x)
	}
	if len(r.Rounds) == 0 {
		return nil
	}
	m := r.Rounds[medianRound(r.Rounds, serveOf)]
	r.LoadBare, r.LoadServe = m.Bare, m.Serve
	t := r.Rounds[medianRound(r.Rounds, teamOf)]
	r.LoadTeam, r.TeamBare = t.Team, t.Bare
	return nil
}

// readJSON reads path into into, a pointer to a pointer; a missing file
// leaves it nil.
func readJSON(path string, into any) error {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err == nil {
		err = json.Unmarshal(b, into)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return nil
}

// medianRound is the index of the round whose ratio of of(round) to its
// bare handler is the median (the lower one of an even count); rounds
// without of(round) count as ratio 0.
func medianRound(rounds []LoadRound, of func(LoadRound) *LoadResult) int {
	idx := make([]int, len(rounds))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return roundRatio(rounds[idx[a]], of) < roundRatio(rounds[idx[b]], of) })
	return idx[(len(idx)-1)/2]
}

// roundRatio is of(x)'s req/s over the bare handler's in round x.
func roundRatio(x LoadRound, of func(LoadRound) *LoadResult) float64 {
	if l := of(x); l != nil && x.Bare != nil && x.Bare.RPS > 0 {
		return l.RPS / x.Bare.RPS
	}
	return 0
}

func readBench(path string) ([]GoBench, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseGoBench(f)
}

// WriteJSON writes v to path, indented.
func WriteJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
