package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// ShowCall shows the window with c selected: the tray's last calls open
// their details this way. Filters that would hide c are cleared.
func (w *CallsWindow) ShowCall(c calls.Call) {
	if w.search.Text != "" || !w.filter().Wants(c.Status) {
		w.search.SetText("")
		w.missed.SetChecked(false)
	}
	w.Show()
	for i, r := range w.page.rows {
		if r.ID == c.ID {
			w.list.Select(i)
			w.list.ScrollTo(i)
			return
		}
	}
	w.list.UnselectAll()
	w.selected = c.ID
	w.details.show(c)
}

// ShowCallID shows the window with the call id selected (a click on its
// popup); 0 or a call no longer in the history just shows the window.
func (w *CallsWindow) ShowCallID(id int64) {
	if id <= 0 {
		w.Show()
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		rows, err := w.src.Recent(ctx, calls.Query{Before: id + 1, Limit: 1})
		w.do(func() {
			if err != nil || len(rows) == 0 || rows[0].ID != id {
				w.Show()
				return
			}
			w.ShowCall(rows[0])
		})
	}()
}

// SetNotice shows text in a bar above the list (an empty text hides it):
// the app says there why it opened this window by itself.
func (w *CallsWindow) SetNotice(text string) {
	if w.notice == nil {
		return
	}
	w.notice.SetText(text)
	w.notice.Hidden = text == ""
	w.notice.Refresh()
}

func newNotice() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	l.Hidden = true
	return l
}

// newContact opens an empty contact form (Ctrl+N).
func (w *CallsWindow) newContact() {
	w.form = contactFormFor(w.app, w.book, w.region, contacts.Contact{})
	w.form.Show()
}

// callBack calls number back through the dialer in the background and
// shows what happened: the one way every "Call back" goes.
func (w *CallsWindow) callBack(number string) {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		msg, err := w.dialer.CallBack(ctx, number)
		w.do(func() {
			if err != nil {
				w.keys.show(dialog.NewInformation(i18n.T("Call back"), i18n.Error(err), w.win))
				return
			}
			w.details.said(msg)
		})
	}()
}
