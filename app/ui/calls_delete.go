package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// askDelete asks before deleting the shown call from the history; for a
// test call, before removing every test call.
func (d *callDetails) askDelete() {
	c := d.call
	if c.ID == 0 {
		return
	}
	if service.IsTestCall(c) {
		d.askRemoveTests()
		return
	}
	d.deleteConfirm = dialog.NewConfirm(i18n.T("Delete call"),
		i18n.T("Delete this call with {{.Who}} from the history? This cannot be undone.", map[string]any{"Who": d.party.Title()}),
		func(ok bool) {
			if ok {
				d.w.deleteCall(c.ID)
			}
		}, d.w.win)
	d.deleteConfirm.SetConfirmText(i18n.T("Delete"))
	d.deleteConfirm.SetDismissText(i18n.T("Cancel"))
	d.deleteConfirm.SetConfirmImportance(widget.DangerImportance)
	d.w.keys.show(d.deleteConfirm)
}

// deleteCall removes call id from the history and from the list.
func (w *CallsWindow) deleteCall(id int64) {
	if err := w.src.Remove(context.Background(), id); err != nil {
		w.keys.show(errorDialog(err, w.win))
		return
	}
	if i, found := slices.BinarySearchFunc(w.page.rows, id, newestFirst); found {
		w.page.rows = slices.Delete(w.page.rows, i, i+1)
	}
	w.rowsChanged()
}

// askRemoveTests asks before removing every test call from the history.
func (d *callDetails) askRemoveTests() {
	d.deleteConfirm = dialog.NewConfirm(i18n.T("Remove test calls"),
		i18n.T("Remove every test call (from +44 20 7946 0123) from the history? Real calls stay."),
		func(ok bool) {
			if ok {
				d.w.removeTestCalls()
			}
		}, d.w.win)
	d.deleteConfirm.SetConfirmText(i18n.T("Remove"))
	d.deleteConfirm.SetDismissText(i18n.T("Cancel"))
	d.w.keys.show(d.deleteConfirm)
}

// removeTestCalls removes the test calls and reloads the list.
func (w *CallsWindow) removeTestCalls() {
	if _, err := service.RemoveTestCalls(context.Background(), w.src); err != nil {
		w.keys.show(errorDialog(err, w.win))
	}
	w.reload()
}
