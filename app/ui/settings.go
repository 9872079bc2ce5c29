package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"runtime/debug"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// SettingsWindow edits the saved settings and the contact book, in tabs
// (see settingsTabs). Each field is checked as it is typed; Save hands
// the changed keys to the SettingsStore, which applies them at once, and
// shows what happened. Fields that the environment or .env sets are
// locked, with the reason. Make it once and Show it as often as the
// person asks: closing it only hides it.
type SettingsWindow struct {
	app    fyne.App
	win    fyne.Window
	store  SettingsStore
	caller TestCaller
	book   ContactBook // nil: no Contacts tab
	do     doer
	keys   *windowKeys

	tabs       *container.AppTabs
	contacts   *ContactsView // the Contacts tab; nil without a book
	fields     []*settingField
	save       *widget.Button
	saveBar    *fyne.Container
	status     *hint
	testCall   *widget.Button
	testResult *hint

	general *fyne.Container // the General tab's content; EnableStartAtLogin adds to it
	login   *loginSwitch    // nil until EnableStartAtLogin
	loginOn StartAtLogin
}

// NewSettingsWindow builds the window on a. caller may be nil: then
// there is no test-call button; book may be nil: then there is no
// Contacts tab.
func NewSettingsWindow(a fyne.App, store SettingsStore, caller TestCaller, book ContactBook) *SettingsWindow {
	return newSettingsWindow(a, store, caller, fyne.Do, book)
}

func newSettingsWindow(a fyne.App, store SettingsStore, caller TestCaller, do doer, book ContactBook) *SettingsWindow {
	w := &SettingsWindow{app: a, store: store, caller: caller, do: do, book: book}
	w.win = a.NewWindow(i18n.T("Settings"))
	w.keys = newWindowKeys(w.win, w.hide)
	w.win.SetContent(w.layout())
	w.win.Resize(fyne.NewSize(920, 600))
	if w.contacts != nil {
		w.contacts.shortcuts(w.win)
	}
	w.load(store.Current())
	return w
}

// hide hides the window and lets go of the contact list it showed: the
// app idles with the window closed most of the day.
func (w *SettingsWindow) hide() {
	w.win.Hide()
	if w.contacts != nil {
		w.contacts.sleep()
		go debug.FreeOSMemory()
	}
}

// Show shows the settings in effect now, dropping unsaved edits.
func (w *SettingsWindow) Show() {
	if w.contacts != nil {
		w.contacts.wake()
	}
	w.load(w.store.Current())
	setHint(w.status, "", widget.MediumImportance)
	if w.login != nil {
		w.login.refresh()
	}
	w.win.Show()
	w.win.RequestFocus()
}

// ShowContacts shows the window on its Contacts tab, with the cursor in
// the search.
func (w *SettingsWindow) ShowContacts() {
	w.Show()
	if w.contacts == nil {
		return
	}
	w.tabs.SelectIndex(len(w.tabs.Items) - 1)
	w.win.Canvas().Focus(w.contacts.search)
}

// Relabel builds the window again in the language in effect.
func (w *SettingsWindow) Relabel() {
	tab := w.tabs.SelectedIndex()
	w.fields, w.contacts = nil, nil
	w.win.SetTitle(i18n.T("Settings"))
	w.win.SetContent(w.layout())
	if w.loginOn != nil {
		w.EnableStartAtLogin(w.loginOn)
	}
	w.load(w.store.Current())
	w.tabs.SelectIndex(tab)
}

func (w *SettingsWindow) load(cfg config.Config) {
	for _, f := range w.fields {
		f.load(cfg)
	}
}

func (w *SettingsWindow) layout() fyne.CanvasObject {
	w.tabs = container.NewAppTabs()
	for _, build := range settingsTabs {
		if t := build(w); t != nil {
			w.tabs.Append(t)
		}
	}
	w.save = widget.NewButtonWithIcon(i18n.T("Save and apply"), theme.DocumentSaveIcon(), w.submit)
	w.save.Importance = widget.HighImportance
	w.status = hintLabel()
	w.saveBar = container.NewPadded(container.NewBorder(nil, nil, nil, w.save, w.status))
	w.tabs.OnSelected = func(t *container.TabItem) {
		w.saveBar.Hidden = w.contacts != nil && t.Content == w.contacts.content
		w.saveBar.Refresh()
	}
	return ordered(nil, w.tabs, w.saveBar)
}
