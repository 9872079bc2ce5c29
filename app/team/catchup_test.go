package team

import (
	"fmt"
	"sort"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

func TestRestartedDeskCatchesUpExactlyOnce(t *testing.T) {
	rx, rxFake, dk, dkFake, dkDir := receiverAndDesk(t)
	for i := range 5 {
		rxFake.webhook(fmt.Sprintf("before-%d", i), calls.StatusAnswered)
	}
	waitFor(t, "the desk to have the first 5 calls", func() bool { return dkFake.count() == 5 })
	dk.Close()

	for i := range 10 {
		rxFake.webhook(fmt.Sprintf("away-%d", i), calls.StatusMissed)
	}
	rxFake.webhook("away-answered", calls.StatusAnswered)
	waitFor(t, "the receiver to publish all 16 calls", func() bool { return streamMsgs(t, rx) == 16 })

	again := newFake()
	caught := make(chan []calls.Call, 2)
	desk(t, urlConfig(rx.ServerURL()), dkDir, again, func(o *Options) {
		o.OnCatchUp = func(missed []calls.Call) { caught <- missed }
	})
	missed := <-caught
	got := again.mergeCounts()
	if len(got) != 11 {
		t.Errorf("restarted desk merged %d states, want the 11 it missed: %v", len(got), got)
	}
	for kv, times := range got {
		if times != 1 || kv[:5] != "away-" {
			t.Errorf("restarted desk merged %s %d times, want only missed calls, once", kv, times)
		}
	}
	var keys []string
	for _, c := range missed {
		keys = append(keys, c.Key())
	}
	sort.Strings(keys)
	if len(keys) != 10 || keys[0] != "away-0" || keys[9] != "away-9" {
		t.Errorf("OnCatchUp got missed calls %v, want away-0 … away-9", keys)
	}
	if len(caught) != 0 {
		t.Error("OnCatchUp called more than once")
	}
}

func TestCatchUpReportedAtOnceWhenNothingIsPending(t *testing.T) {
	rx, _, _, _, _ := receiverAndDesk(t)
	caught := make(chan []calls.Call, 1)
	desk(t, urlConfig(rx.ServerURL()), t.TempDir(), newFake(), func(o *Options) {
		o.OnCatchUp = func(missed []calls.Call) { caught <- missed }
	})
	if missed := <-caught; len(missed) != 0 {
		t.Errorf("OnCatchUp(%v), want no missed calls", missed)
	}
}
