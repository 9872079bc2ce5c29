package calls

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/whoiscalling/whoiscalling/webhook"
)

// ErrClosed is returned by a Tracker after Close.
var ErrClosed = errors.New("call tracker closed")

// Respond handles one webhook event: it updates the call in memory,
// decides sipgate's answer, and returns once the change is committed to
// the store and published, so the 200 that follows means "stored". A
// blocked caller's newCall is rejected with a busy tone; every other
// newCall subscribes to answer and hangup when Options.PublicURL is set.
// A push seen before changes nothing and gets the same answer.
func (t *Tracker) Respond(ctx context.Context, ev webhook.Event) (webhook.Response, error) {
	if ev.CallID == "" || ev.Type == webhook.DTMF {
		return webhook.Response{}, nil
	}
	now := t.now()
	if err := t.findPush(ctx, ev); err != nil {
		return webhook.Response{}, err
	}
	c, changed := t.apply(ev, now)
	if c == nil {
		t.mu.Unlock()
		return webhook.Response{}, nil
	}
	resp := t.response(c, ev)
	var w *write
	if changed {
		w = t.pushed(c, now)
	} else {
		w = t.barrier()
	}
	id, status := c.ID, c.Status
	t.mu.Unlock()
	if t.log.Enabled(ctx, slog.LevelDebug) {
		t.log.Debug("webhook", "event", ev.Type, "call_id", ev.CallID, "call", id, "status", status, "changed", changed)
	}
	_, err := t.wait(ctx, w)
	return resp, err
}

// response is what sipgate gets back: only a newCall's answer matters.
func (t *Tracker) response(c *call, ev webhook.Event) webhook.Response {
	switch {
	case ev.Type != webhook.NewCall:
		return webhook.Response{}
	case c.rejected:
		return webhook.Response{Reject: webhook.BusyTone}
	}
	u := t.PublicURL()
	return webhook.Response{OnAnswer: u, OnHangup: u}
}

// PublicURL is the URL newCall answers subscribe answer and hangup
// events to ("" subscribes nothing).
func (t *Tracker) PublicURL() string {
	if p := t.publicURL.Load(); p != nil {
		return *p
	}
	return t.opt.PublicURL
}

// SetPublicURL changes the URL for the calls that ring from now on (the
// Settings window changed WEBHOOK_SERVER_ADDRESS).
func (t *Tracker) SetPublicURL(u string) { t.publicURL.Store(&u) }

// create starts a call from its first event. At ring time (a newCall) a
// blocked incoming caller is rejected.
func (t *Tracker) create(ev webhook.Event, now time.Time, ringing bool) *call {
	t.nextID++
	c := &call{key: ev.LegID()}
	c.ID, c.Direction, c.From, c.To, c.StartedAt = t.nextID, Direction(ev.Direction), ev.From, ev.To, now
	c.Source = FromWebhook
	t.keys.add(c.key)
	l := c.addLeg(ev, now)
	who, ok := t.lookup(c.Party())
	c.Place = who.Place
	if ok {
		c.name(who)
		if ringing && who.Blocked && ev.Direction == webhook.In {
			c.rejected, l.EndedAt = true, &now
		}
	}
	t.idx.add(c)
	return c
}

// lookup asks the directory about the other party of a call.
func (t *Tracker) lookup(number string) (Caller, bool) {
	if number == "" || number == webhook.Anonymous {
		return Caller{}, false
	}
	return t.dir.Caller(number)
}

// name sets what the contacts book knows about the other party. A
// place found before stays for when the contact goes away.
func (c *Call) name(who Caller) {
	c.Contact, c.Company, c.City, c.Note = who.Name, who.Company, who.City, who.Note
	c.ContactID, c.Match, c.VIP = who.ContactID, who.Match, who.VIP
	if who.Place != "" {
		c.Place = who.Place
	}
}
