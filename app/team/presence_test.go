package team

import (
	"context"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// receiverOnline reports whether st lists the receiver id with a webhook
// time.
func receiverOnline(st Status, id string) bool {
	for _, r := range st.Receivers {
		if r.Instance == id && r.LastWebhook != nil {
			return true
		}
	}
	return false
}

func TestPresenceShowsReceiversAndNoneSince(t *testing.T) {
	url := natsServer(t, -1).ClientURL()
	ctx := context.Background()
	watcher := desk(t, urlConfig(url), t.TempDir(), newFake())
	ready(t, watcher)

	for _, stop := range []struct {
		name string
		fn   func(*Team)
	}{
		{"clean close", func(rx *Team) { rx.Close() }},
		{"crash, entry expires", func(rx *Team) {
			rx.cancel()
			rx.wg.Wait()
			rx.nc.Close()
		}},
	} {
		t.Run(stop.name, func(t *testing.T) {
			fake := newFake()
			rx := desk(t, urlConfig(url), t.TempDir(), fake, func(o *Options) { o.Receiver = true })
			fake.webhook("presence-call", calls.StatusRinging)
			waitFor(t, "the receiver online with its last webhook", func() bool {
				st := watcher.Status(ctx)
				return receiverOnline(st, rx.id) && st.NoReceiverSince == nil
			})
			stop.fn(rx)
			waitFor(t, "no receiver online, with a since time", func() bool {
				st := watcher.Status(ctx)
				return len(st.Receivers) == 0 && st.NoReceiverSince != nil
			})
		})
	}
	if st := watcher.Status(ctx); st.State != Connected || st.Lag != 0 || st.Server == "" {
		t.Errorf("watcher Status = %+v, want connected with no lag", st)
	}
}
