package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/assets"
)

// trayPause is the least time between two tray refreshes caused by call
// changes: a burst of calls rebuilds the menu once.
const trayPause = 500 * time.Millisecond

// follow refreshes the tray when calls change (at most every trayPause)
// and every 30 s for the "… ago" texts, until ctx ends. It reads the
// state here, off the UI goroutine, and hands only the result over.
func (u *UI) follow(ctx context.Context, sub *calls.Subscription) {
	tick := time.NewTicker(30 * time.Second)
	defer tick.Stop()
	pause := time.NewTimer(0)
	<-pause.C
	pending, waiting := false, false
	for {
		select {
		case <-ctx.Done():
			fyne.Do(u.app.Quit)
			return
		case _, ok := <-sub.C():
			if !ok {
				return
			}
			if waiting {
				pending = true
				continue
			}
			u.pushTray()
			waiting = true
			pause.Reset(trayPause)
		case <-pause.C:
			waiting = false
			if pending {
				pending = false
				u.pushTray()
				waiting = true
				pause.Reset(trayPause)
			}
		case <-tick.C:
			u.pushTray()
		}
	}
}

// refreshTray brings the tray and the window's status line up to date
// soon; it may be called on the UI goroutine, which it never makes wait
// for the database.
func (u *UI) refreshTray() { go u.pushTray() }

// pushTray reads the state on the calling goroutine (never the UI one)
// and installs it on the UI goroutine.
func (u *UI) pushTray() {
	s := u.trayState()
	u.do(func() { u.showState(s) })
}

// showState shows s in the tray and in the recent-calls window. Call it
// on the UI goroutine.
func (u *UI) showState(s TrayState) {
	u.state = s
	if u.tray != nil {
		u.installTray(s)
	}
	if u.callsWin != nil {
		u.callsWin.SetState(s)
		if u.noTray {
			u.callsWin.SetNotice(noTrayNotice(s))
		}
	}
}

// installTray shows s in the menu and the icon. Call it on the UI
// goroutine.
func (u *UI) installTray(s TrayState) {
	m := BuildTrayMenu(s, u.trayActions())
	// A new menu gets new item IDs on the bus, so a click on the old one
	// would be lost: install it only when it shows something new.
	if key := menuKey(m); key != u.menuKey {
		u.menuKey = key
		u.tray.SetSystemTrayMenu(m)
	}
	name, icon := trayIcon(s)
	if name != u.iconName {
		u.iconName = name
		u.tray.SetSystemTrayIcon(fyne.NewStaticResource(name, icon))
	}
}

func (u *UI) trayState() TrayState {
	st := u.d.Backend.Status()
	cfg := u.d.Backend.Current()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	last, err := u.d.Calls.Recent(ctx, calls.Query{Limit: 5})
	if err != nil {
		u.d.Logger.Warn("tray: cannot read the last calls", "err", err)
	}
	s := TrayState{Addr: st.Addr, Listening: st.Listening, ListenErr: st.Err, PublicURL: cfg.PublicURL,
		Webhooks: st.Webhooks, LastCalls: last, DoNotDisturb: cfg.DoNotDisturb, Unseen: u.seen.count(ctx, u.d.Calls),
		Region: cfg.DefaultRegion, Now: u.now()}
	if r, ok := u.d.Backend.(Reacher); ok {
		reach := r.Reach()
		s.Reach, s.PublicURL = &reach, reach.URL
	}
	if l, ok := u.d.Backend.(SipgateLink); ok {
		a := l.Account()
		s.Account = &a
	}
	if t, ok := u.d.Backend.(Teamer); ok {
		team := t.Team()
		s.Team = &team
	}
	return s
}

// trayIcon picks the icon: grey while not listening, a red badge while do
// not disturb is on, a red dot while missed calls wait to be seen, an
// amber one while a connection has a problem.
func trayIcon(s TrayState) (string, []byte) {
	switch {
	case !s.Listening:
		return "tray-down.png", assets.IconDown
	case s.DoNotDisturb:
		return "tray-dnd.png", assets.IconDND
	case s.Unseen > 0:
		return "tray-missed.png", missedIcon()
	case s.Warning():
		return "tray-warning.png", warningIcon()
	}
	return "tray.png", assets.Icon
}
