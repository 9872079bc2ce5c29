package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// CallsWindow is the recent-calls window, the app's home: a toolbar that
// reaches every function, the call history (newest first, updated live)
// on the left, the selected call's details and what can be done about it
// on the right, and a status line at the bottom. Make it once and Show it
// as often as the person asks: closing it only hides it.
type CallsWindow struct {
	app    fyne.App
	win    fyne.Window
	src    CallSource
	book   ContactBook
	region string
	now    func() time.Time
	do     doer
	dialer CallBacker
	// onShown runs when the window is shown (the missed calls are seen).
	onShown func()
	visible bool

	search  *keyEntry
	keys    *windowKeys
	missed  *widget.Check
	list    *callList
	empty   *widget.Label
	details *callDetails
	home    *homeBar
	// form is the contact form an action opened last.
	form *contactForm

	// notice says why the window opened by itself (no tray); hidden
	// when empty.
	notice *widget.Label

	page     callPage
	selected int64 // the ID of the call whose details are shown; 0: none
	sub      *calls.Subscription
}

// NewCallsWindow builds the window on a, loads the newest calls of src and
// follows src's changes. Numbers are read and shown for region (such as
// "DE").
func NewCallsWindow(a fyne.App, src CallSource, book ContactBook, region string) *CallsWindow {
	return newCallsWindow(a, src, book, region, fyne.Do, time.Now)
}

func newCallsWindow(a fyne.App, src CallSource, book ContactBook, region string, do doer, now func() time.Time) *CallsWindow {
	w := &CallsWindow{app: a, src: src, book: book, region: region, now: now, do: do,
		dialer: telDialer{open: a.OpenURL, hasHandler: telHandler}}
	w.win = a.NewWindow(i18n.T("Recent calls"))
	w.home = newHomeBar()
	w.win.SetContent(w.layout())
	w.win.Resize(fyne.NewSize(900, 600))
	w.keys = newWindowKeys(w.win, w.hide)
	w.keys.down = func() { w.win.Canvas().Focus(w.list) }
	shortcut(w.win, fyne.KeyF, func() { w.win.Canvas().Focus(w.search) })
	shortcut(w.win, fyne.KeyN, w.newContact)
	w.sub = src.Subscribe(64)
	w.firstPage()
	go w.follow(w.sub)
	book.OnChange(func() { w.do(w.redraw) })
	return w
}

// Show shows the window and brings it to the front, with the keyboard in
// the call list.
func (w *CallsWindow) Show() {
	w.redraw()
	w.win.Show()
	w.win.RequestFocus()
	w.win.Canvas().Focus(w.list)
	w.visible = true
	if w.onShown != nil {
		w.onShown()
	}
}

// hide hides the window and keeps only the first page of calls: a
// person who scrolled far back does not hold those calls all day.
func (w *CallsWindow) hide() {
	w.visible = false
	w.win.Hide()
	w.trim()
}

// Close stops following the call history and closes the window.
func (w *CallsWindow) Close() {
	w.sub.Close()
	w.win.Close()
}

// Relabel builds the window again in the language in effect, keeping
// the search, the filter, the rows and the selection.
func (w *CallsWindow) Relabel() {
	text, missed, notice := w.search.Text, w.missed.Checked, w.notice.Text
	w.win.SetTitle(i18n.T("Recent calls"))
	actions, state := w.home.actions, w.home.state
	w.home = newHomeBar()
	w.win.SetContent(w.layout())
	w.search.Text, w.missed.Checked = text, missed
	w.SetActions(actions)
	w.SetState(state)
	w.SetNotice(notice)
	w.rowsChanged()
}

func (w *CallsWindow) layout() fyne.CanvasObject {
	w.search = newSearchEntry(w.win)
	w.search.SetPlaceHolder(i18n.T("Search"))
	w.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	w.search.OnChanged = func(string) { w.reload() }
	w.missed = widget.NewCheck(i18n.T("Missed & voicemail"), func(bool) { w.reload() })
	w.list = newCallList(w)
	w.empty = widget.NewLabel("")
	w.empty.Alignment = fyne.TextAlignCenter
	w.empty.Wrapping = fyne.TextWrapWord
	w.details = newCallDetails(w)
	w.notice = newNotice()
	bar := container.NewVBox(w.notice, w.search, w.missed)
	left := ordered(bar, container.NewStack(w.list, centered(w.empty)), nil)
	split := container.NewHSplit(left, w.details.content)
	split.Offset = 0.45
	return ordered(w.home.toolbar(), split, w.home.statusBar())
}

// selectRow shows the details of the call in row id.
func (w *CallsWindow) selectRow(id widget.ListItemID) {
	if id < 0 || id >= len(w.page.rows) {
		return
	}
	w.selected = w.page.rows[id].ID
	w.details.show(w.page.rows[id])
}
