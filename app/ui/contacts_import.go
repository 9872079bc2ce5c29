package ui

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
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

func (w *ContactsWindow) chooseImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		switch {
		case err != nil:
			dialog.ShowError(err, w.win)
		case r != nil:
			w.importFrom(r, r.URI().Name())
		}
	}, w.win)
	d.SetFilter(contactFiles)
	d.Show()
}

// importFrom imports r in the background, with a progress bar that can
// cancel it, then shows what was imported, updated and skipped.
func (w *ContactsWindow) importFrom(r io.ReadCloser, name string) {
	ctx, cancel := context.WithCancel(context.Background())
	t := w.startTransfer("Importing "+name, "Reading the file and saving the contacts…", cancel)
	go func() {
		defer r.Close()
		rep, err := w.book.Import(ctx, r, name, func(done, total int) {
			w.do(func() { t.progress.SetValue(float64(done) / float64(max(total, 1))) })
		})
		cancel()
		w.do(func() { w.finishTransfer("Import of "+name, reportSummary(rep, err), reportDetails(rep, err)) })
	}()
}

// startTransfer shows a progress dialog whose Cancel calls cancel.
func (w *ContactsWindow) startTransfer(title, doing string, cancel func()) *transferState {
	t := &transferState{running: true, progress: widget.NewProgressBar()}
	t.waiting = dialog.NewCustom(title, "Cancel", container.NewVBox(widget.NewLabel(doing), t.progress), w.win)
	t.waiting.SetOnClosed(cancel)
	t.waiting.Resize(fyne.NewSize(420, 0))
	t.waiting.Show()
	w.transfer = t
	return t
}

// finishTransfer replaces the progress dialog by the result.
func (w *ContactsWindow) finishTransfer(title, summary, details string) {
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
	d := dialog.NewCustom(title, "OK", content, w.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

func reportSummary(rep contacts.Report, err error) string {
	if err != nil {
		return "Nothing was imported."
	}
	return fmt.Sprintf("Imported %d, updated %d, unchanged %d, skipped %d.", rep.Imported, rep.Updated, rep.Unchanged, rep.Skipped)
}

// reportDetails lists every skipped entry and left-out number with its
// line and reason, or says why the file could not be imported.
func reportDetails(rep contacts.Report, err error) string {
	if err != nil {
		return err.Error()
	}
	var b strings.Builder
	for _, p := range rep.Problems {
		fmt.Fprintf(&b, "Line %d (%s): %s\n", p.Line, p.Entry, p.Reason)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
