package calls

import "testing"

// TestSubscriptionQueueStaysSmallWhileTheReaderLags: a reader that is
// always behind still gets every call's latest state in order, and the
// queue does not keep what it delivered.
func TestSubscriptionQueueStaysSmallWhileTheReaderLags(t *testing.T) {
	s := &Subscription{at: map[int64]int{}, wake: make(chan struct{}, 1)}
	next := int64(1)
	want := int64(1)
	for round := range 2000 {
		for range 3 {
			s.offer(Call{ID: next, Version: 1})
			s.offer(Call{ID: next, Version: 2})
			next++
		}
		for range 2 + round%2 {
			c, ok := s.next()
			if !ok || c.ID != want || c.Version != 2 {
				t.Fatalf("round %d: next = %d v%d, %v; want %d v2", round, c.ID, c.Version, ok, want)
			}
			want++
		}
	}
	if len(s.queue)-s.head != int(next-want) || len(s.at) != int(next-want) {
		t.Errorf("%d undelivered, queue holds %d (head %d) and %d positions", next-want, len(s.queue), s.head, len(s.at))
	}
	if cap(s.queue) > 4*(compactAfter+int(next-want)) {
		t.Errorf("queue capacity %d after %d states with %d undelivered: it keeps what it delivered", cap(s.queue), next-1, next-want)
	}
}
