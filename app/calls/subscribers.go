package calls

import "sync"

// subscribers is the tracker's set of subscriptions.
type subscribers struct {
	mu     sync.Mutex
	set    map[*Subscription]struct{}
	closed bool
}

// add registers s; after the tracker closed it reports false.
func (ss *subscribers) add(s *Subscription) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.closed {
		return false
	}
	if ss.set == nil {
		ss.set = make(map[*Subscription]struct{})
	}
	ss.set[s] = struct{}{}
	return true
}

func (ss *subscribers) remove(s *Subscription) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.set, s)
}

// publish offers c to every subscription; it never blocks on a reader.
func (ss *subscribers) publish(c Call) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for s := range ss.set {
		s.offer(c)
	}
}

func (ss *subscribers) closeAll() {
	ss.mu.Lock()
	ss.closed = true
	all := make([]*Subscription, 0, len(ss.set))
	for s := range ss.set {
		all = append(all, s)
	}
	ss.mu.Unlock()
	for _, s := range all {
		s.Close()
	}
}
