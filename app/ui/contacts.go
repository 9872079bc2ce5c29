package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
)

// ContactsWindow is the contact book: a searchable list on the left, the
// selected contact on the right, and Add, Import… and Export… above.
// Make it once and Show it as often as the person asks: closing it only
// hides it.
type ContactsWindow struct {
	app    fyne.App
	win    fyne.Window
	book   ContactBook
	region string
	do     doer

	search                    *widget.Entry
	add, importBtn, exportBtn *widget.Button
	list                      *widget.List
	empty                     *widget.Label
	detail                    *contactDetail
	form                      *contactForm   // the form opened last
	transfer                  *transferState // the import or export going on or done last
	rows                      []contacts.Contact
	selected                  int64 // the ID of the contact shown; 0: none
}

// NewContactsWindow builds the window on a for book; numbers are read and
// shown for region (such as "DE").
func NewContactsWindow(a fyne.App, book ContactBook, region string) *ContactsWindow {
	return newContactsWindow(a, book, region, fyne.Do)
}

func newContactsWindow(a fyne.App, book ContactBook, region string, do doer) *ContactsWindow {
	w := &ContactsWindow{app: a, book: book, region: region, do: do, transfer: &transferState{}}
	w.win = a.NewWindow("Contacts")
	w.win.SetContent(w.layout())
	w.win.Resize(fyne.NewSize(860, 560))
	w.win.SetCloseIntercept(w.win.Hide)
	w.reload()
	book.OnChange(func() { w.do(w.reload) })
	return w
}

// Show shows the window and brings it to the front.
func (w *ContactsWindow) Show() {
	w.win.Show()
	w.win.RequestFocus()
}

func (w *ContactsWindow) layout() fyne.CanvasObject {
	w.search = widget.NewEntry()
	w.search.SetPlaceHolder("Search name, company, city or number")
	w.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	w.search.OnChanged = func(string) { w.reload() }
	w.add = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), func() { w.openForm(contacts.Contact{}) })
	w.add.Importance = widget.HighImportance
	w.importBtn = widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), w.chooseImport)
	w.exportBtn = widget.NewButtonWithIcon("Export…", theme.UploadIcon(), w.chooseExport)
	w.list = widget.NewList(func() int { return len(w.rows) }, newContactRow, w.updateRow)
	w.list.OnSelected = w.selectRow
	w.empty = widget.NewLabel("")
	w.detail = newContactDetail(w)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(w.add, w.importBtn, w.exportBtn), w.search)
	left := container.NewStack(w.list, container.NewCenter(w.empty))
	split := container.NewHSplit(left, w.detail.content)
	split.Offset = 0.45
	return container.NewBorder(bar, nil, nil, nil, split)
}

// reload lists the contacts matching the search and keeps the selected
// one shown.
func (w *ContactsWindow) reload() {
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

func (w *ContactsWindow) emptyText(err error) string {
	switch {
	case err != nil:
		return "The contacts cannot be read: " + err.Error()
	case w.search.Text != "":
		return "No contact matches."
	}
	return "No contacts yet: add one, or import a .vcf or .csv file."
}

func (w *ContactsWindow) selectRow(id widget.ListItemID) {
	if id < 0 || id >= len(w.rows) {
		return
	}
	w.selected = w.rows[id].ID
	w.detail.show(w.rows[id])
}

// openForm opens the contact form for c (a new contact when c.ID is 0)
// and shows the saved contact afterwards.
func (w *ContactsWindow) openForm(c contacts.Contact) {
	w.form = contactFormFor(w.app, w.book, w.region, c)
	w.form.onSaved = func(saved contacts.Contact) {
		w.selected = saved.ID
		w.reload()
	}
	w.form.Show()
}
