package notify

import "time"

// Seen remembers which (call, kind) pairs were shown, so a forward leg or
// a repeated voicemail state never pops up a second time. Its memory is
// bounded: entries go after a day, and the oldest go first beyond a
// fixed count. It is not safe for concurrent use; a Notifier keeps it on
// its own goroutine.
type Seen struct {
	keys  map[seenKey]struct{}
	order []seenEntry // oldest first
	max   int
	ttl   time.Duration
}

type seenKey struct {
	call int64
	kind Kind
}

type seenEntry struct {
	key seenKey
	at  time.Time
}

// Defaults for NewSeen: a day covers any call, and a busy office does not
// reach this many popups in one.
const (
	seenTTL = 24 * time.Hour
	seenMax = 4096
)

// NewSeen returns an empty memory that keeps up to max entries for ttl;
// a zero value of either takes the default.
func NewSeen(max int, ttl time.Duration) *Seen {
	if max <= 0 {
		max = seenMax
	}
	if ttl <= 0 {
		ttl = seenTTL
	}
	return &Seen{keys: make(map[seenKey]struct{}), max: max, ttl: ttl}
}

// Has reports whether kind was shown for call. A nil Seen has nothing.
func (s *Seen) Has(call int64, kind Kind) bool {
	if s == nil {
		return false
	}
	_, ok := s.keys[seenKey{call, kind}]
	return ok
}

// Mark records that kind was shown for call at now, and forgets what is
// too old or too many.
func (s *Seen) Mark(call int64, kind Kind, now time.Time) {
	k := seenKey{call, kind}
	if _, ok := s.keys[k]; ok {
		return
	}
	s.keys[k] = struct{}{}
	s.order = append(s.order, seenEntry{k, now})
	drop := 0
	for drop < len(s.order) && (len(s.order)-drop > s.max || now.Sub(s.order[drop].at) > s.ttl) {
		delete(s.keys, s.order[drop].key)
		drop++
	}
	// Reslicing is enough: append copies only the kept tail when it
	// grows the array, so the memory stays within twice max.
	s.order = s.order[drop:]
}

// Len is the number of remembered entries.
func (s *Seen) Len() int { return len(s.order) }
