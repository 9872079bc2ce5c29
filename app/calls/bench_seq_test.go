package calls_test

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// sequence is one whole call as sipgate pushes it: newCall, answer,
// hangup, parsed once.
func sequence(b *testing.B) [3]webhook.Event {
	var evs [3]webhook.Event
	for i, body := range []string{erika.newCall(legA, legA, anna), erika.answer(legA, legA, "", "user", "Anna"),
		erika.hangup(legA, legA, "normalClearing")} {
		ev, err := webhook.ParseBody([]byte(body))
		if err != nil {
			b.Fatal(err)
		}
		evs[i] = ev
	}
	return evs
}

// BenchmarkRespondCallsParallel is the load of `make bench` in process:
// 16 requests in flight, each a whole call (three pushes, three
// commits shared with the others). ns/op is per push.
func BenchmarkRespondCallsParallel(b *testing.B) {
	tr, proto := benchTracker(b), sequence(b)
	var n atomic.Int64
	ctx := context.Background()
	b.ReportAllocs()
	b.SetParallelism(8)
	batches := calls.Batches(tr)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		evs := proto
		var id string
		for i := 0; pb.Next(); i++ {
			step := i % 3
			if step == 0 {
				id = "seq-" + strconv.FormatInt(n.Add(1), 10)
			}
			ev := evs[step]
			ev.CallID, ev.OrigCallID = id, id
			if _, err := tr.Respond(ctx, ev); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/float64(calls.Batches(tr)-batches), "pushes/commit")
	if _, err := tr.Recent(ctx, calls.Query{Limit: 1}); err != nil {
		b.Fatal(err)
	}
}
