package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// contactDetail is the right side of the contacts window: the selected
// contact and what can be done with it.
type contactDetail struct {
	w       *ContactsView
	content *fyne.Container
	dense   *container.ThemeOverride
	body    *fyne.Container
	hint    *widget.Label

	title    *nameLine
	subtitle *widget.RichText
	facts    *fyne.Container
	actions  *fyne.Container

	edit, block, remove *widget.Button
	confirm             *dialog.ConfirmDialog // the last "Delete …?" question

	contact contacts.Contact
}

func newContactDetail(w *ContactsView) *contactDetail {
	d := &contactDetail{w: w, title: titleText(), subtitle: secondaryText(""),
		facts: container.New(layout.NewFormLayout()),
		hint:  widget.NewLabel(i18n.T("Select a contact to see it, or add one."))}
	d.hint.Wrapping = fyne.TextWrapWord
	d.title.name.Segments[0].(*widget.TextSegment).Style.SizeName = theme.SizeNameSubHeadingText
	d.edit = widget.NewButtonWithIcon(i18n.T("Edit"), theme.DocumentCreateIcon(), func() { w.openForm(d.contact) })
	d.block = widget.NewButtonWithIcon(i18n.T("Block"), theme.CancelIcon(), d.toggleBlock)
	d.remove = widget.NewButtonWithIcon(i18n.T("Delete"), theme.DeleteIcon(), d.askDelete)
	d.remove.Importance = widget.DangerImportance
	d.actions = container.NewPadded(container.NewGridWithColumns(3, d.edit, d.block, d.remove))
	d.body = container.NewVBox(d.title, d.subtitle, widget.NewSeparator(), d.facts)
	d.dense = container.NewThemeOverride(d.body, compactTheme{})
	d.content = container.NewBorder(nil, d.actions, nil, nil,
		container.NewStack(container.NewVScroll(container.NewPadded(d.dense)), centered(d.hint)))
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
	d.block.SetText(i18n.T("Block"))
	d.block.SetIcon(theme.NewErrorThemedResource(theme.CancelIcon()))
	if c.Blocked {
		d.block.SetText(i18n.T("Unblock"))
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
			v += " (" + i18n.T("switchboard") + ")"
		}
		if n.Unverified != "" {
			v += " (" + i18n.T("unverified") + ")"
		}
		out = append(out, [2]string{labelText(n.Label), v})
	}
	return append(out, [2]string{i18n.T("City"), c.City}, [2]string{i18n.T("Country"), c.Country}, [2]string{i18n.T("Note"), c.Note})
}

func (d *contactDetail) toggleBlock() {
	if err := d.w.book.SetBlocked(context.Background(), d.contact.ID, !d.contact.Blocked); err != nil {
		d.w.keys.show(errorDialog(err, d.w.win))
	}
}

// askDelete asks before deleting: a deleted contact's calls show as
// unknown again.
func (d *contactDetail) askDelete() {
	c := d.contact
	who := map[string]any{"Who": i18n.Clean(c.DisplayName())}
	msg := i18n.T("Delete {{.Who}}?", who)
	if n := len(c.Numbers); n > 0 {
		msg = i18n.N("Delete {{.Who}} and their number? Calls from it will show as unknown again.", n, map[string]any{"Who": who["Who"], "N": n})
	}
	d.confirm = dialog.NewConfirm(i18n.T("Delete contact"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := d.w.book.Remove(context.Background(), c.ID); err != nil {
			d.w.keys.show(errorDialog(err, d.w.win))
		}
	}, d.w.win)
	d.confirm.SetConfirmText(i18n.T("Delete"))
	d.confirm.SetDismissText(i18n.T("Cancel"))
	d.confirm.SetConfirmImportance(widget.DangerImportance)
	d.w.keys.show(d.confirm)
}

// labelText is a number's label in words: "Work", "Mobile".
func labelText(l contacts.Label) string {
	switch l {
	case "":
		return ""
	case contacts.LabelWork:
		return i18n.T("Work")
	case contacts.LabelMobile:
		return i18n.T("Mobile")
	case contacts.LabelHome:
		return i18n.T("Home")
	}
	return i18n.T("Other number")
}
