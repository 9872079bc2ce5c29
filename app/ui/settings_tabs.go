package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// settingsTab builds one tab of the Settings window, or nil to leave it
// out. A new part of the app (sipgate, Internet, Team) adds its builder
// to settingsTabs, in a file of its own; fieldsTab makes a tab of
// configuration keys that the common Save button saves.
type settingsTab func(w *SettingsWindow) *container.TabItem

// settingsTabs are the Settings window's tabs, in order. The Contacts tab
// stays last: ShowContacts selects it.
var settingsTabs = []settingsTab{listenerTab, internetTab, sipgateSettingsTab, notificationsTab, teamTab, generalTab, contactsTab}

// settingSpec is one key in a tab: its title, and whether it is an on/off
// switch or a choice among values.
type settingSpec struct {
	key, title string
	toggle     bool
	choices    []choice
}

// choice is one value of a choice key and how it reads.
type choice struct{ value, title string }

func listenerTab(w *SettingsWindow) *container.TabItem {
	return w.fieldsTab(i18n.T("Listener"), theme.ComputerIcon(), []settingSpec{
		{key: config.KeyPort, title: i18n.T("Port")}, {key: config.KeyListenHost, title: i18n.T("Listen on")},
		{key: config.KeyPublicURL, title: i18n.T("Public URL")},
		{key: config.KeyVerifySignature, title: i18n.T("Check sipgate's signature"), toggle: true}},
		w.testCallSection())
}

func notificationsTab(w *SettingsWindow) *container.TabItem {
	return w.fieldsTab(i18n.T("Notifications"), theme.VolumeUpIcon(), []settingSpec{
		{key: config.KeyNotifyOutgoing, title: i18n.T("Pop up for outgoing calls"), toggle: true},
		{key: config.KeyNotifyUsers, title: i18n.T("Only for users")},
		{key: config.KeyNotifyMissed, title: i18n.T("Pop up after a missed call"), toggle: true},
		{key: config.KeyDoNotDisturb, title: i18n.T("Do not disturb"), toggle: true}})
}

func generalTab(w *SettingsWindow) *container.TabItem {
	w.general = w.fieldsBox([]settingSpec{
		{key: config.KeyUILanguage, title: i18n.T("Language"), choices: []choice{
			{"auto", i18n.T("The system's language")}, {"de", "Deutsch"}, {"en", "English"}}},
		{key: config.KeyDefaultRegion, title: i18n.T("Default country")}})
	return scrollTab(i18n.T("General"), theme.SettingsIcon(), w.general)
}

func contactsTab(w *SettingsWindow) *container.TabItem {
	if w.book == nil {
		return nil
	}
	w.contacts = newContactsView(w.app, w.win, w.keys, w.book, w.store.Current().DefaultRegion, w.do)
	return container.NewTabItemWithIcon(i18n.T("Contacts"), theme.AccountIcon(), w.contacts.content)
}

// fieldsTab is a tab of configuration keys, each with the line under it
// that says what it means or why its value is wrong, and then extra.
func (w *SettingsWindow) fieldsTab(title string, icon fyne.Resource, specs []settingSpec, extra ...fyne.CanvasObject) *container.TabItem {
	return scrollTab(title, icon, w.fieldsBox(specs, extra...))
}

// scrollTab is a tab that scrolls content.
func scrollTab(title string, icon fyne.Resource, content fyne.CanvasObject) *container.TabItem {
	return container.NewTabItemWithIcon(title, icon, container.NewVScroll(container.NewPadded(content)))
}

// fieldsBox lays out the fields of specs, then extra.
func (w *SettingsWindow) fieldsBox(specs []settingSpec, extra ...fyne.CanvasObject) *fyne.Container {
	grid := container.New(layout.NewFormLayout())
	for _, spec := range specs {
		f := newSettingField(spec, w.win)
		f.onSubmit = w.submit
		w.fields = append(w.fields, f)
		label := fyne.CanvasObject(formLabel(spec.title))
		if spec.toggle {
			label = layout.NewSpacer()
		}
		grid.Add(label)
		grid.Add(container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()), f.widget(), f.hint))
	}
	return container.NewVBox(append([]fyne.CanvasObject{grid}, extra...)...)
}

// heading is a section title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Importance = widget.HighImportance
	return l
}
