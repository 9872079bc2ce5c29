package ui

import (
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// CallsWindow is the recent-calls window: the call history, newest first
// and updated live, on the left; the selected call's details and what can
// be done about it on the right. Make it once and Show it as often as the
// person asks: closing it only hides it.
type CallsWindow struct {
	app     fyne.App
	win     fyne.Window
	src     CallSource
	book    ContactBook
	region  string
	now     func() time.Time
	do      doer
	openURL func(*url.URL) error

	search  *widget.Entry
	missed  *widget.Check
	list    *widget.List
	empty   *widget.Label
	details *callDetails
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
	w := &CallsWindow{app: a, src: src, book: book, region: region, now: now, do: do, openURL: a.OpenURL}
	w.win = a.NewWindow("Recent calls")
	w.win.SetContent(w.layout())
	w.win.Resize(fyne.NewSize(900, 600))
	w.win.SetCloseIntercept(w.win.Hide)
	w.sub = src.Subscribe(64)
	w.firstPage()
	go w.follow(w.sub)
	book.OnChange(func() { w.do(w.redraw) })
	return w
}

// Show shows the window and brings it to the front.
func (w *CallsWindow) Show() {
	w.redraw()
	w.win.Show()
	w.win.RequestFocus()
}

// Close stops following the call history and closes the window.
func (w *CallsWindow) Close() {
	w.sub.Close()
	w.win.Close()
}

func (w *CallsWindow) layout() fyne.CanvasObject {
	w.search = widget.NewEntry()
	w.search.SetPlaceHolder("Search name, company or number")
	w.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	w.search.OnChanged = func(string) { w.reload() }
	w.missed = widget.NewCheck("Missed & voicemail", func(bool) { w.reload() })
	w.list = widget.NewList(w.page.length, newCallRow, w.updateRow)
	w.list.OnSelected = w.selectRow
	w.empty = widget.NewLabel("")
	w.empty.Alignment = fyne.TextAlignCenter
	w.details = newCallDetails(w)
	w.notice = newNotice()
	bar := container.NewVBox(w.notice, container.NewBorder(nil, nil, nil, w.missed, w.search))
	left := container.NewBorder(bar, nil, nil, nil, container.NewStack(w.list, container.NewCenter(w.empty)))
	split := container.NewHSplit(left, w.details.content)
	split.Offset = 0.5
	return split
}

// selectRow shows the details of the call in row id.
func (w *CallsWindow) selectRow(id widget.ListItemID) {
	if id < 0 || id >= len(w.page.rows) {
		return
	}
	w.selected = w.page.rows[id].ID
	w.details.show(w.page.rows[id])
}
