package ui

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// StartAtLogin is the start-at-login entry on disk (XDG autostart entry,
// LaunchAgent or Run key). *autostart.Autostart satisfies it.
type StartAtLogin interface {
	// Enabled reads the entry on disk: the switch shows the real state,
	// not a remembered flag.
	Enabled() (bool, error)
	Enable() error
	Disable() error
	// Path says where the entry lives, for the hint under the switch.
	Path() string
}

// loginSwitch is the "Start at login" check. It applies at once, without
// Save, and always shows what is on disk afterwards.
type loginSwitch struct {
	entry StartAtLogin
	check *widget.Check
	hint  *hint
}

// EnableStartAtLogin adds the "Start at login" switch for entry.
func (w *SettingsWindow) EnableStartAtLogin(entry StartAtLogin) {
	l := &loginSwitch{entry: entry, hint: hintLabel()}
	l.check = widget.NewCheck(i18n.T("Start whoiscalling when I log in"), nil)
	w.login, w.loginOn = l, entry
	w.general.Add(container.NewVBox(heading(i18n.T("Start-up")), l.check, l.hint))
	l.refresh()
}

// refresh reads the entry from disk into the check.
func (l *loginSwitch) refresh() {
	on, err := l.entry.Enabled()
	l.check.OnChanged = nil
	l.check.SetChecked(on)
	l.check.OnChanged = l.toggle
	switch {
	case err != nil:
		setHint(l.hint, capitalise(i18n.Error(err)), widget.DangerImportance)
	case on:
		setHint(l.hint, i18n.T("Starts at login from {{.Path}}.", map[string]any{"Path": l.entry.Path()}), widget.MediumImportance)
	default:
		setHint(l.hint, i18n.T("Off: start whoiscalling from the menu when you need it."), widget.MediumImportance)
	}
}

func (l *loginSwitch) toggle(on bool) {
	var err error
	if on {
		err = l.entry.Enable()
	} else {
		err = l.entry.Disable()
	}
	l.refresh()
	if err != nil {
		setHint(l.hint, capitalise(i18n.Error(err)), widget.DangerImportance)
	}
}
