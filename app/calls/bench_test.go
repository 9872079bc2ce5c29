package calls_test

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// benchEvent is a parsed newCall from a known VIP, as sipgate sends it.
func benchEvent(b *testing.B) webhook.Event {
	ev, err := webhook.ParseBody([]byte(erika.newCall(legA, legA, anna)))
	if err != nil {
		b.Fatal(err)
	}
	return ev
}

func benchTracker(b *testing.B) *calls.Tracker {
	st := openStore(b, b.TempDir())
	tr, err := calls.Open(st, book, calls.Options{PublicURL: hook})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { tr.Close() })
	return tr
}

// BenchmarkRespondNewCall is one webhook at a time: decide, store (one
// commit each), publish.
func BenchmarkRespondNewCall(b *testing.B) {
	tr, ev := benchTracker(b), benchEvent(b)
	ids := make([]string, b.N)
	for i := range ids {
		ids[i] = "bench-" + strconv.Itoa(i)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		ev.CallID, ev.OrigCallID = ids[i], ids[i]
		if _, err := tr.Respond(ctx, ev); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRespondNewCallParallel is many webhooks at once: they share
// group commits.
func BenchmarkRespondNewCallParallel(b *testing.B) {
	tr, proto := benchTracker(b), benchEvent(b)
	var n atomic.Int64
	ctx := context.Background()
	b.ReportAllocs()
	b.SetParallelism(8)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		ev := proto
		for pb.Next() {
			id := "bench-" + strconv.FormatInt(n.Add(1), 10)
			ev.CallID, ev.OrigCallID = id, id
			if _, err := tr.Respond(ctx, ev); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRespondReplay is a replayed push (the same signed newCall
// again and again): decided in memory, it waits for no commit of its
// own and writes nothing, which writes/op shows.
func BenchmarkRespondReplay(b *testing.B) {
	st := openStore(b, b.TempDir())
	tr, err := calls.Open(st, book, calls.Options{PublicURL: hook})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { tr.Close() })
	ev, ctx := benchEvent(b), context.Background()
	if _, err := tr.Respond(ctx, ev); err != nil {
		b.Fatal(err)
	}
	var before, after int64
	st.W.QueryRow(`SELECT total_changes()`).Scan(&before)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := tr.Respond(ctx, ev); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	st.W.QueryRow(`SELECT total_changes()`).Scan(&after)
	b.ReportMetric(float64(after-before)/float64(b.N), "writes/op")
}
