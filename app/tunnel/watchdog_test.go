package tunnel

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"
)

const ours = "https://4f2a.lhr.life"

var (
	errLost     = errors.New("no answer from the listener")
	errSipgate  = errors.New("sipgate answered 503")
	errSipgate2 = errors.New("sipgate answered 502")
)

// result is what the injected checks return in one round.
type result struct {
	send     error
	theirs   string
	urlErr   error
	failed   int
	countErr error
}

// scripted makes WatchdogOptions whose checks return *r.
func scripted(r *result) WatchdogOptions {
	return WatchdogOptions{
		SendTest:         func(context.Context, string) error { return r.send },
		SipgateURL:       func(context.Context) (string, error) { return r.theirs, r.urlErr },
		FailedDeliveries: func(context.Context) (int, error) { return r.failed, r.countErr },
		RetryWait:        time.Millisecond,
	}
}

func TestWatchdogTriesTheTestPushAgain(t *testing.T) {
	for _, tc := range []struct {
		failures int
		wantOK   bool
	}{{0, true}, {2, true}, {3, false}, {10, false}} {
		calls := 0
		w := NewWatchdog(WatchdogOptions{
			SendTest: func(context.Context, string) error {
				calls++
				if calls <= tc.failures {
					return errLost
				}
				return nil
			},
			RetryWait: time.Millisecond,
		})
		w.SetURL(ours)
		if h := w.Check(context.Background()); h.OK() != tc.wantOK {
			t.Errorf("%d failing pushes: health %v, want OK %v", tc.failures, h, tc.wantOK)
		}
		if want := min(tc.failures+1, testAttempts); calls != want {
			t.Errorf("%d failing pushes: %d sent, want %d", tc.failures, calls, want)
		}
	}
}

func TestWatchdogHealth(t *testing.T) {
	tests := []struct {
		name string
		r    result
		want []Problem
	}{
		{"all good", result{theirs: ours}, nil},
		{"sipgate has our URL with a path", result{theirs: "https://4F2A.lhr.life/webhook"}, nil},
		{"test call lost", result{send: errLost, theirs: ours}, []Problem{TestCallLost{URL: ours, Err: errLost}}},
		{"sipgate points elsewhere", result{theirs: "https://old.lhr.life"},
			[]Problem{SipgateElsewhere{Theirs: "https://old.lhr.life", Ours: ours}}},
		{"sipgate points at plain http", result{theirs: "http://4f2a.lhr.life"},
			[]Problem{SipgateElsewhere{Theirs: "http://4f2a.lhr.life", Ours: ours}}},
		{"sipgate has no URL", result{theirs: ""}, []Problem{SipgateElsewhere{Theirs: "", Ours: ours}}},
		{"sipgate not answering", result{urlErr: errSipgate}, []Problem{CheckFailed{Check: "sipgate-url", Err: errSipgate}}},
		{"deliveries failing", result{theirs: ours, failed: 3}, []Problem{DeliveriesFailing{Count: 3}}},
		{"delivery log unreadable", result{theirs: ours, countErr: errSipgate},
			[]Problem{CheckFailed{Check: "deliveries", Err: errSipgate}}},
		{"everything broken", result{send: errLost, theirs: "https://old.lhr.life", failed: 2}, []Problem{
			TestCallLost{URL: ours, Err: errLost},
			SipgateElsewhere{Theirs: "https://old.lhr.life", Ours: ours},
			DeliveriesFailing{Count: 2},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := NewWatchdog(scripted(&tc.r))
			w.SetURL(ours)
			h := w.Check(context.Background())
			if !reflect.DeepEqual(h.Problems, tc.want) || h.URL != ours || h.OK() != (tc.want == nil) {
				t.Errorf("Check() = %v %v, want %v", h.URL, h.Problems, tc.want)
			}
		})
	}
}

func TestWatchdogOptionalChecks(t *testing.T) {
	w := NewWatchdog(WatchdogOptions{})
	w.SetURL(ours)
	if h := w.Check(context.Background()); !h.OK() {
		t.Errorf("Check() with no checks = %v, want OK", h)
	}
}

func TestWatchdogReportsOnlyChanges(t *testing.T) {
	rounds := []struct {
		r          result
		wantReport bool
	}{
		{result{theirs: ours}, true},                                  // first round: reported
		{result{theirs: ours}, false},                                 // still OK
		{result{send: errLost, theirs: ours}, true},                   // broke
		{result{send: errSipgate, theirs: ours}, false},               // same failure, other words
		{result{send: errLost, theirs: ours, failed: 3}, true},        // a second problem
		{result{send: errLost, theirs: ours, failed: 5}, false},       // same problems, other count
		{result{urlErr: errSipgate, theirs: ours, failed: 5}, true},   // test call fine, sipgate not answering
		{result{urlErr: errSipgate2, theirs: ours, failed: 5}, false}, // still not answering
		{result{theirs: "https://old.lhr.life"}, true},
		{result{theirs: "https://older.lhr.life"}, true}, // points at yet another URL
		{result{theirs: ours}, true},                     // healed
	}
	var cur result
	var reports []Health
	opts := scripted(&cur)
	opts.OnHealth = func(h Health) { reports = append(reports, h) }
	w := NewWatchdog(opts)
	w.SetURL(ours)
	for i, round := range rounds {
		cur = round.r
		before := len(reports)
		h := w.Check(context.Background())
		if got := len(reports) > before; got != round.wantReport {
			t.Errorf("round %d (%v): reported %v, want %v", i, h, got, round.wantReport)
		}
		if last, ok := w.Health(); !ok || !reflect.DeepEqual(last, h) {
			t.Errorf("round %d: Health() = %v, %v; want %v", i, last, ok, h)
		}
	}
}

func TestWatchdogWithoutURLChecksNothing(t *testing.T) {
	calls := 0
	w := NewWatchdog(WatchdogOptions{
		SendTest: func(context.Context, string) error { calls++; return nil },
		OnHealth: func(Health) { t.Error("a health was reported without a URL") },
	})
	w.Check(context.Background())
	w.SetURL("")
	w.Check(context.Background())
	if _, ok := w.Health(); ok || calls != 0 {
		t.Errorf("without a URL: %d test calls, health known %v; want none", calls, ok)
	}
}

func TestWatchdogRunChecksAfterNewURLAndEveryInterval(t *testing.T) {
	var mu sync.Mutex
	var sent []string
	fail := false
	reports := make(chan Health, 100)
	w := NewWatchdog(WatchdogOptions{
		SendTest: func(_ context.Context, url string) error {
			mu.Lock()
			defer mu.Unlock()
			sent = append(sent, url)
			if fail {
				return errLost
			}
			return nil
		},
		OnHealth:  func(h Health) { reports <- h },
		Interval:  5 * time.Millisecond,
		RetryWait: time.Millisecond,
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()

	w.SetURL(ours)
	if h := nextHealth(t, reports); !h.OK() || h.URL != ours {
		t.Fatalf("first report = %v for %q, want OK for %q", h, h.URL, ours)
	}
	waitFor(t, func() bool { mu.Lock(); defer mu.Unlock(); return len(sent) >= 5 })
	mu.Lock()
	fail = true
	mu.Unlock()
	if h := nextHealth(t, reports); h.OK() {
		t.Fatalf("report after the path broke = %v, want a problem", h)
	}
	w.SetURL("https://new.lhr.life")
	waitFor(t, func() bool { mu.Lock(); defer mu.Unlock(); return sent[len(sent)-1] == "https://new.lhr.life" })
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v, want nil", err)
	}
	if len(reports) != 0 {
		t.Errorf("%d more reports for an unchanged failure: %v", len(reports), <-reports)
	}
}

func nextHealth(t *testing.T, reports <-chan Health) Health {
	t.Helper()
	select {
	case h := <-reports:
		return h
	case <-time.After(patience):
		t.Fatal("no health reported")
		return Health{}
	}
}

// waitFor polls cond until it holds or patience runs out.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached")
		}
		time.Sleep(time.Millisecond)
	}
}
