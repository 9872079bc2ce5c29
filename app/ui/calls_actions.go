package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/app/service"
)

func (d *callDetails) newActions() fyne.CanvasObject {
	d.contact = widget.NewButtonWithIcon(i18n.T("Add to contacts"), theme.ContentAddIcon(), d.editContact)
	d.copy = widget.NewButtonWithIcon(i18n.T("Copy number"), theme.ContentCopyIcon(), d.copyNumber)
	d.callBack = widget.NewButtonWithIcon(i18n.T("Call back"), theme.MailReplyIcon(), func() { d.w.callBack(d.party.Number) })
	d.block = widget.NewButtonWithIcon(i18n.T("Block caller"), theme.CancelIcon(), d.toggleBlock)
	d.remove = widget.NewButtonWithIcon(i18n.T("Delete call"), theme.DeleteIcon(), d.askDelete)
	d.remove.Importance = widget.LowImportance
	d.result = hintLabel()
	// The buttons wrap into one column when the window is narrow.
	cell := fyne.NewSize(176, d.contact.MinSize().Height)
	d.actions = container.NewPadded(container.NewVBox(d.result,
		container.NewGridWrap(cell, d.contact, d.block, d.copy, d.callBack, d.remove)))
	return d.actions
}

// setActions fits the buttons to the shown call: none without a call,
// disabled for a withheld number, and Edit/Unblock for a known contact.
func (d *callDetails) setActions() {
	d.actions.Hidden = d.call.ID == 0
	for _, b := range []*widget.Button{d.contact, d.copy, d.callBack, d.block} {
		enable(b, !d.party.Anonymous())
	}
	setHint(d.result, "", widget.MediumImportance)
	d.result.Hide()
	d.contact.SetText(i18n.T("Add to contacts"))
	d.contact.SetIcon(theme.ContentAddIcon())
	if d.party.ContactID != 0 {
		d.contact.SetText(i18n.T("Edit contact"))
		d.contact.SetIcon(theme.DocumentCreateIcon())
	}
	d.remove.SetText(i18n.T("Delete call"))
	if service.IsTestCall(d.call) {
		d.remove.SetText(i18n.T("Remove test calls"))
	}
	d.copy.SetText(i18n.T("Copy number"))
	d.block.SetText(i18n.T("Block caller"))
	d.block.SetIcon(theme.NewErrorThemedResource(theme.CancelIcon()))
	if d.party.Blocked {
		d.block.SetText(i18n.T("Unblock caller"))
		d.block.SetIcon(theme.ConfirmIcon())
	}
}

// said shows the outcome of an action (a call back) above the buttons.
func (d *callDetails) said(msg string) {
	setHint(d.result, msg, widget.SuccessImportance)
	d.result.Show()
}

// editContact opens the contact form: the caller's contact, or a new
// one with the caller's number.
func (d *callDetails) editContact() {
	c := contacts.Contact{Numbers: []contacts.Number{numberEntry(d.party.Number, d.w.region)}}
	if d.party.ContactID != 0 {
		if got, err := d.w.book.Get(d.party.ContactID); err == nil {
			c = got
		}
	}
	d.w.form = contactFormFor(d.w.app, d.w.book, d.w.region, c)
	d.w.form.Show()
}

// numberEntry is a caller's number as a contact's number, labelled
// mobile when it is one.
func numberEntry(number, region string) contacts.Number {
	label := contacts.LabelWork
	if phone.Describe(number, region).LineType.Mobile() {
		label = contacts.LabelMobile
	}
	return contacts.Number{Label: label, Raw: phone.Number{E164: number}.International()}
}

// copyNumber copies the number as the window shows it.
func (d *callDetails) copyNumber() {
	d.w.app.Clipboard().SetContent(d.party.Display)
	d.copy.SetText(i18n.T("Number copied"))
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
	who := map[string]any{"Who": d.party.Title()}
	d.blockConfirm = dialog.NewConfirm(i18n.T("Block {{.Who}}", who),
		i18n.T("Calls from {{.Who}} will be rejected with a busy tone. You can unblock them here or in Contacts.", who),
		func(ok bool) {
			if ok {
				d.setBlocked(true)
			}
		}, d.w.win)
	d.blockConfirm.SetConfirmText(i18n.T("Block"))
	d.blockConfirm.SetDismissText(i18n.T("Cancel"))
	d.w.keys.show(d.blockConfirm)
}

func (d *callDetails) setBlocked(on bool) {
	if err := d.w.book.SetBlocked(context.Background(), d.party.ContactID, on); err != nil {
		d.w.keys.show(errorDialog(err, d.w.win))
		return
	}
	d.show(d.call)
}

func (d *callDetails) askBlock() {
	name := newKeyEntry(d.w.win)
	name.SetText(i18n.T("Blocked caller"))
	item := widget.NewFormItem(i18n.T("Name"), name)
	who := map[string]any{"Who": d.party.Display}
	item.HintText = i18n.T("Calls from {{.Who}} will be rejected with a busy tone.", who)
	d.blockAsk = dialog.NewForm(i18n.T("Block {{.Who}}", who), i18n.T("Block"), i18n.T("Cancel"), []*widget.FormItem{item}, func(ok bool) {
		if ok {
			d.addBlocked(name.Text)
		}
	}, d.w.win)
	name.OnSubmitted = func(string) { d.blockAsk.Submit() }
	d.w.keys.show(d.blockAsk)
}

func (d *callDetails) addBlocked(name string) {
	c := contacts.Contact{FirstName: strings.TrimSpace(name), Numbers: []contacts.Number{numberEntry(d.party.Number, d.w.region)}, Blocked: true}
	if _, err := d.w.book.Add(context.Background(), c); err != nil {
		d.w.keys.show(errorDialog(err, d.w.win))
		return
	}
	d.show(d.call)
}

// errorDialog shows err's sentence under a translated title.
func errorDialog(err error, win fyne.Window) dialog.Dialog {
	return dialog.NewInformation(i18n.T("Something went wrong"), i18n.Error(err), win)
}
