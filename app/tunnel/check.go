package tunnel

import (
	"context"
	"net/url"
	"strings"
)

// Check makes one round now and returns its health; OnHealth hears of it
// when it differs from the last one reported. Without a URL (none set, or
// paused) it checks nothing and returns the last health.
func (w *Watchdog) Check(ctx context.Context) Health {
	w.round.Lock()
	defer w.round.Unlock()
	w.mu.Lock()
	ours, last := w.url, w.last
	w.mu.Unlock()
	if ours == "" {
		return last
	}
	ctx, cancel := context.WithTimeout(ctx, w.opts.Timeout)
	defer cancel()
	h := Health{URL: ours, Problems: w.problems(ctx, ours)}
	w.report(h)
	return h
}

// problems runs the checks that are set, in order.
func (w *Watchdog) problems(ctx context.Context, ours string) []Problem {
	var found []Problem
	if w.opts.SendTest != nil {
		if err := w.sendTest(ctx, ours); err != nil {
			found = append(found, TestCallLost{URL: ours, Err: err})
		}
	}
	if w.opts.SipgateURL != nil {
		theirs, err := w.opts.SipgateURL(ctx)
		switch {
		case err != nil:
			found = append(found, CheckFailed{Check: "sipgate-url", Err: err})
		case !sameOrigin(theirs, ours):
			found = append(found, SipgateElsewhere{Theirs: theirs, Ours: ours})
		}
	}
	if w.opts.FailedDeliveries != nil {
		n, err := w.opts.FailedDeliveries(ctx)
		switch {
		case err != nil:
			found = append(found, CheckFailed{Check: "deliveries", Err: err})
		case n > 0:
			found = append(found, DeliveriesFailing{Count: n})
		}
	}
	return found
}

// testAttempts is how often a round sends its test push before it reports
// the push lost.
const testAttempts = 3

// sendTest sends the test push through url, trying again after RetryWait
// when it fails, and returns the last failure.
func (w *Watchdog) sendTest(ctx context.Context, url string) error {
	var err error
	for i := range testAttempts {
		if i > 0 && !sleep(ctx, w.opts.RetryWait) {
			break
		}
		if err = w.opts.SendTest(ctx, url); err == nil {
			return nil
		}
	}
	return err
}

// report records h and tells OnHealth when it differs from the last
// reported health.
func (w *Watchdog) report(h Health) {
	w.mu.Lock()
	changed := !w.reported || !w.last.same(h)
	w.last, w.reported = h, true
	w.mu.Unlock()
	if !changed {
		return
	}
	if h.OK() {
		w.opts.Logger.Info("webhook path works", "url", h.URL)
	} else {
		w.opts.Logger.Warn("webhook path broken", "url", h.URL, "problems", h.String())
	}
	if w.opts.OnHealth != nil {
		w.opts.OnHealth(h)
	}
}

// sameOrigin reports whether sipgate's URL goes to our host: the scheme
// and host must match; the path may differ.
func sameOrigin(theirs, ours string) bool {
	a, errA := url.Parse(strings.TrimSpace(theirs))
	b, errB := url.Parse(ours)
	if errA != nil || errB != nil || a.Host == "" {
		return false
	}
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Host, b.Host)
}
