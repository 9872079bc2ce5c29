package notify

// sendLoop shows queued messages one at a time until stop closes.
func (n *Notifier) sendLoop(stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-n.queue.ready:
		}
		for m, ok := n.queue.pop(); ok; m, ok = n.queue.pop() {
			select {
			case <-stop:
				return
			default:
			}
			n.deliver(m)
		}
	}
}

// deliver sends one message. A missing notification service is logged
// once when it goes away and once when it is back; every message still
// tries, so popups resume as soon as a service runs.
func (n *Notifier) deliver(m Message) {
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
