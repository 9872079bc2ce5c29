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

	mu      sync.Mutex
	pending map[int64]Call
	order   []int64
}

// Subscribe returns a new subscription whose channel has room for buf
// calls. Close it when done.
func (t *Tracker) Subscribe(buf int) *Subscription {
	s := &Subscription{out: make(chan Call, max(buf, 0)), wake: make(chan struct{}, 1),
		quit: make(chan struct{}), subs: &t.subs, pending: make(map[int64]Call)}
	go s.pump()
	if !t.subs.add(s) {
		s.Close()
	}
	return s
}

// C is the channel of changed calls. It is closed after Close or the
// Tracker's Close (at once for a subscription made after that).
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
	if _, queued := s.pending[c.ID]; !queued {
		s.order = append(s.order, c.ID)
	}
	s.pending[c.ID] = c
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *Subscription) next() (Call, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.order) == 0 {
		return Call{}, false
	}
	id := s.order[0]
	s.order = s.order[1:]
	c := s.pending[id]
	delete(s.pending, id)
	return c, true
}

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
		case s.out <- c.clone():
		case <-s.quit:
			return
		}
	}
}
