package bench

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// LoadConfig says how to drive a webhook listener.
type LoadConfig struct {
	URL string
	// Concurrency is the number of workers (closed loop) or lanes (open
	// loop): the most requests in flight at once.
	Concurrency int
	Duration    time.Duration
	// Rate, when set, runs open loop at this many requests per second;
	// 0 runs closed loop as fast as the listener answers.
	Rate   float64
	Plan   Plan
	Client *http.Client // nil: NewClient(Concurrency)
	// KeepSamples keeps every answered request's time and latency in
	// LoadResult.Samples, to see when the slow ones happened.
	KeepSamples bool
	// ServerPID, when set, is the listener's process: the CPU time it
	// used during the run is reported per request.
	ServerPID int
}

// Sample is one answered request: when it was sent (or due, in open
// loop), from the start of the run, and how long it took.
type Sample struct{ At, Latency time.Duration }

// LoadResult is what a load run measured. Latency covers the requests
// answered 200; in open loop it counts from the moment the request was
// due, so a listener that falls behind cannot hide it.
type LoadResult struct {
	Label       string  `json:"label,omitempty"`
	Mode        string  `json:"mode"`
	Concurrency int     `json:"concurrency"`
	Rate        float64 `json:"rate,omitempty"`
	Seconds     float64 `json:"seconds"`
	Requests    int     `json:"requests"`
	Errors      int     `json:"errors"`
	FirstError  string  `json:"first_error,omitempty"`
	RPS         float64 `json:"rps"`
	Calls       int     `json:"calls"`
	KnownCalls  int     `json:"known_calls"`
	Latency     Summary `json:"latency"`
	// ServerCPUus is the listener's CPU time (user + system) per
	// answered request, in µs; 0 when not measured.
	ServerCPUus float64  `json:"server_cpu_us_per_request,omitempty"`
	Samples     []Sample `json:"-"`
}

// Load drives cfg.URL with the plan's calls for cfg.Duration.
func Load(ctx context.Context, cfg LoadConfig) LoadResult {
	cfg.Concurrency = max(cfg.Concurrency, 1)
	if cfg.Client == nil {
		cfg.Client = NewClient(cfg.Concurrency)
	}
	tallies := make([]tally, cfg.Concurrency)
	cpu0, cpuErr := ProcCPU(cfg.ServerPID)
	start := time.Now()
	res := LoadResult{Mode: "closed", Concurrency: cfg.Concurrency}
	if cfg.Rate > 0 {
		res.Mode, res.Rate = "open", cfg.Rate
		start = openLoop(ctx, cfg, tallies)
	} else {
		closedLoop(ctx, cfg, tallies)
	}
	res.Seconds = time.Since(start).Seconds()
	cpu1, cpuErr1 := ProcCPU(cfg.ServerPID)
	var lat []time.Duration
	for _, t := range tallies {
		lat = append(lat, t.lat...)
		if cfg.KeepSamples {
			for i, d := range t.lat {
				res.Samples = append(res.Samples, Sample{At: t.at[i].Sub(start), Latency: d})
			}
		}
		res.Errors += t.errs
		res.Calls += t.calls
		res.KnownCalls += t.known
		if res.FirstError == "" {
			res.FirstError = t.firstErr
		}
	}
	res.Requests = len(lat) + res.Errors
	res.RPS = float64(len(lat)) / res.Seconds
	res.Latency = Summarize(lat)
	if cfg.ServerPID > 0 && cpuErr == nil && cpuErr1 == nil && len(lat) > 0 {
		res.ServerCPUus = float64(cpu1-cpu0) / float64(time.Microsecond) / float64(len(lat))
	}
	return res
}

// tally is one worker's record; each worker has its own, so recording
// takes no lock.
type tally struct {
	lat          []time.Duration
	at           []time.Time
	errs         int
	firstErr     string
	calls, known int
}

func (t *tally) call(s Sequence) {
	t.calls++
	if s.Known {
		t.known++
	}
}

func (t *tally) record(sent time.Time, err error) {
	d := time.Since(sent)
	if err != nil {
		if t.errs == 0 {
			t.firstErr = err.Error()
		}
		t.errs++
		return
	}
	t.lat = append(t.lat, d)
	t.at = append(t.at, sent)
}

// closedLoop runs one call after the other on each worker, each request
// as soon as the previous one is answered.
func closedLoop(ctx context.Context, cfg LoadConfig, tallies []tally) {
	deadline := time.Now().Add(cfg.Duration)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range tallies {
		t := &tallies[w]
		wg.Go(func() {
			for time.Now().Before(deadline) && ctx.Err() == nil {
				s := cfg.Plan.Sequence(int(next.Add(1) - 1))
				t.call(s)
				for _, b := range s.Bodies() {
					if !time.Now().Before(deadline) {
						break
					}
					start := time.Now()
					err := Post(ctx, cfg.Client, cfg.URL, b)
					t.record(start, err)
				}
			}
		})
	}
	wg.Wait()
}

// openLoop sends at a fixed rate: request i is due at start + i/Rate.
// Lane l sends requests l, l+L, l+2L, … in order, so the events of one
// call stay in order and L/Rate apart, and a lane that is still waiting
// for an answer when its next request is due sends it late, with the
// wait counted in its latency. It returns the start.
func openLoop(ctx context.Context, cfg LoadConfig, tallies []tally) time.Time {
	lanes := len(tallies)
	interval := time.Duration(float64(time.Second) / cfg.Rate)
	start := time.Now().Add(10 * time.Millisecond)
	end := start.Add(cfg.Duration)
	var wg sync.WaitGroup
	for l := range tallies {
		t := &tallies[l]
		wg.Go(func() {
			slot := 0
			for m := 0; ; m++ {
				s := cfg.Plan.Sequence(l + m*lanes)
				for i, b := range s.Bodies() {
					due := start.Add(time.Duration(slot*lanes+l) * interval)
					slot++
					if !due.Before(end) || ctx.Err() != nil {
						return
					}
					if i == 0 {
						t.call(s)
					}
					time.Sleep(time.Until(due))
					err := Post(ctx, cfg.Client, cfg.URL, b)
					t.record(due, err)
				}
			}
		})
	}
	wg.Wait()
	return start
}
