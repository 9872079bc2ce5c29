package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// homeBar is the recent-calls window's toolbar and status line: every
// function of the tray menu, so the window is a home also where no tray
// shows.
type homeBar struct {
	contacts, settings, testCall, about, quit *widget.Button
	dnd                                       *widget.Check
	status                                    *widget.Label
	actions                                   TrayActions
	state                                     TrayState
}

func newHomeBar() *homeBar {
	h := &homeBar{status: widget.NewLabel("")}
	h.contacts = widget.NewButtonWithIcon(i18n.T("Contacts"), theme.AccountIcon(), func() { run(h.actions.Contacts) })
	h.settings = widget.NewButtonWithIcon(i18n.T("Settings"), theme.SettingsIcon(), func() { run(h.actions.Settings) })
	h.testCall = widget.NewButtonWithIcon(i18n.T("Send test call"), theme.MailSendIcon(), func() { run(h.actions.TestCall) })
	h.about = widget.NewButtonWithIcon(i18n.T("About"), theme.InfoIcon(), func() { run(h.actions.About) })
	h.quit = widget.NewButtonWithIcon(i18n.T("Quit"), theme.LogoutIcon(), func() { run(h.actions.Quit) })
	h.dnd = widget.NewCheck(i18n.T("Do not disturb"), nil)
	for _, b := range []*widget.Button{h.contacts, h.settings, h.testCall, h.about, h.quit} {
		b.Importance = widget.LowImportance
	}
	h.status.Truncation = fyne.TextTruncateEllipsis
	h.status.SizeName = theme.SizeNameCaptionText
	h.setActions(TrayActions{})
	return h
}

func run(fn func()) {
	if fn != nil {
		fn()
	}
}

func (h *homeBar) toolbar() fyne.CanvasObject {
	bar := container.NewHBox(h.contacts, h.settings, h.dnd, h.testCall, layout.NewSpacer(), h.about, h.quit)
	// A narrow window scrolls the toolbar rather than growing to fit it.
	return container.NewVBox(container.NewHScroll(bar), widget.NewSeparator())
}

func (h *homeBar) statusBar() fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), h.status)
}

// setActions enables what a has a function for.
func (h *homeBar) setActions(a TrayActions) {
	h.actions = a
	enable(h.contacts, a.Contacts != nil)
	enable(h.settings, a.Settings != nil)
	enable(h.about, a.About != nil)
	enable(h.quit, a.Quit != nil)
	enable(h.testCall, a.TestCall != nil && h.state.Listening)
	if a.DoNotDisturb == nil {
		h.dnd.Disable()
	} else {
		h.dnd.Enable()
	}
}

// setState shows s: the status line, do not disturb, and whether a test
// call can go out.
func (h *homeBar) setState(s TrayState) {
	h.state = s
	h.status.SetText(StatusLine(s))
	if s.Listening {
		h.status.Importance = widget.MediumImportance
	} else {
		h.status.Importance = widget.DangerImportance
	}
	h.status.Refresh()
	h.dnd.OnChanged = nil
	h.dnd.SetChecked(s.DoNotDisturb)
	h.dnd.OnChanged = func(on bool) { h.dndChanged(on) }
	enable(h.testCall, h.actions.TestCall != nil && s.Listening)
}

func (h *homeBar) dndChanged(on bool) {
	if h.actions.DoNotDisturb != nil {
		h.actions.DoNotDisturb(on)
	}
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// SetActions connects the toolbar to the app's functions.
func (w *CallsWindow) SetActions(a TrayActions) { w.home.setActions(a) }

// SetState shows the app's state in the status line and the toolbar.
func (w *CallsWindow) SetState(s TrayState) { w.home.setState(s) }
