package ui

import (
	"context"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// SipgateLink is the sipgate account behind the Settings window's sipgate
// tab. *service.Service satisfies it; a SettingsStore that is not one has
// no such tab.
type SipgateLink interface {
	Account() service.AccountStatus
	ConnectSipgate(ctx context.Context, tokenID, token string) (service.Login, error)
	DisconnectSipgate() error
	PointSipgateHere(ctx context.Context) error
	SyncSipgateNow()
	SipgateUsers(ctx context.Context) ([]sipgate.User, error)
	SipgateDevices(ctx context.Context) ([]sipgate.Device, error)
}

// sipgateTab is the sipgate account: connect with a token, where sipgate
// sends the calls, the users who get popups, the device Call back rings.
type sipgateTab struct {
	w    *SettingsWindow
	link SipgateLink

	state           *hint
	tokenID, token  *keyEntry
	connect, logout *widget.Button
	webhook         *hint
	pointHere       *widget.Button
	synced          *hint
	syncNow         *widget.Button
	users           *widget.CheckGroup
	device          *widget.Select
	devices         []sipgate.Device
	features        *hint
	login, account  *fyne.Container
	box             *fyne.Container
}

func sipgateSettingsTab(w *SettingsWindow) *container.TabItem {
	link, ok := w.backend().(SipgateLink)
	if !ok {
		return nil
	}
	return scrollTab("sipgate", theme.LoginIcon(), newSipgateTab(w, link).box)
}

func newSipgateTab(w *SettingsWindow, link SipgateLink) *sipgateTab {
	t := &sipgateTab{w: w, link: link, state: hintLabel(), webhook: hintLabel(), synced: hintLabel(), features: hintLabel()}
	t.tokenID = newKeyEntry(w.win)
	t.tokenID.SetPlaceHolder("token-AB12CD")
	t.token = newPasswordKeyEntry(w.win)
	t.token.SetPlaceHolder(i18n.T("the token (a long code with dashes)"))
	t.connect = widget.NewButtonWithIcon(i18n.T("Connect"), theme.LoginIcon(), t.doConnect)
	t.connect.Importance = widget.HighImportance
	t.token.OnSubmitted = func(string) { t.doConnect() }
	t.logout = widget.NewButtonWithIcon(i18n.T("Disconnect"), theme.LogoutIcon(), t.doLogout)
	t.pointHere = widget.NewButtonWithIcon(i18n.T("Point sipgate here"), theme.MailForwardIcon(), t.doPointHere)
	t.syncNow = widget.NewButtonWithIcon(i18n.T("Sync now"), theme.ViewRefreshIcon(), func() { t.link.SyncSipgateNow(); t.refreshSoon() })
	t.users = widget.NewCheckGroup(nil, t.saveUsers)
	t.users.Horizontal = true
	t.device = widget.NewSelect(nil, t.saveDevice)
	t.device.PlaceHolder = i18n.T("Your default device")

	t.login = container.NewVBox(heading(i18n.T("Connect your sipgate account")),
		widget.NewLabel(i18n.T("Create a personal access token in the sipgate web app, then enter its id and the token:")),
		widget.NewForm(widget.NewFormItem(i18n.T("Token id"), t.tokenID), widget.NewFormItem(i18n.T("Token"), t.token)),
		container.NewHBox(t.connect))
	t.account = container.NewVBox(
		heading(i18n.T("Webhooks")), t.webhook, container.NewHBox(t.pointHere),
		heading(i18n.T("Contacts and calls from sipgate")), t.synced, container.NewHBox(t.syncNow),
		heading(i18n.T("Pop up only for these users")), t.users,
		heading(i18n.T("Call back rings")), t.device,
		heading(i18n.T("What the token allows")), t.features,
		container.NewHBox(t.logout))
	t.box = container.NewVBox(t.state, t.login, t.account)
	t.refresh()
	if link.Account().Connected {
		t.loadChoices()
	}
	return t
}

// refresh shows the account as the service has it now.
func (t *sipgateTab) refresh() {
	st := t.link.Account()
	connected := st.Connected && st.Err == nil && st.Report != nil
	t.login.Hidden, t.account.Hidden = st.Connected, !st.Connected
	switch {
	case st.Err != nil:
		setHint(t.state, capitalise(i18n.Error(st.Err)), widget.DangerImportance)
	case connected:
		who := joinNonEmpty(" · ", st.Report.UserName, st.Report.Company)
		setHint(t.state, i18n.T("Connected as {{.Who}} ({{.ID}}).", map[string]any{"Who": i18n.Clean(who), "ID": st.Report.UserID}), widget.SuccessImportance)
	case st.Connected:
		setHint(t.state, i18n.T("Connecting to sipgate…"), widget.MediumImportance)
	default:
		setHint(t.state, i18n.T("Not connected. Connected, whoiscalling sets sipgate's webhook URL for you, fills in calls made while it was off, names callers from sipgate's contacts and calls back through your sipgate phone."), widget.MediumImportance)
	}
	t.login.Refresh()
	t.account.Refresh()
	if !connected {
		return
	}
	t.showWebhook(st.Report)
	t.showSync(st)
	t.showFeatures(st)
}

func (t *sipgateTab) showWebhook(r *service.AccountReport) {
	switch {
	case !r.Booked:
		setHint(t.webhook, i18n.T("sipgate.io is not booked for this account, or the token may not read the webhook settings."), widget.WarningImportance)
		t.pointHere.Disable()
	case r.PointsHere:
		setHint(t.webhook, i18n.T("sipgate sends calls here: {{.URL}}", map[string]any{"URL": i18n.Clean(r.PublicURL)}), widget.SuccessImportance)
		t.pointHere.Disable()
	case r.PublicURL == "":
		setHint(t.webhook, i18n.WrongURL(r.IncomingURL)+". "+i18n.T("This app has no public URL yet: turn on the tunnel in the Internet tab, or enter your own tunnel's URL as Public URL."), widget.WarningImportance)
		t.pointHere.Disable()
	default:
		setHint(t.webhook, i18n.WrongURL(r.IncomingURL), widget.WarningImportance)
		t.pointHere.Enable()
	}
}

func (t *sipgateTab) showSync(st service.AccountStatus) {
	switch {
	case st.Syncing:
		setHint(t.synced, i18n.T("Syncing with sipgate…"), widget.MediumImportance)
	case st.Synced.IsZero():
		setHint(t.synced, i18n.T("Not synced yet."), widget.MediumImportance)
	default:
		setHint(t.synced, i18n.T("Synced {{.Ago}}: {{.Contacts}} contacts from sipgate, {{.Calls}} calls added from sipgate's history.", map[string]any{
			"Ago": i18n.Ago(st.Synced, time.Now()), "Contacts": st.Contacts.Imported + st.Contacts.Updated + st.Contacts.Unchanged, "Calls": len(st.History.Added)}), widget.MediumImportance)
	}
}

func (t *sipgateTab) showFeatures(st service.AccountStatus) {
	var lines []string
	for _, f := range st.Report.Features {
		if f.State == service.FeatureRefused {
			lines = append(lines, i18n.T("{{.Feature}}: the token lacks {{.Scope}}", map[string]any{"Feature": f.Name, "Scope": f.Scope}))
		}
	}
	if st.BlockRefused {
		lines = append(lines, i18n.T("Blocking works here only: with the scope blacklist:write, a block would also hold at sipgate while this computer is off."))
	}
	if len(lines) == 0 {
		setHint(t.features, i18n.T("Everything whoiscalling reads is allowed."), widget.SuccessImportance)
		return
	}
	setHint(t.features, strings.Join(lines, "\n"), widget.WarningImportance)
}

// loadChoices fills the users and devices from sipgate, in the
// background.
func (t *sipgateTab) loadChoices() {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		users, _ := t.link.SipgateUsers(ctx)
		devices, _ := t.link.SipgateDevices(ctx)
		t.w.do(func() { t.showChoices(users, devices) })
	}()
}

func (t *sipgateTab) showChoices(users []sipgate.User, devices []sipgate.Device) {
	cfg := t.w.store.Current()
	t.users.OnChanged = nil
	t.users.Options = nil
	for _, u := range users {
		t.users.Options = append(t.users.Options, i18n.Clean(u.Name()))
	}
	t.users.SetSelected(slices.Clone(cfg.NotifyUsers))
	t.users.OnChanged = t.saveUsers
	lock := cfg.FromEnvironment(config.KeyNotifyUsers)
	if lock {
		t.users.Disable()
	}
	t.devices = devices
	t.device.OnChanged = nil
	t.device.Options = nil
	for _, d := range devices {
		t.device.Options = append(t.device.Options, deviceTitle(d))
		if d.ID == cfg.Sipgate.Device {
			t.device.Selected = deviceTitle(d)
		}
	}
	t.device.OnChanged = t.saveDevice
	t.device.Refresh()
	t.users.Refresh()
}

func deviceTitle(d sipgate.Device) string {
	return joinNonEmpty(" · ", i18n.Clean(d.Alias), d.ID)
}

func (t *sipgateTab) saveUsers(names []string) {
	t.save(config.KeyNotifyUsers, strings.Join(names, ", "))
}

func (t *sipgateTab) saveDevice(title string) {
	for _, d := range t.devices {
		if deviceTitle(d) == title {
			t.save(config.KeySipgateDevice, d.ID)
		}
	}
}

func (t *sipgateTab) save(key, value string) {
	if err := t.w.store.Save(map[string]string{key: value}); err != nil {
		setHint(t.state, capitalise(i18n.Error(err)), widget.DangerImportance)
	}
}

func (t *sipgateTab) doConnect() {
	id, token := strings.TrimSpace(t.tokenID.Text), strings.TrimSpace(t.token.Text)
	t.connect.Disable()
	setHint(t.state, i18n.T("Asking sipgate…"), widget.MediumImportance)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		l, err := t.link.ConnectSipgate(ctx, id, token)
		cancel()
		t.w.do(func() {
			t.connect.Enable()
			if err != nil {
				setHint(t.state, capitalise(i18n.Error(err)), widget.DangerImportance)
				return
			}
			t.token.SetText("")
			t.refresh()
			where := i18n.T("The token is kept in the OS keyring.")
			if l.Place == service.InFile {
				where = i18n.T("No keyring answered: the token is kept in {{.File}} in the data dir, readable only by you.", map[string]any{"File": service.SecretsFile})
			}
			setHint(t.state, i18n.T("Connected as {{.ID}}.", map[string]any{"ID": l.User.Sub})+" "+where, widget.SuccessImportance)
			t.loadChoices()
			t.refreshSoon()
		})
	}()
}

func (t *sipgateTab) doLogout() {
	err := t.link.DisconnectSipgate()
	t.refresh()
	if err != nil {
		setHint(t.state, capitalise(i18n.Error(err)), widget.WarningImportance)
	}
}

func (t *sipgateTab) doPointHere() {
	t.pointHere.Disable()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := t.link.PointSipgateHere(ctx)
		cancel()
		t.w.do(func() {
			if err != nil {
				t.pointHere.Enable()
				setHint(t.webhook, capitalise(i18n.Error(err)), widget.DangerImportance)
				return
			}
			t.refreshSoon()
		})
	}()
}

// refreshSoon refreshes the tab while a sync or a check runs, for up to
// half a minute.
func (t *sipgateTab) refreshSoon() {
	go func() {
		for range 30 {
			time.Sleep(time.Second)
			t.w.do(t.refresh)
			if st := t.link.Account(); !st.Syncing && (st.Report != nil || st.Err != nil) {
				return
			}
		}
	}()
}
