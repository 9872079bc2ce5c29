package ui

import (
	"context"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// transferState is the import or export going on, or the one done last:
// its progress while it runs, its result after.
type transferState struct {
	running  bool
	progress *widget.ProgressBar
	waiting  *dialog.CustomDialog
	summary  *widget.Label
	details  *widget.Label
}

// contactFiles are the files Import… offers and Export… writes.
var contactFiles = storage.NewExtensionFileFilter([]string{".vcf", ".vcard", ".csv"})

// chooseImport lets the person pick a file, then asks before importing
// it: a double click on a folder in the file dialog can land on the file
// that appears under the pointer, and that must not import it.
func (w *ContactsView) chooseImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		switch {
		case err != nil:
			w.keys.show(errorDialog(err, w.win))
		case r != nil:
			w.confirmImport(r)
		}
	}, w.win)
	d.SetFilter(contactFiles)
	d.SetConfirmText(i18n.T("Import"))
	d.SetDismissText(i18n.T("Cancel"))
	w.keys.show(d)
}

// confirmImport asks whether to import r, and imports it or closes it.
func (w *ContactsView) confirmImport(r fyne.URIReadCloser) {
	name := r.URI().Name()
	w.importAsk = dialog.NewConfirm(i18n.T("Import contacts"),
		i18n.T("Import the contacts in {{.Name}}? Contacts with the same numbers are updated; nothing is deleted.", map[string]any{"Name": name}),
		func(ok bool) {
			if !ok {
				r.Close()
				return
			}
			w.importFrom(r, name)
		}, w.win)
	w.importAsk.SetConfirmText(i18n.T("Import"))
	w.importAsk.SetDismissText(i18n.T("Cancel"))
	w.keys.show(w.importAsk)
}

// importFrom imports r in the background, with a progress bar that can
// cancel it, then shows what was imported, updated and skipped.
func (w *ContactsView) importFrom(r io.ReadCloser, name string) {
	ctx, cancel := context.WithCancel(context.Background())
	t := w.startTransfer(i18n.T("Importing {{.Name}}", map[string]any{"Name": name}), i18n.T("Reading the file and saving the contacts…"), cancel)
	go func() {
		defer r.Close()
		rep, err := w.book.Import(ctx, r, name, func(done, total int) {
			w.do(func() { t.progress.SetValue(float64(done) / float64(max(total, 1))) })
		})
		cancel()
		w.do(func() {
			w.finishTransfer(i18n.T("Import of {{.Name}}", map[string]any{"Name": name}), reportSummary(rep, err), reportDetails(rep, err))
		})
	}()
}

// startTransfer shows a progress dialog whose Cancel calls cancel.
func (w *ContactsView) startTransfer(title, doing string, cancel func()) *transferState {
	t := &transferState{running: true, progress: widget.NewProgressBar()}
	t.waiting = dialog.NewCustom(title, i18n.T("Cancel"), container.NewVBox(widget.NewLabel(doing), t.progress), w.win)
	t.waiting.SetOnClosed(cancel)
	t.waiting.Resize(fyne.NewSize(420, 0))
	w.keys.show(t.waiting)
	w.transfer = t
	return t
}

// finishTransfer replaces the progress dialog by the result.
func (w *ContactsView) finishTransfer(title, summary, details string) {
	t := w.transfer
	t.running = false
	t.waiting.Hide()
	t.summary = widget.NewLabelWithStyle(summary, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.summary.Wrapping = fyne.TextWrapWord
	t.details = widget.NewLabel(details)
	t.details.Wrapping = fyne.TextWrapWord
	content := fyne.CanvasObject(t.summary)
	if details != "" {
		scroll := container.NewVScroll(t.details)
		scroll.SetMinSize(fyne.NewSize(480, 200))
		content = container.NewBorder(t.summary, nil, nil, nil, scroll)
	}
	d := dialog.NewCustom(title, i18n.T("OK"), content, w.win)
	d.Resize(fyne.NewSize(520, 0))
	w.keys.show(d)
}

func reportSummary(rep contacts.Report, err error) string {
	if err != nil {
		return i18n.T("Nothing was imported.")
	}
	return i18n.T("Imported {{.Imported}}, updated {{.Updated}}, unchanged {{.Unchanged}}, skipped {{.Skipped}}.", rep)
}

// reportDetails lists every skipped entry and left-out number with its
// line and reason, or says why the file could not be imported.
func reportDetails(rep contacts.Report, err error) string {
	if err != nil {
		return i18n.Error(err)
	}
	var b strings.Builder
	for _, p := range rep.Problems {
		b.WriteString(i18n.T("Line {{.Line}} ({{.Entry}}): {{.Reason}}", map[string]any{"Line": p.Line, "Entry": i18n.Clean(p.Entry), "Reason": p.Reason}) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
