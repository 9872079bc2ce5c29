package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/calls"
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
