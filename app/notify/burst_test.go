package notify

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// 20 calls in a second open three popups and one summary, which is
// updated in place; their missed states open nothing new.
func TestNotifierFoldsABurst(t *testing.T) {
	s := chanSender{sent: make(chan Message, 256)}
	n := New(s, on, nil)
	n.now = steps(50 * time.Millisecond)
	ch, stop := run(n)
	for id := int64(1); id <= 20; id++ {
		c := call(id, calls.StatusRinging)
		if id == 2 {
			c.From, c.Contact, c.Company, c.ContactID = "+4930123456", "", "", 0
		}
		ch <- c
	}
	for id := int64(1); id <= 20; id++ {
		ch <- call(id, calls.StatusMissed)
	}
	popups := map[int64]Message{}
	var summary Message
	missedShown := func() bool {
		return popups[1].Kind == KindMissed && popups[2].Kind == KindMissed && popups[3].Kind == KindMissed
	}
	// Wait for everything the burst should show (receive fails after its
	// timeout); what arrives later is counted below.
	for !strings.HasPrefix(summary.Title, "20 calls: ") || len(popups) < 4 || !missedShown() {
		m := receive(t, s.sent)
		popups[m.CallID] = m
		if m.Kind == KindBurst {
			summary = m
		}
	}
	stop()
	for len(s.sent) > 0 {
		m := <-s.sent
		popups[m.CallID] = m
	}
	if len(popups) != 4 {
		t.Errorf("20 calls opened %d popups, want 4 (three calls and a summary)", len(popups))
	}
	want := "20 calls: ★ Lisbeth Salander — Milton Security, 030 123456, ★ Lisbeth Salander — Milton Security, …"
	if strings.ReplaceAll(summary.Title, "★ ", "") != strings.ReplaceAll(want, "★ ", "") {
		t.Errorf("summary = %q, want %q", summary.Title, want)
	}
	for id := int64(1); id <= 3; id++ {
		if popups[id].Kind != KindMissed {
			t.Errorf("call %d's popup ended as %s, want missed", id, popups[id].Kind)
		}
	}
}

func TestBurstEndsAfterAPause(t *testing.T) {
	var b burst
	t0 := time.Date(2026, 11, 30, 13, 13, 0, 0, time.UTC)
	folded := 0
	for i, at := range []time.Duration{0, 100, 200, 300, 400, 3000, 3100, 3200, 3300} {
		m := Message{CallID: int64(i + 1), Kind: KindIncoming, Title: "x"}
		if _, ok := b.fold(m.Kind, func() Message { return m }, t0.Add(at*time.Millisecond)); ok {
			folded++
		}
	}
	if folded != 3 {
		t.Errorf("two bursts of 5 and 4 calls folded %d calls, want 3 (2 + 1)", folded)
	}
}

// TestBurstFormatsOnlyWhatItShows: the calls of a burst past the ones
// its summary names are counted without being formatted.
func TestBurstFormatsOnlyWhatItShows(t *testing.T) {
	var b burst
	t0 := time.Date(2026, 11, 30, 13, 13, 0, 0, time.UTC)
	made := 0
	var last Message
	for i := range 20 {
		m := func() Message {
			made++
			return Message{CallID: int64(i + 1), Kind: KindIncoming, Title: fmt.Sprint("caller ", i+1)}
		}
		sum, ok := b.fold(KindIncoming, m, t0.Add(time.Duration(i)*10*time.Millisecond))
		if ok {
			last = sum.complete()
		}
	}
	if made != burstAfter {
		t.Errorf("20 calls in a burst formatted %d messages, want %d (the ones shown alone, whom the summary names)", made, burstAfter)
	}
	if want := "20 calls: caller 1, caller 2, caller 3, …"; last.Title != want {
		t.Errorf("summary = %q, want %q", last.Title, want)
	}
}

// A burst's summary is updated at most once per refresh interval, and
// its last update, with the whole count, is shown all the same.
func TestBurstSummaryUpdatesAreSpaced(t *testing.T) {
	s := chanSender{sent: make(chan Message, 512)}
	n := New(s, on, nil)
	n.now = steps(10 * time.Millisecond)
	n.refresh = 200 * time.Millisecond
	ch, stop := run(n)
	defer stop()
	start := time.Now()
	for id := int64(1); id <= 200; id++ {
		ch <- call(id, calls.StatusRinging)
	}
	var updates int
	for {
		m := receive(t, s.sent)
		if m.Kind != KindBurst {
			continue
		}
		updates++
		if strings.HasPrefix(m.Title, "200 calls: ") {
			break
		}
	}
	// The first update goes out at once, then at most one per interval.
	if limit := 1 + int(time.Since(start)/n.refresh) + 1; updates > limit {
		t.Errorf("the summary was updated %d times in %v, want at most %d (one per %v)",
			updates, time.Since(start).Round(time.Millisecond), limit, n.refresh)
	}
	select {
	case m := <-s.sent:
		t.Errorf("after the last count the notifier still sent %q", m.Title)
	case <-time.After(2 * n.refresh):
	}
}
