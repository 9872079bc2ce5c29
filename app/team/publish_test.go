package team

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// receiverAndDesk starts a receiver with an embedded server and a desk
// connected to it.
func receiverAndDesk(t *testing.T) (rx *Team, rxFake *fakeTracker, dk *Team, dkFake *fakeTracker, dkDir string) {
	rxFake, dkFake, dkDir = newFake(), newFake(), t.TempDir()
	rx = desk(t, Config{Listen: "127.0.0.1:0", Team: "office"}, t.TempDir(), rxFake,
		func(o *Options) { o.Receiver = true })
	dk = desk(t, urlConfig(rx.ServerURL()), dkDir, dkFake)
	ready(t, rx)
	ready(t, dk)
	return rx, rxFake, dk, dkFake, dkDir
}

func TestPublishedCallsMergeOnceOnTheOtherDesk(t *testing.T) {
	rx, rxFake, dk, dkFake, _ := receiverAndDesk(t)
	const n = 20
	for i := range n {
		key := fmt.Sprintf("call-%02d", i)
		rxFake.webhook(key, calls.StatusRinging)
		rxFake.webhook(key, calls.StatusMissed)
	}
	waitFor(t, "the desk to have every call missed", func() bool {
		for i := range n {
			if c, ok := dkFake.get(fmt.Sprintf("call-%02d", i)); !ok || c.Status != calls.StatusMissed {
				return false
			}
		}
		return true
	})
	for kv, times := range dkFake.mergeCounts() {
		if times != 1 {
			t.Errorf("desk merged %s %d times, want once", kv, times)
		}
	}
	if c, _ := dkFake.get("call-00"); c.Source != calls.FromTeam || c.Version != 2 {
		t.Errorf("merged call: source %q version %d, want team 2", c.Source, c.Version)
	}
	if got := len(rxFake.mergeCounts()); got != 0 {
		t.Errorf("receiver merged %d of its own states, want 0", got)
	}
	assertPublisher(t, rx, n, rx.id)
	waitFor(t, "the receiver's outbox to drain", func() bool { return rx.Status(context.Background()).Outbox == 0 })
	if got := dk.Status(context.Background()).Outbox; got != 0 {
		t.Errorf("desk outbox = %d, want 0: merged states must not be published again", got)
	}
}

// assertPublisher checks that the stream holds one state per call, each
// published by instance want.
func assertPublisher(t *testing.T, tm *Team, n int, want string) {
	t.Helper()
	s, done := teamStream(t, tm)
	defer done()
	for i := range n {
		key := fmt.Sprintf("call-%02d", i)
		m, err := s.GetLastMsgForSubject(context.Background(), tm.names.subject(key))
		if err != nil {
			t.Fatalf("last state of %s: %v", key, err)
		}
		if got := m.Header.Get(HeaderInstance); got != want {
			t.Errorf("%s published by %q, want %q", key, got, want)
		}
	}
	info, _ := s.Info(context.Background())
	if info.State.Msgs != uint64(n) {
		t.Errorf("stream holds %d messages, want %d (one per call)", info.State.Msgs, n)
	}
}

// teamStream is the team's stream on the embedded server of tm, through
// a connection of its own, and the function that closes it.
func teamStream(t testing.TB, tm *Team) (jetstream.Stream, func()) {
	t.Helper()
	nc, err := nats.Connect(tm.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	s, err := js.Stream(context.Background(), tm.names.stream())
	if err != nil {
		nc.Close()
		t.Fatal(err)
	}
	return s, nc.Close
}

// streamMsgs is how many states the team's stream holds, as seen on the
// embedded server of tm.
func streamMsgs(t *testing.T, tm *Team) uint64 {
	t.Helper()
	s, done := teamStream(t, tm)
	defer done()
	info, err := s.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

// TestChangesThatKeepComingArePublishedTogether: the first change of a
// call goes out at once; changes that keep coming (a ring group's legs)
// go out at most once per sendPause, each time the call's newest state.
func TestChangesThatKeepComingArePublishedTogether(t *testing.T) {
	rx, rxFake, _, dkFake, _ := receiverAndDesk(t)
	s, done := teamStream(t, rx)
	defer done()
	lastSeq := func() uint64 {
		info, err := s.Info(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return info.State.LastSeq
	}
	before := lastSeq()
	const changes = 50
	start := time.Now()
	var last calls.Call
	for range changes {
		last = rxFake.webhook("ring-group", calls.StatusRinging)
		time.Sleep(time.Millisecond)
	}
	elapsed := time.Since(start)
	waitFor(t, "the desk to have the newest state", func() bool {
		c, ok := dkFake.get("ring-group")
		return ok && c.Version == last.Version
	})
	published := lastSeq() - before
	// One round of publishing right away, then at most one per pause
	// while the changes came, and one after the last.
	if most := uint64(elapsed/sendPause) + 2; published > most {
		t.Errorf("%d changes in %v were published as %d messages, want at most %d", changes, elapsed.Round(time.Millisecond), published, most)
	}
}
