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

// push adds m; when the queue was full it returns the message it dropped.
func (q *queue) push(m Message) (dropped Message, full bool) {
	q.mu.Lock()
	if len(q.items) >= q.max {
		dropped, full = q.items[0], true
		q.items = q.items[1:]
	}
	q.items = append(q.items, m)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
	return dropped, full
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
