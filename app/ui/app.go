package ui

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/assets"
)

// Backend is the running service behind the tray and the windows.
type Backend interface {
	Status() service.Status
	SettingsStore
	TestCaller
}

// Deps are what the UI shows and edits.
type Deps struct {
	Backend Backend
	Calls   CallSource
	Book    ContactBook
	// Login is the start-at-login entry; nil hides the switch.
	Login  StartAtLogin
	Logger *slog.Logger
}

// UI is the running desktop app: the tray and its windows, made when
// first asked for.
type UI struct {
	app  fyne.App
	d    Deps
	now  func() time.Time
	tray desktop.App

	menuKey, iconName string // what the tray shows now

	callsWin    *CallsWindow
	contactsWin *ContactsWindow
	settingsWin *SettingsWindow
}

// New builds the UI on a (main.go made it with app.NewWithID).
func New(a fyne.App, d Deps) *UI {
	u := &UI{app: a, d: d, now: time.Now}
	a.SetIcon(fyne.NewStaticResource("whoiscalling.png", assets.Icon))
	if t, ok := a.(desktop.App); ok {
		u.tray = t
	}
	return u
}

// Run installs the tray, keeps it fresh until ctx ends, and runs the Fyne
// event loop. Where the desktop shows no tray, the recent-calls window
// opens instead and says why. A listener error from start-up is shown in
// a window: the app keeps running, so the port can be fixed in Settings.
func (u *UI) Run(ctx context.Context, listenErr error) {
	if u.tray != nil {
		u.installTray(u.trayState()) // the event loop does not run yet
	}
	if u.tray == nil || !trayHost() {
		u.openWithoutTray()
	}
	if listenErr != nil {
		u.showProblem("whoiscalling is not listening", listenErr)
	}
	sub := u.d.Calls.Subscribe(16)
	go u.follow(ctx, sub)
	u.app.Run()
	sub.Close()
}

const noTrayNotice = "Your desktop shows no tray icons, so whoiscalling opened this window instead. " +
	"It listens and shows popups while this window is open; closing it quits whoiscalling. " +
	"(On GNOME, the AppIndicator extension adds tray icons.)"

func (u *UI) openWithoutTray() {
	w := u.calls()
	w.SetNotice(noTrayNotice)
	w.win.SetMaster()
	w.win.SetCloseIntercept(u.app.Quit)
	w.Show()
}

// ShowRecentCalls brings the recent-calls window to the front: a second
// start of the app asks the running one for this.
func (u *UI) ShowRecentCalls() { u.calls().Show() }

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

// refreshTray brings the tray up to date soon; it may be called on the
// UI goroutine, which it never makes wait for the database.
func (u *UI) refreshTray() {
	if u.tray == nil {
		return
	}
	go u.pushTray()
}

// pushTray reads the tray's state on the calling goroutine (never the UI
// one) and installs it on the UI goroutine.
func (u *UI) pushTray() {
	if u.tray == nil {
		return
	}
	s := u.trayState()
	fyne.Do(func() { u.installTray(s) })
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

// menuKey is what a person sees of m: labels and states.
func menuKey(m *fyne.Menu) string {
	var b strings.Builder
	for _, it := range m.Items {
		fmt.Fprintf(&b, "%s|%t|%t|%t\n", it.Label, it.Disabled, it.Checked, it.IsSeparator)
	}
	return b.String()
}

func (u *UI) trayState() TrayState {
	st := u.d.Backend.Status()
	cfg := u.d.Backend.Current()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	last, err := u.d.Calls.Recent(ctx, calls.Query{Limit: 5})
	cancel()
	if err != nil {
		u.d.Logger.Warn("tray: cannot read the last calls", "err", err)
	}
	return TrayState{Addr: st.Addr, Listening: st.Listening, ListenErr: st.Err, Webhooks: st.Webhooks,
		LastCalls: last, DoNotDisturb: cfg.DoNotDisturb, Region: cfg.DefaultRegion, Now: u.now()}
}

// trayIcon picks the icon: grey while not listening, a red badge while do
// not disturb is on.
func trayIcon(s TrayState) (string, []byte) {
	switch {
	case !s.Listening:
		return "tray-down.png", assets.IconDown
	case s.DoNotDisturb:
		return "tray-dnd.png", assets.IconDND
	}
	return "tray.png", assets.Icon
}

func (u *UI) trayActions() TrayActions {
	return TrayActions{
		OpenCall:     func(c calls.Call) { u.calls().ShowCall(c) },
		RecentCalls:  u.ShowRecentCalls,
		Contacts:     func() { u.contacts().Show() },
		Settings:     func() { u.settings().Show() },
		DoNotDisturb: u.setDoNotDisturb,
		TestCall:     u.sendTestCall,
		Quit:         u.app.Quit,
	}
}

func (u *UI) setDoNotDisturb(on bool) {
	v := "false"
	if on {
		v = "true"
	}
	if err := u.d.Backend.Save(map[string]string{config.KeyDoNotDisturb: v}); err != nil {
		u.showProblem("Do not disturb was not changed", err)
	}
	u.refreshTray()
}

// sendTestCall sends a test call in the background; its popup is the
// result, so only a failure is shown.
func (u *UI) sendTestCall() {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if _, err := u.d.Backend.SendTestCall(ctx); err != nil {
			fyne.Do(func() { u.showProblem("The test call failed", err) })
		}
	}()
}

func (u *UI) region() string { return u.d.Backend.Current().DefaultRegion }

func (u *UI) calls() *CallsWindow {
	if u.callsWin == nil {
		u.callsWin = NewCallsWindow(u.app, u.d.Calls, u.d.Book, u.region())
	}
	return u.callsWin
}

func (u *UI) contacts() *ContactsWindow {
	if u.contactsWin == nil {
		u.contactsWin = NewContactsWindow(u.app, u.d.Book, u.region())
	}
	return u.contactsWin
}

func (u *UI) settings() *SettingsWindow {
	if u.settingsWin == nil {
		store := refreshingStore{u.d.Backend, func() {
			fyne.Do(func() {
				u.refreshTray()
				u.applyRegion()
			})
		}}
		u.settingsWin = NewSettingsWindow(u.app, store, u.d.Backend)
		if u.d.Login != nil {
			u.settingsWin.EnableStartAtLogin(u.d.Login)
		}
	}
	return u.settingsWin
}

// refreshingStore refreshes the tray and the windows after every save, so
// a change made in Settings (do not disturb, the port, the default
// country) shows at once.
type refreshingStore struct {
	Backend
	after func()
}

func (r refreshingStore) Save(values map[string]string) error {
	err := r.Backend.Save(values)
	r.after()
	return err
}
