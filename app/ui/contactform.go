package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// contactForm is the window that adds or edits one contact. Numbers are
// checked as they are typed; Save stores the contact through the book,
// which refuses a bad one and changes nothing, and the form then says
// what is wrong.
type contactForm struct {
	win     fyne.Window
	book    ContactBook
	region  string
	contact contacts.Contact // the contact as it was; ID 0 for a new one

	first, last, company, city, country *keyEntry
	note                                *keyEntry
	keys                                *windowKeys
	vip, blocked                        *widget.Check
	numbers                             []*numberRow
	numberBox                           *fyne.Container
	addNumber, save, cancel             *widget.Button
	problem                             *hint

	// onSaved, if set, gets the stored contact after a save.
	onSaved func(contacts.Contact)
}

// openForms are the contact forms open now, by what they edit (see
// formKey), so a second "Add to contacts" for the same number brings the
// open form to the front instead of opening another. UI goroutine only.
var openForms = map[string]*contactForm{}

// formKey names what a form edits: the contact, or a new contact's first
// number.
func formKey(c contacts.Contact) string {
	if c.ID != 0 {
		return fmt.Sprintf("contact:%d", c.ID)
	}
	if len(c.Numbers) > 0 && c.Numbers[0].Raw != "" {
		return "number:" + c.Numbers[0].Raw
	}
	return ""
}

// contactFormFor returns the open form for c, or a new one.
func contactFormFor(a fyne.App, book ContactBook, region string, c contacts.Contact) *contactForm {
	key := formKey(c)
	if f, ok := openForms[key]; ok && key != "" {
		return f
	}
	f := newContactForm(a, book, region, c)
	if key != "" {
		openForms[key] = f
		f.win.SetOnClosed(func() {
			if openForms[key] == f {
				delete(openForms, key)
			}
		})
	}
	return f
}

func newContactForm(a fyne.App, book ContactBook, region string, c contacts.Contact) *contactForm {
	f := &contactForm{book: book, region: region, contact: c}
	title := i18n.T("New contact")
	if c.ID != 0 {
		title = i18n.T("Edit {{.Who}}", map[string]any{"Who": i18n.Clean(c.DisplayName())})
	}
	f.win = a.NewWindow(title)
	f.keys = newWindowKeys(f.win, nil)
	f.keys.enter = f.submit
	f.win.SetContent(f.layout())
	shortcut(f.win, fyne.KeyS, f.submit)
	f.fill(c)
	f.win.Resize(fyne.NewSize(560, 640))
	return f
}

// Show shows the form (in front, if it was open) with the cursor in the
// first name.
func (f *contactForm) Show() {
	f.win.Show()
	f.win.RequestFocus()
	f.win.Canvas().Focus(f.first)
}

func (f *contactForm) layout() fyne.CanvasObject {
	f.first, f.last, f.company = f.entry(), f.entry(), f.entry()
	f.city, f.country, f.note = f.entry(), f.entry(), newMultiLineKeyEntry(f.win)
	f.note.SetMinRowsVisible(3)
	f.vip = widget.NewCheck(i18n.T("VIP: pops up even when I do not want to be disturbed"), nil)
	f.blocked = widget.NewCheck(i18n.T("Blocked: reject calls from this contact"), nil)
	f.numberBox = container.NewVBox()
	f.addNumber = widget.NewButtonWithIcon(i18n.T("Add number"), theme.ContentAddIcon(), func() { f.add(contacts.Number{}) })
	f.addNumber.Importance = widget.LowImportance
	f.problem = hintLabel()
	f.save = widget.NewButtonWithIcon(i18n.T("Save"), theme.DocumentSaveIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButton(i18n.T("Cancel"), f.win.Close)
	grid := container.New(layout.NewFormLayout(),
		formLabel(i18n.T("First name")), f.first, formLabel(i18n.T("Last name")), f.last, formLabel(i18n.T("Company")), f.company,
		formLabel(i18n.T("Numbers")), container.NewVBox(f.numberBox, container.NewHBox(f.addNumber)),
		formLabel(i18n.T("City")), f.city, formLabel(i18n.T("Country")), f.country, formLabel(i18n.T("Note")), f.note,
		layout.NewSpacer(), container.NewVBox(f.vip, f.blocked))
	buttons := container.NewHBox(layout.NewSpacer(), f.cancel, f.save)
	return ordered(nil, container.NewVScroll(container.NewPadded(grid)), container.NewVBox(f.problem, buttons))
}

// entry is a one-line field: Enter saves the contact, Escape closes
// the form.
func (f *contactForm) entry() *keyEntry {
	e := newKeyEntry(f.win)
	e.OnSubmitted = func(string) { f.submit() }
	return e
}

// formLabel is a field's name in a form, aligned to the field.
func formLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{})
}

func (f *contactForm) fill(c contacts.Contact) {
	f.first.SetText(c.FirstName)
	f.last.SetText(c.LastName)
	f.company.SetText(c.Company)
	f.city.SetText(c.City)
	f.country.SetText(c.Country)
	f.note.SetText(c.Note)
	f.vip.SetChecked(c.VIP)
	f.blocked.SetChecked(c.Blocked)
	for _, n := range c.Numbers {
		f.add(n)
	}
	if len(c.Numbers) == 0 {
		f.add(contacts.Number{})
	}
}

// submit checks the numbers, then stores the contact; on any problem it
// says what is wrong and leaves the book as it was.
func (f *contactForm) submit() {
	c := f.contact
	c.FirstName, c.LastName = strings.TrimSpace(f.first.Text), strings.TrimSpace(f.last.Text)
	c.Company, c.City, c.Country = strings.TrimSpace(f.company.Text), strings.TrimSpace(f.city.Text), strings.TrimSpace(f.country.Text)
	c.Note, c.VIP, c.Blocked = strings.TrimSpace(f.note.Text), f.vip.Checked, f.blocked.Checked
	nums, problems := f.collectNumbers()
	if len(problems) > 0 {
		setHint(f.problem, strings.Join(problems, "\n"), widget.DangerImportance)
		return
	}
	c.Numbers = nums
	saved, err := f.store(c)
	if err != nil {
		setHint(f.problem, i18n.Error(err), widget.DangerImportance)
		return
	}
	setHint(f.problem, "", widget.DangerImportance)
	f.win.Close()
	if f.onSaved != nil {
		f.onSaved(saved)
	}
}

func (f *contactForm) store(c contacts.Contact) (contacts.Contact, error) {
	if c.ID == 0 {
		return f.book.Add(context.Background(), c)
	}
	return f.book.Update(context.Background(), c)
}
