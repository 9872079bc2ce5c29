package cli

import (
	"context"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/notify"
	"github.com/whoiscalling/whoiscalling/assets"
)

// StartNotifier shows desktop notifications for the service's calls until
// the returned stop function is called. Without a notification service the
// app keeps working; the notifier says so once in the log.
func StartNotifier(svc *Service, _ Env) (stop func()) {
	sender, err := notify.NewBeeep(assets.Icon, "")
	if err != nil {
		svc.Logger.Warn("notifications will show without the app icon", "err", err)
		sender, _ = notify.NewBeeep(nil, "")
	}
	n := notify.New(sender, details{svc.Book}, notify.FromConfig(svc.Current()), svc.Logger)
	svc.setNotifier(n)
	sub := svc.Tracker.Subscribe(256)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		n.Run(ctx, sub.C())
	}()
	return func() {
		cancel()
		sub.Close()
		<-done
	}
}

// details adapts the contact book to what the notifier needs.
type details struct{ book *contacts.Book }

func (d details) Details(id int64) (city, note string, ok bool) {
	c, err := d.book.Get(id)
	if err != nil {
		return "", "", false
	}
	return c.City, c.Note, true
}
