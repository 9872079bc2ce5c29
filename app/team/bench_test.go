package team

import (
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// BenchmarkWebhookToOtherDesk measures a call change's way from the
// receiver's tracker through the outbox, JetStream and the other desk's
// consumer into its tracker.
func BenchmarkWebhookToOtherDesk(b *testing.B) {
	rxFake, dkFake := newFake(), newFake()
	dkFake.merged = make(chan string, 1)
	rx := desk(b, Config{Listen: "127.0.0.1:0"}, b.TempDir(), rxFake)
	ready(b, desk(b, Config{URLs: []string{rx.ServerURL()}}, b.TempDir(), dkFake))
	ready(b, rx)
	b.ResetTimer()
	for i := range b.N {
		key := fmt.Sprintf("bench-%d", i)
		rxFake.webhook(key, calls.StatusRinging)
		if got := <-dkFake.merged; got != key {
			b.Fatalf("merged %s, want %s", got, key)
		}
	}
}

// fanOutDesks is how many desks BenchmarkFanOut50Desks follows.
const fanOutDesks = 50

// BenchmarkFanOut50Desks measures a webhook's call change reaching 50
// desks: per change, from the receiver's tracker to each desk's merge.
// It reports the p50 and p99 over all arrivals (ms) beside ns/op, the
// time until the last desk has it.
func BenchmarkFanOut50Desks(b *testing.B) {
	quiet := func(o *Options) { o.Logger = slog.New(slog.DiscardHandler) }
	rxFake := newFake()
	rx := desk(b, Config{Listen: "127.0.0.1:0"}, b.TempDir(), rxFake, quiet)
	ready(b, rx)
	var mu sync.Mutex
	var lat []time.Duration
	var sent time.Time
	var got sync.WaitGroup
	for range fanOutDesks {
		f := newFake()
		f.merged = make(chan string, 64)
		ready(b, desk(b, Config{URLs: []string{rx.ServerURL()}}, b.TempDir(), f, quiet))
		go func() {
			for range f.merged {
				mu.Lock()
				lat = append(lat, time.Since(sent))
				mu.Unlock()
				got.Done()
			}
		}()
	}
	b.ResetTimer()
	for i := range b.N {
		got.Add(fanOutDesks)
		mu.Lock()
		sent = time.Now()
		mu.Unlock()
		rxFake.webhook(fmt.Sprintf("fan-%d", i), calls.StatusRinging)
		got.Wait()
	}
	b.StopTimer()
	slices.Sort(lat)
	at := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))]) / 1e6 }
	b.ReportMetric(at(0.5), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}
