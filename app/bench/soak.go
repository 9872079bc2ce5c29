package bench

import (
	"context"
	"fmt"
	"time"
)

// SoakConfig is a soak of the tray app: one call every CallEvery, the
// windows opened from the tray menu at the start and every WindowsEvery
// and closed again CloseAfter later, resident memory sampled every
// SampleEvery, for Duration.
type SoakConfig struct {
	URL                                            string
	PID                                            int
	Tray                                           *TrayHost
	Windows                                        []string // tray menu labels (prefixes) to click
	Duration, CallEvery, WindowsEvery, SampleEvery time.Duration
	// Close closes the windows the clicks opened; nil leaves them open
	// (the next click brings them to the front).
	Close      func() error
	CloseAfter time.Duration
	Plan       Plan
}

// SoakSample is the tray app's resident memory at a time into the soak.
type SoakSample struct {
	Seconds float64 `json:"seconds"`
	RSSKB   int64   `json:"rss_kb"`
}

// SoakResult is what a soak measured.
type SoakResult struct {
	Seconds     float64 `json:"seconds"`
	Calls       int     `json:"calls"`
	Errors      int     `json:"errors"`
	WindowOpens int     `json:"window_opens"`
	// WindowCloses counts the closing rounds that closed the windows.
	WindowCloses int          `json:"window_closes"`
	FirstError   string       `json:"first_error,omitempty"`
	Samples      []SoakSample `json:"samples"`
}

// Soak runs cfg and samples the process's RSS until Duration is over or
// ctx ends.
func Soak(ctx context.Context, cfg SoakConfig) SoakResult {
	var res SoakResult
	client := NewClient(1)
	start := time.Now()
	calls, windows, samples := time.NewTicker(cfg.CallEvery), time.NewTicker(cfg.WindowsEvery), time.NewTicker(cfg.SampleEvery)
	defer calls.Stop()
	defer windows.Stop()
	defer samples.Stop()
	end := time.After(cfg.Duration)
	res.sample(cfg.PID, start)
	fail := func(err error) {
		res.Errors++
		if res.FirstError == "" {
			res.FirstError = err.Error()
		}
	}
	var closing <-chan time.Time
	open := func() {
		for _, w := range cfg.Windows {
			if err := cfg.Tray.Click(w); err != nil {
				fail(err)
				continue
			}
			res.WindowOpens++
		}
		if cfg.Close != nil {
			closing = time.After(cfg.CloseAfter)
		}
	}
	open()
	for {
		select {
		case <-ctx.Done():
			return res.done(cfg.PID, start)
		case <-end:
			return res.done(cfg.PID, start)
		case <-calls.C:
			for _, body := range cfg.Plan.Sequence(res.Calls).Bodies() {
				if err := Post(ctx, client, cfg.URL, body); err != nil {
					fail(fmt.Errorf("call %d: %w", res.Calls, err))
				}
			}
			res.Calls++
		case <-windows.C:
			open()
		case <-closing:
			closing = nil
			if err := cfg.Close(); err != nil {
				fail(fmt.Errorf("close the windows: %w", err))
				continue
			}
			res.WindowCloses++
		case <-samples.C:
			res.sample(cfg.PID, start)
		}
	}
}

func (r *SoakResult) sample(pid int, start time.Time) {
	if kb, err := ReadRSS(pid); err == nil {
		r.Samples = append(r.Samples, SoakSample{Seconds: time.Since(start).Seconds(), RSSKB: kb})
	}
}

func (r *SoakResult) done(pid int, start time.Time) SoakResult {
	r.sample(pid, start)
	r.Seconds = time.Since(start).Seconds()
	return *r
}

// Growth compares the RSS at the end with the RSS at a sixth of the run
// (5 of 30 minutes): the fraction it grew by, and both values in KiB.
func (r SoakResult) Growth() (frac float64, early, last int64, ok bool) {
	if len(r.Samples) < 2 {
		return 0, 0, 0, false
	}
	at := r.Seconds / 6
	early = r.Samples[0].RSSKB
	for _, s := range r.Samples {
		if s.Seconds <= at {
			early = s.RSSKB
		}
	}
	last = r.Samples[len(r.Samples)-1].RSSKB
	if early <= 0 {
		return 0, early, last, false
	}
	return float64(last-early) / float64(early), early, last, true
}
