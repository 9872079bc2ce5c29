package ui

import (
	"context"
	"runtime/debug"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// ContactsView is the contact book: a searchable list on the left, the
// selected contact on the right, and Add, Import… and Export… above. It
// lives in the Settings window's Contacts tab and in the Contacts window:
// one implementation, and every view follows the book's changes at once.
type ContactsView struct {
	app    fyne.App
	win    fyne.Window // the window it is in, for its dialogs
	keys   *windowKeys
	book   ContactBook
	region string
	do     doer

	content                   fyne.CanvasObject
	search                    *keyEntry
	add, importBtn, exportBtn *widget.Button
	list                      *keyList
	empty                     *widget.Label
	detail                    *contactDetail
	form                      *contactForm          // the form opened last
	transfer                  *transferState        // the import or export going on or done last
	importAsk                 *dialog.ConfirmDialog // the last "Import …?" question
	rows                      []contacts.Contact
	selected                  int64 // the ID of the contact shown; 0: none
	// asleep is set while the window it is in is hidden: the rows (tens
	// of MiB for 100,000 contacts) are dropped and read again on wake.
	asleep bool
}

// sleep drops the rows while the view cannot be seen.
func (w *ContactsView) sleep() {
	w.asleep, w.rows = true, nil
	w.list.Refresh()
}

// wake reads the rows again when the view is shown.
func (w *ContactsView) wake() {
	if w.asleep {
		w.asleep = false
		w.reload()
	}
}

// newContactsView builds the view for book inside win, whose keys it
// shares; numbers are read and shown for region (such as "DE").
func newContactsView(a fyne.App, win fyne.Window, keys *windowKeys, book ContactBook, region string, do doer) *ContactsView {
	v := &ContactsView{app: a, win: win, keys: keys, book: book, region: region, do: do, transfer: &transferState{}}
	v.content = v.layout()
	v.reload()
	book.OnChange(func() { v.do(v.reload) })
	return v
}

// ContactsWindow is the contact book in a window of its own.
type ContactsWindow struct {
	*ContactsView
}

// NewContactsWindow builds the window on a for book; numbers are read and
// shown for region (such as "DE"). Make it once and Show it as often as
// the person asks: closing it only hides it.
func NewContactsWindow(a fyne.App, book ContactBook, region string) *ContactsWindow {
	return newContactsWindow(a, book, region, fyne.Do)
}

func newContactsWindow(a fyne.App, book ContactBook, region string, do doer) *ContactsWindow {
	win := a.NewWindow(i18n.T("Contacts"))
	w := &ContactsWindow{}
	keys := newWindowKeys(win, w.hide)
	w.ContactsView = newContactsView(a, win, keys, book, region, do)
	w.shortcuts(win)
	win.SetContent(w.content)
	win.Resize(fyne.NewSize(860, 560))
	return w
}

// hide hides the window and lets go of its rows, as Settings does.
func (w *ContactsWindow) hide() {
	w.win.Hide()
	w.sleep()
	go debug.FreeOSMemory()
}

// Show shows the window and brings it to the front.
func (w *ContactsWindow) Show() {
	w.wake()
	w.win.Show()
	w.win.RequestFocus()
	w.win.Canvas().Focus(w.search)
}

// shortcuts adds Ctrl+F (search) and Ctrl+N (new contact) to win.
func (w *ContactsView) shortcuts(win fyne.Window) {
	shortcut(win, fyne.KeyF, func() { win.Canvas().Focus(w.search) })
	shortcut(win, fyne.KeyN, func() { w.openForm(contacts.Contact{}) })
}

func (w *ContactsView) layout() fyne.CanvasObject {
	w.search = newSearchEntry(w.win)
	w.search.SetPlaceHolder(i18n.T("Search"))
	w.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	w.search.OnChanged = func(string) { w.reload() }
	w.add = widget.NewButtonWithIcon(i18n.T("Add"), theme.ContentAddIcon(), func() { w.openForm(contacts.Contact{}) })
	w.add.Importance = widget.HighImportance
	w.importBtn = widget.NewButtonWithIcon(i18n.T("Import…"), theme.DownloadIcon(), w.chooseImport)
	w.exportBtn = widget.NewButtonWithIcon(i18n.T("Export…"), theme.UploadIcon(), w.chooseExport)
	w.list = newKeyList(w.keys, func() int { return len(w.rows) }, newContactRow, w.updateRow)
	w.list.OnSelected = w.selectRow
	w.empty = widget.NewLabel("")
	w.empty.Wrapping = fyne.TextWrapWord
	w.empty.Alignment = fyne.TextAlignCenter
	w.detail = newContactDetail(w)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(w.add, w.importBtn, w.exportBtn), w.search)
	left := container.NewStack(w.list, centered(w.empty))
	split := container.NewHSplit(left, w.detail.content)
	split.Offset = 0.45
	return ordered(bar, split, nil)
}

// reload lists the contacts matching the search and keeps the selected
// one shown.
func (w *ContactsView) reload() {
	if w.asleep {
		return
	}
	rows, err := w.book.List(context.Background(), w.search.Text)
	w.rows = rows
	w.empty.SetText(w.emptyText(err))
	w.empty.Hidden = len(rows) > 0
	w.list.Refresh()
	i := slices.IndexFunc(rows, func(c contacts.Contact) bool { return c.ID == w.selected })
	if i < 0 {
		w.list.UnselectAll()
		w.selected = 0
		w.detail.clear()
		return
	}
	w.list.Select(i)
	w.detail.show(rows[i])
}

func (w *ContactsView) emptyText(err error) string {
	switch {
	case err != nil:
		return i18n.T("The contacts cannot be read: {{.Err}}", map[string]any{"Err": i18n.Error(err)})
	case w.search.Text != "":
		return i18n.T("No contact matches.")
	}
	return i18n.T("No contacts yet: add one, or import a .vcf or .csv file.")
}

func (w *ContactsView) selectRow(id widget.ListItemID) {
	if id < 0 || id >= len(w.rows) {
		return
	}
	w.selected = w.rows[id].ID
	w.detail.show(w.rows[id])
}

// openForm opens the contact form for c (a new contact when c.ID is 0)
// and shows the saved contact afterwards.
func (w *ContactsView) openForm(c contacts.Contact) {
	w.form = contactFormFor(w.app, w.book, w.region, c)
	w.form.onSaved = func(saved contacts.Contact) {
		w.selected = saved.ID
		w.reload()
	}
	w.form.Show()
}
