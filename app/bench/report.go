package bench

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// The files of a results dir: each measurement writes one, Report
// reads them all. A missing file is a measurement that did not run.
const (
	FileSeed        = "seed.json"
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

// Results are all the measurements of one run of the harness.
type Results struct {
	Machine                 Machine
	Seed                    *SeedResult
	LoadBare, LoadServe     *LoadResult
	LoadTeam                *LoadResult // serve publishing to team mode
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
		{FileSeed, &r.Seed}, {FileLoadBare, &r.LoadBare}, {FileLoadServe, &r.LoadServe}, {FileLoadTeam, &r.LoadTeam},
		{FileRateBare, &r.RateBare}, {FileRateServe, &r.RateServe}, {FileNotify, &r.Notify},
		{FileStartSeeded, &r.StartSeeded}, {FileStartEmpty, &r.StartEmpty}, {FileRSSServe, &r.RSSServe},
		{FileTraySeeded, &r.TraySeeded}, {FileTrayEmpty, &r.TrayEmpty}, {FileSoak, &r.Soak},
	}
	for _, j := range jsons {
		b, err := os.ReadFile(filepath.Join(dir, j.file))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err == nil {
			err = json.Unmarshal(b, j.into)
		}
		if err != nil {
			return r, err
		}
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
