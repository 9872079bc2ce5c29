package ui

import (
	"context"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/whoiscalling/whoiscalling/app/cli"
	"github.com/whoiscalling/whoiscalling/assets"
)

// Backend is what the UI needs of the running service.
type Backend interface {
	Status() cli.Status
}

// UI is the running desktop app.
type UI struct {
	app     fyne.App
	backend Backend
	logger  *slog.Logger
	now     func() time.Time
	tray    desktop.App
}

// New builds the UI on a (the caller made it with app.NewWithID).
func New(a fyne.App, b Backend, logger *slog.Logger) *UI {
	u := &UI{app: a, backend: b, logger: logger, now: time.Now}
	a.SetIcon(fyne.NewStaticResource("whoiscalling.png", assets.Icon))
	if d, ok := a.(desktop.App); ok {
		u.tray = d
	}
	return u
}

// Run installs the tray, keeps its status line fresh until ctx ends, and
// runs the Fyne event loop. A listener error from start-up is shown in a
// window: the app keeps running, so the person can fix the port in
// Settings.
func (u *UI) Run(ctx context.Context, listenErr error) {
	u.refreshTray()
	if listenErr != nil {
		u.showProblem("whoiscalling is not listening", listenErr)
	}
	go u.tick(ctx)
	u.app.Run()
}

func (u *UI) tick(ctx context.Context) {
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			fyne.Do(u.app.Quit)
			return
		case <-t.C:
			fyne.Do(u.refreshTray)
		}
	}
}

// refreshTray rebuilds the menu and the icon. Call it on the UI goroutine.
func (u *UI) refreshTray() {
	if u.tray == nil {
		return
	}
	st := u.backend.Status()
	s := TrayState{Addr: st.Addr, Listening: st.Listening, ListenErr: st.Err, LastWebhook: st.LastWebhook, Now: u.now()}
	u.tray.SetSystemTrayMenu(BuildTrayMenu(s, TrayActions{Quit: u.app.Quit}))
	icon := assets.Icon
	if !s.Listening {
		icon = assets.IconDown
	}
	u.tray.SetSystemTrayIcon(fyne.NewStaticResource(trayName(s), icon))
}

func trayName(s TrayState) string {
	if !s.Listening {
		return "tray-down.png"
	}
	return "tray.png"
}
