package notify

import (
	"github.com/godbus/dbus/v5"

	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// actionList is the spec's flat list of action keys and labels; the
// default action (a click on the body) opens the call.
func actionList(keys []string) []string {
	out := []string{ActionDefault, i18n.T("Open")}
	for _, k := range keys {
		out = append(out, k, actionLabel(k))
	}
	return out
}

func actionLabel(key string) string {
	switch key {
	case ActionCallBack:
		return i18n.T("Call back")
	case ActionAddContact:
		return i18n.T("Add contact")
	}
	return i18n.T("Open")
}

// OnAction registers fn for every click on an action of this sender's
// popups.
func (d *DBus) OnAction(fn func(Action)) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.handlers = append(d.handlers, fn)
}

// listen follows the server's ActionInvoked and NotificationClosed
// signals; without them popups still show, only clicks are not heard.
func (d *DBus) listen() {
	opts := []dbus.MatchOption{dbus.WithMatchObjectPath(busPath), dbus.WithMatchInterface(busName)}
	if err := d.conn.AddMatchSignal(opts...); err != nil {
		return
	}
	ch := make(chan *dbus.Signal, 16)
	d.conn.Signal(ch)
	go func() {
		for sig := range ch {
			d.signal(sig)
		}
	}()
}

func (d *DBus) signal(sig *dbus.Signal) {
	if len(sig.Body) < 2 {
		return
	}
	id, ok := sig.Body[0].(uint32)
	if !ok {
		return
	}
	switch sig.Name {
	case busName + ".ActionInvoked":
		key, _ := sig.Body[1].(string)
		d.invoked(id, key)
	case busName + ".NotificationClosed":
		d.forget(id)
	}
}

// invoked hands a click on one of our popups to the handlers.
func (d *DBus) invoked(id uint32, key string) {
	d.mu.Lock()
	a, ours := d.popups[id]
	fns := append([]func(Action){}, d.handlers...)
	d.mu.Unlock()
	if !ours {
		return
	}
	a.Key = key
	for _, fn := range fns {
		fn(a)
	}
}
