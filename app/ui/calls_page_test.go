package ui

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// bigHistory is a history of n calls that makes them up on demand and
// records every query; its changes come from a real tracker.
type bigHistory struct {
	*calls.Tracker
	n int

	mu      sync.Mutex
	queries []calls.Query
}

func (h *bigHistory) Recent(_ context.Context, q calls.Query) ([]calls.Call, error) {
	h.mu.Lock()
	h.queries = append(h.queries, q)
	h.mu.Unlock()
	top := int64(h.n)
	if q.Before > 0 {
		top = q.Before - 1
	}
	var out []calls.Call
	start := time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)
	for id := top; id > 0 && len(out) < q.Limit; id-- {
		out = append(out, calls.Call{ID: id, Direction: calls.In, From: fmt.Sprintf("+49211%07d", id), To: office,
			Status: calls.StatusAnswered, StartedAt: start.Add(time.Duration(id) * time.Minute), AnsweredBy: anna, DurationSeconds: 61})
	}
	return out, nil
}

func (h *bigHistory) asked() []calls.Query {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]calls.Query(nil), h.queries...)
}

func TestCallsWindowPagesThroughALargeHistory(t *testing.T) {
	b := newBackend(t)
	h := &bigHistory{Tracker: b.tracker, n: 50_000}
	a := test.NewTempApp(t)
	q := newUIQueue()
	w := newCallsWindow(a, h, b.book, "DE", q.do, b.clock.Now)
	t.Cleanup(w.Close)
	w.Show() // its speed is BenchmarkCallsWindowOpen's, not a test's
	if got := w.list.Length(); got != pageSize {
		t.Fatalf("the window opened with %d rows, want one page of %d", got, pageSize)
	}
	for _, want := range []int{2 * pageSize, 3 * pageSize} {
		w.list.ScrollToBottom()
		q.until(t, fmt.Sprintf("%d rows are loaded", want), func() bool { return w.list.Length() == want })
	}
	asked := h.asked()
	for i, qq := range asked {
		if qq.Limit != pageSize {
			t.Errorf("query %d asked for %d calls, want pages of %d", i, qq.Limit, pageSize)
		}
	}
	if last := asked[len(asked)-1]; last.Before != int64(50_000-2*pageSize+1) {
		t.Errorf("the third page started before %d, want %d", last.Before, 50_000-2*pageSize+1)
	}
	if len(asked) != 3 {
		t.Errorf("%d queries for three pages", len(asked))
	}
}

func TestCallsWindowStopsAtTheEnd(t *testing.T) {
	b := newBackend(t)
	h := &bigHistory{Tracker: b.tracker, n: pageSize + 7}
	a := test.NewTempApp(t)
	q := newUIQueue()
	w := newCallsWindow(a, h, b.book, "DE", q.do, b.clock.Now)
	t.Cleanup(w.Close)
	w.Show()
	w.list.ScrollToBottom()
	q.until(t, "the last page is loaded", func() bool { return w.list.Length() == pageSize+7 })
	w.list.ScrollToBottom()
	if !w.page.done || w.page.loading {
		t.Errorf("after the last page: done %v, loading %v", w.page.done, w.page.loading)
	}
	if n := len(h.asked()); n != 2 {
		t.Errorf("%d queries for a history of two pages", n)
	}
}

// Closing the window keeps only the first page; shown again, it pages
// on from there without gaps.
func TestCallsWindowKeepsOnePageWhenClosed(t *testing.T) {
	b := newBackend(t)
	h := &bigHistory{Tracker: b.tracker, n: 50_000}
	q := newUIQueue()
	w := newCallsWindow(test.NewTempApp(t), h, b.book, "DE", q.do, b.clock.Now)
	t.Cleanup(w.Close)
	w.Show()
	for _, want := range []int{2 * pageSize, 3 * pageSize} {
		w.list.ScrollToBottom()
		q.until(t, fmt.Sprintf("%d rows are loaded", want), func() bool { return w.list.Length() == want })
	}
	w.win.Canvas().Focus(w.list)
	press(w.win, fyne.KeyEscape)
	if w.visible || w.list.Length() != pageSize {
		t.Fatalf("closed: visible %t, %d rows; want false, %d", w.visible, w.list.Length(), pageSize)
	}
	w.Show()
	w.list.ScrollToBottom()
	q.until(t, "the second page is loaded again", func() bool { return w.list.Length() == 2*pageSize })
	for i, c := range w.page.rows {
		if want := int64(50_000 - i); c.ID != want {
			t.Fatalf("row %d is call %d, want %d", i, c.ID, want)
		}
	}
}
