package notify

import "time"

// burstRefresh is how often a burst's summary popup is updated at most.
// A person reads it a few times a second at best, and every update is a
// round trip to the notification service (and under load a redraw of
// the popup), so the updates in between are folded into the next one.
const burstRefresh = 500 * time.Millisecond

// sendLoop shows queued messages one at a time until stop closes. A
// summary updated again within n.refresh of its last update is held
// back, and the newest one held is shown when the interval ends.
func (n *Notifier) sendLoop(stop <-chan struct{}) {
	var (
		held     Message
		holding  bool
		due      <-chan time.Time
		lastSent time.Time // when a summary was last shown
	)
	show := func(m Message) {
		n.deliver(m)
		if m.Kind == KindBurst {
			lastSent = time.Now()
		}
	}
	for {
		select {
		case <-stop:
			return
		case <-due:
			due, holding = nil, false
			show(held)
			continue
		case <-n.queue.ready:
		}
		for m, ok := n.queue.pop(); ok; m, ok = n.queue.pop() {
			select {
			case <-stop:
				return
			default:
			}
			if m.Kind != KindBurst {
				n.deliver(m)
				continue
			}
			if holding && held.CallID != m.CallID {
				// A new burst began: the old one's last count first.
				due, holding = nil, false
				show(held)
			}
			if wait := n.refresh - time.Since(lastSent); wait > 0 {
				if !holding {
					due = time.After(wait)
				}
				held, holding = m, true
				continue
			}
			show(m)
		}
	}
}

// deliver sends one message. A missing notification service is logged
// once when it goes away and once when it is back; every message still
// tries, so popups resume as soon as a service runs.
func (n *Notifier) deliver(m Message) {
	m = m.complete()
	err := n.sender.Send(m)
	switch {
	case err != nil && !n.down:
		n.down = true
		n.log.Warn("no desktop notification service answers, so popups are off until one runs", "err", err)
	case err != nil:
		n.log.Debug("popup not shown", "call", m.CallID, "kind", m.Kind, "err", err)
	case n.down:
		n.down = false
		n.log.Info("a desktop notification service answers again; popups are back on")
	default:
		n.log.Debug("popup shown", "call", m.CallID, "kind", m.Kind, "title", m.Title)
	}
}
