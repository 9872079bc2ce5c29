package calls

import "sync"

// Subscription receives call changes. A slow reader slows nothing: the
// changes of one call that it has not read yet collapse into that call's
// latest state, so it always gets the latest state of every call that
// changed, in the order they first changed.
type Subscription struct {
	out  chan Call
	wake chan struct{}
	quit chan struct{}
	once sync.Once
	subs *subscribers

	mu    sync.Mutex
	queue []Call        // undelivered states, in the order their calls first changed
	head  int           // queue[:head] are delivered
	at    map[int64]int // where each undelivered call sits in queue
}

// Subscribe returns a new subscription whose channel has room for buf
// calls. Close it when done.
func (t *Tracker) Subscribe(buf int) *Subscription {
	s := &Subscription{out: make(chan Call, max(buf, 0)), wake: make(chan struct{}, 1),
		quit: make(chan struct{}), subs: &t.subs, at: make(map[int64]int)}
	go s.pump()
	if !t.subs.add(s) {
		s.Close()
	}
	return s
}

// C is the channel of changed calls. It is closed after Close or the
// Tracker's Close (at once for a subscription made after that). A call's
// Users and Legs are shared with the other subscriptions and the
// tracker's writer: read them, never change them in place (a reader that
// needs to, clones the call first).
func (s *Subscription) C() <-chan Call { return s.out }

// Close stops the subscription; undelivered changes are dropped.
func (s *Subscription) Close() {
	s.once.Do(func() {
		s.subs.remove(s)
		close(s.quit)
	})
}

// offer queues c without blocking, replacing an undelivered state of the
// same call.
func (s *Subscription) offer(c Call) {
	s.mu.Lock()
	if i, queued := s.at[c.ID]; queued {
		s.queue[i] = c
	} else {
		s.at[c.ID] = len(s.queue)
		s.queue = append(s.queue, c)
	}
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *Subscription) next() (Call, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.head == len(s.queue) {
		return Call{}, false
	}
	c := s.queue[s.head]
	s.queue[s.head] = Call{} // drop its references
	s.head++
	delete(s.at, c.ID)
	switch {
	case s.head == len(s.queue):
		// All delivered: the queue starts again at the front of its
		// array, so a steady stream of changes allocates nothing.
		s.queue, s.head = s.queue[:0], 0
	case s.head >= compactAfter && 2*s.head >= len(s.queue):
		// A reader that always lags: move the rest to the front.
		n := copy(s.queue, s.queue[s.head:])
		clear(s.queue[n:])
		s.queue, s.head = s.queue[:n], 0
		for i, q := range s.queue {
			s.at[q.ID] = i
		}
	}
	return c, true
}

// compactAfter is how many delivered states make a queue that never
// empties move its rest to the front (at most half of it is delivered).
const compactAfter = 256

// pump moves queued states to the channel at the reader's pace.
func (s *Subscription) pump() {
	defer close(s.out)
	for {
		c, ok := s.next()
		if !ok {
			select {
			case <-s.wake:
				continue
			case <-s.quit:
				return
			}
		}
		select {
		case s.out <- c:
		case <-s.quit:
			return
		}
	}
}
