package ui

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// problemWindow is a small window that states one problem in one sentence,
// with a button to close it; onClosed (nil: nothing) runs when it closed,
// by its button, its close button, Ctrl+W, Escape or Enter.
func problemWindow(a fyne.App, title string, err error, onClosed func()) fyne.Window {
	w := a.NewWindow(title)
	msg := widget.NewLabel(i18n.Error(err))
	msg.Wrapping = fyne.TextWrapWord
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ok := widget.NewButton(i18n.T("OK"), w.Close)
	ok.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(heading, container.NewHBox(layout.NewSpacer(), ok), nil, nil, msg))
	w.Resize(fyne.NewSize(460, 170))
	if onClosed != nil {
		w.SetOnClosed(onClosed)
	}
	keys := newWindowKeys(w, nil)
	keys.enter = w.Close
	return w
}

func (u *UI) showProblem(title string, err error) {
	problemWindow(u.app, title, err, nil).Show()
}

// Fatal shows err in a window and on stderr, runs the event loop until the
// person closes it, and returns the exit code 1. main.go uses it when the
// app cannot start (bad configuration, unusable data dir).
func Fatal(a fyne.App, err error, stderr io.Writer) int {
	fmt.Fprintf(stderr, "whoiscalling: %s\n", i18n.Error(err))
	w := problemWindow(a, i18n.T("whoiscalling cannot start"), err, a.Quit)
	w.Show()
	a.Run()
	return 1
}
