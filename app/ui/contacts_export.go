package ui

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/whoiscalling/whoiscalling/app/i18n"
)

func (w *ContactsView) chooseExport() {
	d := dialog.NewFileSave(func(out fyne.URIWriteCloser, err error) {
		switch {
		case err != nil:
			w.keys.show(errorDialog(err, w.win))
		case out != nil:
			w.exportTo(out, out.URI().Name())
		}
	}, w.win)
	d.SetFilter(contactFiles)
	d.SetFileName("contacts.vcf")
	d.SetConfirmText(i18n.T("Export"))
	d.SetDismissText(i18n.T("Cancel"))
	w.keys.show(d)
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
func (w *ContactsView) exportTo(out io.WriteCloser, name string) {
	ctx, cancel := context.WithCancel(context.Background())
	w.startTransfer(i18n.T("Exporting to {{.Name}}", map[string]any{"Name": name}), i18n.T("Writing every contact…"), cancel)
	format := exportFormat(name)
	go func() {
		err := errors.Join(w.book.Export(ctx, out, format), out.Close())
		cancel()
		w.do(func() {
			if err != nil {
				w.finishTransfer(i18n.T("Export"), i18n.T("The contacts were not exported."), i18n.Error(err))
				return
			}
			kind := map[string]string{"csv": "CSV", "vcf": "vCard"}[format]
			w.finishTransfer(i18n.T("Export"), i18n.T("All contacts were saved to {{.Name}} as {{.Kind}}.", map[string]any{"Name": name, "Kind": kind}), "")
		})
	}()
}
