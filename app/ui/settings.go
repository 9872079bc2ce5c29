package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/config"
)

// SettingsWindow edits the saved settings. Each field is checked as it
// is typed; Save hands the changed keys to the SettingsStore, which
// applies them at once, and shows what happened. Fields that the
// environment or .env sets are locked, with the reason. Make it once and
// Show it as often as the person asks: closing it only hides it.
type SettingsWindow struct {
	app    fyne.App
	win    fyne.Window
	store  SettingsStore
	caller TestCaller
	do     doer

	scroll     *container.Scroll
	fields     []*settingField
	save       *widget.Button
	status     *hint
	testCall   *widget.Button
	testResult *hint

	form  *fyne.Container // the sections; EnableStartAtLogin adds one
	login *loginSwitch    // nil until EnableStartAtLogin
}

// settingSections are the fields, grouped as the window shows them.
var settingSections = []struct {
	title  string
	fields []settingSpec
}{
	{"Webhook listener", []settingSpec{
		{config.KeyPort, "Port", false}, {config.KeyListenHost, "Listen on", false},
		{config.KeyPublicURL, "Public URL", false}, {config.KeyVerifySignature, "Check sipgate's signature", true}}},
	{"Phone numbers", []settingSpec{{config.KeyDefaultRegion, "Default country", false}}},
	{"Notifications", []settingSpec{
		{config.KeyNotifyOutgoing, "Pop up for outgoing calls", true}, {config.KeyNotifyUsers, "Only for users", false},
		{config.KeyNotifyMissed, "Pop up after a missed call", true}, {config.KeyDoNotDisturb, "Do not disturb (VIP contacts still pop up)", true}}},
}

type settingSpec struct {
	key, title string
	toggle     bool
}

// NewSettingsWindow builds the window on a. caller may be nil: then
// there is no test-call button.
func NewSettingsWindow(a fyne.App, store SettingsStore, caller TestCaller) *SettingsWindow {
	return newSettingsWindow(a, store, caller, fyne.Do)
}

func newSettingsWindow(a fyne.App, store SettingsStore, caller TestCaller, do doer) *SettingsWindow {
	w := &SettingsWindow{app: a, store: store, caller: caller, do: do}
	w.win = a.NewWindow("Settings")
	w.win.SetContent(w.layout())
	w.win.Resize(fyne.NewSize(660, 720))
	w.win.SetCloseIntercept(w.win.Hide)
	w.load(store.Current())
	return w
}

// Show shows the settings in effect now, dropping unsaved edits.
func (w *SettingsWindow) Show() {
	w.load(w.store.Current())
	setHint(w.status, "", widget.MediumImportance)
	if w.login != nil {
		w.login.refresh()
	}
	w.win.Show()
	w.win.RequestFocus()
}

func (w *SettingsWindow) load(cfg config.Config) {
	for _, f := range w.fields {
		f.load(cfg)
	}
}

func (w *SettingsWindow) layout() fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	for _, s := range settingSections {
		grid.Add(heading(s.title))
		grid.Add(layout.NewSpacer())
		for _, spec := range s.fields {
			f := newSettingField(spec.key, spec.title, spec.toggle)
			w.fields = append(w.fields, f)
			label := fyne.CanvasObject(formLabel(spec.title))
			if spec.toggle {
				label = layout.NewSpacer()
			}
			grid.Add(label)
			grid.Add(container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()), f.widget(), f.hint))
		}
	}
	w.save = widget.NewButtonWithIcon("Save and apply", theme.DocumentSaveIcon(), w.submit)
	w.save.Importance = widget.HighImportance
	w.status = hintLabel()
	bottom := container.NewBorder(nil, nil, nil, w.save, w.status)
	w.form = container.NewVBox(grid, w.testCallSection())
	w.scroll = container.NewVScroll(container.NewPadded(w.form))
	return container.NewBorder(nil, container.NewPadded(bottom), nil, nil, w.scroll)
}

// currentValue is cfg's value of key as the window edits it.
func currentValue(cfg config.Config, key string) string {
	switch key {
	case config.KeyPort:
		return strconv.Itoa(cfg.Port)
	case config.KeyListenHost:
		return cfg.ListenHost
	case config.KeyPublicURL:
		return cfg.PublicURL
	case config.KeyVerifySignature:
		return strconv.FormatBool(cfg.VerifySignature)
	case config.KeyDefaultRegion:
		return cfg.DefaultRegion
	case config.KeyNotifyOutgoing:
		return strconv.FormatBool(cfg.NotifyOutgoing)
	case config.KeyNotifyUsers:
		return strings.Join(cfg.NotifyUsers, ", ")
	case config.KeyNotifyMissed:
		return strconv.FormatBool(cfg.NotifyMissed)
	case config.KeyDoNotDisturb:
		return strconv.FormatBool(cfg.DoNotDisturb)
	}
	return ""
}
