package ui

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

func (w *ContactsWindow) chooseExport() {
	d := dialog.NewFileSave(func(out fyne.URIWriteCloser, err error) {
		switch {
		case err != nil:
			dialog.ShowError(err, w.win)
		case out != nil:
			w.exportTo(out, out.URI().Name())
		}
	}, w.win)
	d.SetFilter(contactFiles)
	d.SetFileName("contacts.vcf")
	d.Show()
}

// exportFormat is "csv" for a .csv file name, else "vcf".
func exportFormat(name string) string {
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		return "csv"
	}
	return "vcf"
}

// exportTo writes every contact to out in the background, in the format
// its name asks for, then says how it went.
func (w *ContactsWindow) exportTo(out io.WriteCloser, name string) {
	ctx, cancel := context.WithCancel(context.Background())
	w.startTransfer("Exporting to "+name, "Writing every contact…", cancel)
	format := exportFormat(name)
	go func() {
		err := errors.Join(w.book.Export(ctx, out, format), out.Close())
		cancel()
		w.do(func() {
			if err != nil {
				w.finishTransfer("Export", "The contacts were not exported.", err.Error())
				return
			}
			kind := map[string]string{"csv": "CSV", "vcf": "vCard"}[format]
			w.finishTransfer("Export", "All contacts were saved to "+name+" as "+kind+".", "")
		})
	}()
}
