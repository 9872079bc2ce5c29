package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// changes are the keys whose value differs from the one in effect, or
// false when a value is wrong (its field then says why).
func (w *SettingsWindow) changes() (map[string]string, bool) {
	changed, ok := map[string]string{}, true
	for _, f := range w.fields {
		if f.locked {
			continue
		}
		if f.validate() != nil {
			ok = false
			continue
		}
		if v := f.value(); v != f.original {
			changed[f.key] = v
		}
	}
	return changed, ok
}

// submit saves and applies the changed keys in the background (a new
// port restarts the listener) and shows the outcome, such as the port
// being in use, under the fields.
func (w *SettingsWindow) submit() {
	changed, ok := w.changes()
	switch {
	case !ok:
		setHint(w.status, i18n.T("Nothing was saved: correct the fields marked in red."), widget.DangerImportance)
		return
	case len(changed) == 0:
		setHint(w.status, i18n.T("Nothing has changed."), widget.MediumImportance)
		return
	}
	w.save.Disable()
	setHint(w.status, i18n.T("Saving…"), widget.MediumImportance)
	go func() {
		err := w.store.Save(changed)
		w.do(func() { w.saved(err) })
	}()
}

// saved shows the outcome of Save. The values in effect are read again
// either way: a listener that failed to start may still have saved them.
func (w *SettingsWindow) saved(err error) {
	w.save.Enable()
	cfg := w.store.Current()
	if err != nil {
		for _, f := range w.fields {
			f.original = cfg.Value(f.key)
		}
		setHint(w.status, capitalise(i18n.Error(err)), widget.DangerImportance)
		return
	}
	w.load(cfg)
	setHint(w.status, i18n.T("Saved and applied: listening on {{.Addr}}.", map[string]any{"Addr": cfg.ListenAddr()}), widget.SuccessImportance)
}

func (w *SettingsWindow) testCallSection() fyne.CanvasObject {
	if w.caller == nil {
		return container.NewVBox()
	}
	w.testCall = widget.NewButtonWithIcon(i18n.T("Send test call"), theme.MailSendIcon(), w.sendTestCall)
	w.testResult = hintLabel()
	setHint(w.testResult, i18n.T("Sends a made-up call through the listener; it shows up in the recent calls."), widget.MediumImportance)
	return container.NewVBox(heading(i18n.T("Check the setup")),
		container.NewBorder(nil, nil, w.testCall, nil, w.testResult))
}

// sendTestCall posts a test call in the background and shows the result.
func (w *SettingsWindow) sendTestCall() {
	w.testCall.Disable()
	setHint(w.testResult, i18n.T("Sending a test call…"), widget.MediumImportance)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		msg, err := w.caller.SendTestCall(ctx)
		cancel()
		w.do(func() {
			w.testCall.Enable()
			if err != nil {
				setHint(w.testResult, capitalise(i18n.Error(err)), widget.DangerImportance)
				return
			}
			setHint(w.testResult, msg, widget.SuccessImportance)
		})
	}()
}
