package team

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/bench"
	"github.com/whoiscalling/whoiscalling/app/calls"
)

// BenchmarkReceiverPublish measures what publishing costs the receiver
// of make bench's team run (embedded server, no other desk): b.N calls,
// one state each, at publishRate states a second, go from its tracker
// through the outbox and the sender into the stream, and back to its own
// consumer, which acknowledges them. cpu-µs/state is the process's CPU
// time (user and system) per state, the embedded server's work
// included; msgs/state is how many messages the stream took per state.
func BenchmarkReceiverPublish(b *testing.B) {
	fake := newFake()
	rx := desk(b, Config{Listen: "127.0.0.1:0"}, b.TempDir(), fake)
	ready(b, rx)
	s, done := teamStream(b, rx)
	defer done()
	ctx := context.Background()
	c, err := s.Consumer(ctx, rx.id)
	if err != nil {
		b.Fatal(err)
	}
	before, err := s.Info(ctx)
	if err != nil {
		b.Fatal(err)
	}
	cpu0 := processCPU(b)
	b.ResetTimer()
	start := time.Now()
	for i := range b.N {
		if i%publishStep == 0 {
			time.Sleep(time.Until(start.Add(time.Duration(i) * time.Second / publishRate)))
		}
		fake.webhook(fmt.Sprintf("publish-%d", i), calls.StatusRinging)
	}
	// Every state is in the stream and acknowledged by the receiver's
	// own consumer (waitFor polls every 20 ms).
	var msgs uint64
	waitFor(b, "every state published and acknowledged", func() bool {
		si, err := s.Info(ctx)
		if err != nil {
			return false
		}
		msgs = si.State.LastSeq - before.State.LastSeq
		ci, err := c.Info(ctx)
		return err == nil && si.State.Msgs-before.State.Msgs >= uint64(b.N) && ci.AckFloor.Stream >= si.State.LastSeq
	})
	b.StopTimer()
	b.ReportMetric(float64((processCPU(b)-cpu0).Microseconds())/float64(b.N), "cpu-µs/state")
	b.ReportMetric(float64(msgs)/float64(b.N), "msgs/state")
}

// publishRate is about the states a second of make bench's team run
// (18,000 requests a second, 0.38 messages a request); they come in steps
// of publishStep, as from a group commit.
const (
	publishRate = 7000
	publishStep = 8
)

// processCPU is the CPU time this process has used, user and system.
func processCPU(t testing.TB) time.Duration {
	t.Helper()
	d, err := bench.ProcCPU(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	return d
}
