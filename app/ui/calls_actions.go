package ui

import (
	"context"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

func (d *callDetails) newActions() fyne.CanvasObject {
	d.contact = widget.NewButtonWithIcon("Add to contacts", theme.ContentAddIcon(), d.editContact)
	d.copy = widget.NewButtonWithIcon("Copy number", theme.ContentCopyIcon(), d.copyNumber)
	d.callBack = widget.NewButtonWithIcon("Call back", theme.MailReplyIcon(), d.callBackNow)
	d.block = widget.NewButtonWithIcon("Block", theme.CancelIcon(), d.toggleBlock)
	d.actions = container.NewPadded(container.NewGridWithColumns(2, d.contact, d.block, d.copy, d.callBack))
	return d.actions
}

// setActions fits the buttons to the shown call: none without a call,
// disabled for a withheld number, and Edit/Unblock for a known contact.
func (d *callDetails) setActions() {
	d.actions.Hidden = d.call.ID == 0
	for _, b := range []*widget.Button{d.contact, d.copy, d.callBack, d.block} {
		if d.party.Anonymous() {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	d.contact.SetText("Add to contacts")
	d.contact.SetIcon(theme.ContentAddIcon())
	if d.party.ContactID != 0 {
		d.contact.SetText("Edit contact")
		d.contact.SetIcon(theme.DocumentCreateIcon())
	}
	d.copy.SetText("Copy number")
	d.block.SetText("Block caller")
	d.block.SetIcon(theme.NewErrorThemedResource(theme.CancelIcon()))
	if d.party.Blocked {
		d.block.SetText("Unblock caller")
		d.block.SetIcon(theme.ConfirmIcon())
	}
}

// editContact opens the contact form: the caller's contact, or a new
// one with the caller's number.
func (d *callDetails) editContact() {
	c := contacts.Contact{Numbers: []contacts.Number{d.numberEntry()}}
	if d.party.ContactID != 0 {
		if got, err := d.w.book.Get(d.party.ContactID); err == nil {
			c = got
		}
	}
	d.w.form = contactFormFor(d.w.app, d.w.book, d.w.region, c)
	d.w.form.Show()
}

// numberEntry is the caller's number as a contact's number, labelled
// mobile when it is one.
func (d *callDetails) numberEntry() contacts.Number {
	label := contacts.LabelWork
	if phone.Describe(d.party.Number, d.w.region).LineType.Mobile() {
		label = contacts.LabelMobile
	}
	return contacts.Number{Label: label, Raw: phone.Number{E164: d.party.Number}.International()}
}

func (d *callDetails) copyNumber() {
	d.w.app.Clipboard().SetContent(d.party.Number)
	d.copy.SetText("Number copied")
}

// callBackNow dials through the system's tel: handler (a softphone or
// the sipgate app).
func (d *callDetails) callBackNow() {
	if err := d.w.openURL(&url.URL{Scheme: "tel", Opaque: d.party.Number}); err != nil {
		dialog.ShowError(err, d.w.win)
	}
}

// toggleBlock blocks or unblocks the caller's contact; an unknown caller
// becomes a blocked contact, after the person confirms and names it.
func (d *callDetails) toggleBlock() {
	if d.party.ContactID == 0 {
		d.askBlock()
		return
	}
	if d.party.Blocked {
		d.setBlocked(false)
		return
	}
	d.blockConfirm = dialog.NewConfirm("Block "+d.party.Title(),
		"Calls from "+d.party.Title()+" will be rejected with a busy tone. You can unblock them here or in Contacts.",
		func(ok bool) {
			if ok {
				d.setBlocked(true)
			}
		}, d.w.win)
	d.blockConfirm.SetConfirmText("Block")
	d.blockConfirm.Show()
}

func (d *callDetails) setBlocked(on bool) {
	if err := d.w.book.SetBlocked(context.Background(), d.party.ContactID, on); err != nil {
		dialog.ShowError(err, d.w.win)
		return
	}
	d.show(d.call)
}

func (d *callDetails) askBlock() {
	name := widget.NewEntry()
	name.SetText("Blocked caller")
	item := widget.NewFormItem("Name", name)
	item.HintText = "Calls from " + d.party.Display + " will be rejected with a busy tone."
	d.blockAsk = dialog.NewForm("Block "+d.party.Display, "Block", "Cancel", []*widget.FormItem{item}, func(ok bool) {
		if ok {
			d.addBlocked(name.Text)
		}
	}, d.w.win)
	d.blockAsk.Show()
}

func (d *callDetails) addBlocked(name string) {
	c := contacts.Contact{FirstName: strings.TrimSpace(name), Numbers: []contacts.Number{d.numberEntry()}, Blocked: true}
	if _, err := d.w.book.Add(context.Background(), c); err != nil {
		dialog.ShowError(err, d.w.win)
		return
	}
	d.show(d.call)
}
