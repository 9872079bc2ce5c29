package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
)

// contactDetail is the right side of the contacts window: the selected
// contact and what can be done with it.
type contactDetail struct {
	w       *ContactsWindow
	content *fyne.Container
	dense   *container.ThemeOverride
	body    *fyne.Container
	hint    *widget.Label

	title    *widget.RichText
	subtitle *widget.RichText
	facts    *fyne.Container
	actions  *fyne.Container

	edit, block, remove *widget.Button
	confirm             *dialog.ConfirmDialog // the last "Delete …?" question

	contact contacts.Contact
}

func newContactDetail(w *ContactsWindow) *contactDetail {
	d := &contactDetail{w: w, title: titleText(), subtitle: secondaryText(""),
		facts: container.New(layout.NewFormLayout()),
		hint:  widget.NewLabel("Select a contact to see it, or add one.")}
	d.title.Segments[0].(*widget.TextSegment).Style.SizeName = theme.SizeNameSubHeadingText
	d.edit = widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { w.openForm(d.contact) })
	d.block = widget.NewButtonWithIcon("Block", theme.CancelIcon(), d.toggleBlock)
	d.remove = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), d.askDelete)
	d.remove.Importance = widget.DangerImportance
	d.actions = container.NewPadded(container.NewGridWithColumns(3, d.edit, d.block, d.remove))
	d.body = container.NewVBox(d.title, d.subtitle, widget.NewSeparator(), d.facts)
	d.dense = container.NewThemeOverride(d.body, compactTheme{})
	d.content = container.NewBorder(nil, d.actions, nil, nil,
		container.NewStack(container.NewVScroll(container.NewPadded(d.dense)), container.NewCenter(d.hint)))
	d.clear()
	return d
}

func (d *contactDetail) clear() {
	d.contact = contacts.Contact{}
	d.body.Hide()
	d.actions.Hide()
	d.hint.Show()
}

func (d *contactDetail) show(c contacts.Contact) {
	d.contact = c
	setTitle(d.title, c.DisplayName(), "", contactBadge(c))
	company := c.Company
	if company == c.DisplayName() {
		company = ""
	}
	setSegment(d.subtitle, 0, company)
	d.facts.Objects = factRows(contactFacts(c, d.w.region))
	d.block.SetText("Block")
	d.block.SetIcon(theme.NewErrorThemedResource(theme.CancelIcon()))
	if c.Blocked {
		d.block.SetText("Unblock")
		d.block.SetIcon(theme.ConfirmIcon())
	}
	d.hint.Hide()
	d.body.Show()
	d.actions.Show()
	d.dense.Refresh() // a theme override must be refreshed when its content changes
}

// contactFacts are the contact's numbers (by label) and the rest.
func contactFacts(c contacts.Contact, region string) [][2]string {
	var out [][2]string
	for _, n := range c.Numbers {
		v := numberDisplay(n, region)
		if n.Switchboard {
			v += " (switchboard)"
		}
		label := string(n.Label)
		if label != "" {
			label = strings.ToUpper(label[:1]) + label[1:]
		}
		out = append(out, [2]string{label, v})
	}
	return append(out, [2]string{"City", c.City}, [2]string{"Country", c.Country}, [2]string{"Note", c.Note})
}

func (d *contactDetail) toggleBlock() {
	if err := d.w.book.SetBlocked(context.Background(), d.contact.ID, !d.contact.Blocked); err != nil {
		dialog.ShowError(err, d.w.win)
	}
}

// askDelete asks before deleting: a deleted contact's calls show as
// unknown again.
func (d *contactDetail) askDelete() {
	c := d.contact
	msg := "Delete " + c.DisplayName() + "?"
	if n := len(c.Numbers); n > 0 {
		msg = fmt.Sprintf("Delete %s and %s? Calls from them will show as unknown again.", c.DisplayName(), plural(n, "their number", "their %d numbers"))
	}
	d.confirm = dialog.NewConfirm("Delete contact", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := d.w.book.Remove(context.Background(), c.ID); err != nil {
			dialog.ShowError(err, d.w.win)
		}
	}, d.w.win)
	d.confirm.SetConfirmText("Delete")
	d.confirm.SetDismissText("Cancel")
	d.confirm.SetConfirmImportance(widget.DangerImportance)
	d.confirm.Show()
}

// plural is one when n is 1, else many with n filled in.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}
