package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// seenKey is the preference that keeps the newest call the person has
// seen in the window, so the count survives a restart.
const seenKey = "seen_call_id"

// unseenMax is how many missed calls the tray counts at most.
const unseenMax = 99

// unseen counts the missed calls newer than the last one the person saw
// in the recent-calls window. Its methods are safe from any goroutine.
type unseen struct {
	mu    sync.Mutex
	prefs fyne.Preferences
	upTo  int64
}

func newUnseen(p fyne.Preferences) *unseen {
	return &unseen{prefs: p, upTo: int64(p.IntWithFallback(seenKey, -1))}
}

// count is the number of missed calls not seen yet, up to unseenMax. On
// the very first start the history counts as seen.
func (s *unseen) count(ctx context.Context, src CallSource) int {
	rows, err := src.Recent(ctx, calls.Query{Status: calls.StatusMissed, Limit: unseenMax})
	if err != nil {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.upTo < 0 {
		s.upTo = newestID(rows)
		s.prefs.SetInt(seenKey, int(s.upTo))
	}
	n := 0
	for _, c := range rows {
		if c.ID > s.upTo {
			n++
		}
	}
	return n
}

// markSeen records that every call up to id was seen.
func (s *unseen) markSeen(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id > s.upTo {
		s.upTo = id
		s.prefs.SetInt(seenKey, int(id))
	}
}

func newestID(rows []calls.Call) int64 {
	if len(rows) == 0 {
		return 0
	}
	return rows[0].ID
}

// markSeen marks every call up to the newest as seen (the window is in
// front) and updates the tray.
func (u *UI) markSeen() {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if last, err := u.d.Calls.Recent(ctx, calls.Query{Limit: 1}); err == nil && len(last) > 0 {
			u.seen.markSeen(last[0].ID)
		}
		u.pushTray()
	}()
}
