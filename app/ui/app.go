package ui

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/assets"
)

// Backend is the running service behind the tray and the windows.
// *service.Service satisfies it. It may also be a CallBacker (see
// dialerFor) and a PopupSource (popup clicks reach the windows).
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
	// do runs a function on the UI goroutine (fyne.Do; tests queue).
	do     doer
	dialer CallBacker
	seen   *unseen

	menuKey, iconName string // what the tray shows now
	noTray            bool   // the window stands in for the tray
	state             TrayState

	callsWin    *CallsWindow
	settingsWin *SettingsWindow
	aboutWin    fyne.Window
}

// New builds the UI on a (main.go made it with app.NewWithID). The
// language of the windows is Config.UILanguage (auto: the system's).
func New(a fyne.App, d Deps) *UI {
	return newUI(a, d, fyne.Do, time.Now)
}

func newUI(a fyne.App, d Deps, do doer, now func() time.Time) *UI {
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	u := &UI{app: a, d: d, now: now, do: do, seen: newUnseen(a.Preferences())}
	u.dialer = dialerFor(d.Backend, a.OpenURL)
	if err := i18n.SetLanguage(d.Backend.Current().UILanguage); err != nil {
		d.Logger.Warn("ui: language", "err", err)
	}
	a.SetIcon(fyne.NewStaticResource("whoiscalling.png", assets.Icon))
	if t, ok := a.(desktop.App); ok {
		u.tray = t
	}
	if n, ok := d.Backend.(Noticer); ok {
		// A notice (tunnel down, sipgate elsewhere, calls while away)
		// changes the status line and the tray icon at once.
		n.OnNotice(func(service.Notice) { u.refreshTray() })
	}
	if p, ok := d.Backend.(PopupSource); ok {
		p.OnPopupAction(func(act service.PopupAction) { u.do(func() { u.popupAction(act) }) })
	}
	a.Lifecycle().SetOnEnteredForeground(func() {
		if u.callsWin != nil && u.callsWin.visible {
			u.markSeen()
		}
	})
	return u
}

// Run installs the tray, keeps it fresh until ctx ends, and runs the Fyne
// event loop. Where the desktop shows no tray, the recent-calls window
// opens instead and says why; its toolbar reaches every function. A
// listener error from start-up is shown in a window: the app keeps
// running, so the port can be fixed in Settings.
func (u *UI) Run(ctx context.Context, listenErr error) {
	u.state = u.trayState()
	if u.tray != nil {
		u.installTray(u.state) // the event loop does not run yet
	}
	if u.tray == nil || !trayHost() {
		u.openWithoutTray()
	}
	if listenErr != nil {
		u.showProblem(i18n.T("whoiscalling is not listening"), listenErr)
	}
	sub := u.d.Calls.Subscribe(16)
	go u.follow(ctx, sub)
	u.app.Run()
	sub.Close()
}

func (u *UI) openWithoutTray() {
	u.noTray = true
	w := u.calls()
	w.win.SetMaster()
	w.keys.quits(u.app.Quit)
	w.Show()
}

// noTrayNotice says why the window opened by itself, and what the app
// does now: whether it listens is read from s, so it never claims to
// listen when the port is taken.
func noTrayNotice(s TrayState) string {
	why := i18n.T("Your desktop shows no tray icons, so whoiscalling opened this window instead.")
	tail := i18n.T("Closing it quits whoiscalling. (On GNOME, the AppIndicator extension adds tray icons.)")
	if s.Listening {
		return why + " " + i18n.T("It listens for calls and shows popups while this window is open.") + " " + tail
	}
	return why + " " + i18n.T("It does not listen for calls now (see the status line below): open Settings to fix it.") + " " + tail
}

// ShowRecentCalls brings the recent-calls window to the front: a second
// start of the app asks the running one for this.
func (u *UI) ShowRecentCalls() { u.calls().Show() }

// menuKey is what a person sees of m: labels and states.
func menuKey(m *fyne.Menu) string {
	var b strings.Builder
	for _, it := range m.Items {
		fmt.Fprintf(&b, "%s|%t|%t|%t\n", it.Label, it.Disabled, it.Checked, it.IsSeparator)
	}
	return b.String()
}

func (u *UI) region() string { return u.d.Backend.Current().DefaultRegion }
