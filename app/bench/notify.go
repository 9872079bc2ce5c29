package bench

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// NotifyConfig says how to time webhook → popup.
type NotifyConfig struct {
	// URL is the listener; it must send its popups to Bus.
	URL string
	// Bus is the D-Bus address on which the measurement owns the
	// notification service.
	Bus string
	// Calls are timed after Warmup untimed ones.
	Calls, Warmup int
	// Gap is the pause after each call, so the notifier's queue holds
	// one popup at a time and nothing is coalesced.
	Gap time.Duration
	// Timeout is how long to wait for a call's popup (default 2 s).
	Timeout time.Duration
	Plan    Plan
	Client  *http.Client
}

// NotifyResult is the time from sending a newCall to its popup arriving.
type NotifyResult struct {
	Calls   int     `json:"calls"`
	Arrived int     `json:"arrived"`
	Missing int     `json:"missing"`
	Errors  int     `json:"errors"`
	Other   int     `json:"other_popups"`
	Latency Summary `json:"latency"`
}

// MeasureNotify posts the plan's calls one at a time. For each it times
// from just before the newCall is sent to the Notify call that names
// the caller's number arriving at the bus; then it answers and hangs up
// the call (which shows no further popup) and waits cfg.Gap.
func MeasureNotify(ctx context.Context, cfg NotifyConfig) (NotifyResult, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 2 * time.Second
	}
	if cfg.Client == nil {
		cfg.Client = NewClient(1)
	}
	cfg.Plan.MissedEvery = 0
	srv, err := StartNotifyServer(cfg.Bus, true)
	if err != nil {
		return NotifyResult{}, err
	}
	defer srv.Close()
	var res NotifyResult
	var lat []time.Duration
	for k := 0; k < cfg.Warmup+cfg.Calls && ctx.Err() == nil; k++ {
		s := cfg.Plan.Sequence(k)
		bodies := s.Bodies()
		start := time.Now()
		if err := Post(ctx, cfg.Client, cfg.URL, bodies[0]); err != nil {
			res.Errors++
			continue
		}
		a, ok, other := await(srv.Arrivals(), phone.Display("+"+s.From, "DE"), start.Add(cfg.Timeout))
		for _, b := range bodies[1:] {
			if Post(ctx, cfg.Client, cfg.URL, b) != nil {
				res.Errors++
			}
		}
		if k >= cfg.Warmup {
			res.Calls++
			res.Other += other
			if ok {
				lat = append(lat, a.At.Sub(start))
			}
		}
		time.Sleep(cfg.Gap)
	}
	res.Arrived = len(lat)
	res.Missing = res.Calls - res.Arrived
	res.Latency = Summarize(lat)
	return res, ctx.Err()
}

// await reads arrivals until one names number (as the app displays it)
// or the deadline passes; other counts the popups it skipped.
func await(arrivals <-chan Arrival, number string, deadline time.Time) (a Arrival, ok bool, other int) {
	t := time.NewTimer(time.Until(deadline))
	defer t.Stop()
	for {
		select {
		case a := <-arrivals:
			if strings.Contains(a.Summary, number) || strings.Contains(a.Body, number) {
				return a, true, other
			}
			other++
		case <-t.C:
			return Arrival{}, false, other
		}
	}
}
