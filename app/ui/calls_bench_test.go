package ui

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/whoiscalling/whoiscalling/webhook"
)

// BenchmarkCallsWindowOpen times the recent-calls window from nothing to
// its first frame with 50,000 calls in the history: build it, load the
// first page, show it and render the canvas once.
func BenchmarkCallsWindowOpen(b *testing.B) {
	be := newBackend(b)
	seedCalls(b, be, 50000)
	a := test.NewTempApp(b)
	q := newUIQueue()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := newCallsWindow(a, be.tracker, be.book, "DE", q.do, time.Now)
		w.Show()
		w.win.Canvas().Capture()
		b.StopTimer()
		if n := w.page.length(); n == 0 {
			b.Fatalf("the window opened with no calls")
		}
		w.Close()
		b.StartTimer()
	}
}

// seedCalls posts n answered calls through the tracker, eight at a time
// so they share group commits.
func seedCalls(b *testing.B, be *backend, n int) {
	b.Helper()
	var wg sync.WaitGroup
	ids := make(chan int)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ids {
				l := line{fmt.Sprintf("bench%d", i), "in", fmt.Sprintf("+49211%07d", i), office}
				for _, ev := range []webhook.Event{l.ring(anna), l.answer(l.id, anna), l.hangup(l.id, webhook.NormalClearing)} {
					if _, err := be.tracker.Respond(context.Background(), ev); err != nil {
						b.Error(err)
						return
					}
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		ids <- i
	}
	close(ids)
	wg.Wait()
}
