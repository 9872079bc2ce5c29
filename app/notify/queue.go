package notify

import "sync"

// queueSize is how many popups may wait for the sender. More than a
// handful waiting means the notification service is stuck, and then the
// newest calls matter most.
const queueSize = 8

// queue is a bounded FIFO of messages that drops the oldest when full,
// so pushing never blocks the tracker's subscriber.
type queue struct {
	mu    sync.Mutex
	items []Message
	max   int
	ready chan struct{} // holds a token while items may be non-empty
}

func newQueue(max int) *queue {
	return &queue{max: max, ready: make(chan struct{}, 1)}
}

// push adds m; a message about the same call (or burst) still waiting is
// replaced in place, since the popup would be replaced anyway. When the
// queue was full it returns the message it dropped.
func (q *queue) push(m Message) (dropped Message, full bool) {
	q.mu.Lock()
	for i, old := range q.items {
		if old.CallID == m.CallID {
			q.items[i] = m
			q.mu.Unlock()
			q.signal()
			return Message{}, false
		}
	}
	if len(q.items) >= q.max {
		dropped, full = q.items[0], true
		q.items = q.items[1:]
	}
	q.items = append(q.items, m)
	q.mu.Unlock()
	q.signal()
	return dropped, full
}

// signal wakes the sender.
func (q *queue) signal() {
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// pop takes the oldest message, if any.
func (q *queue) pop() (Message, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return Message{}, false
	}
	m := q.items[0]
	q.items = q.items[1:]
	return m, true
}
