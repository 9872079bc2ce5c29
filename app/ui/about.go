package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// projectURL is where whoiscalling lives.
const projectURL = "https://github.com/whoiscalling/whoiscalling"

// showAbout shows what whoiscalling is, its version and where it lives.
func (u *UI) showAbout() {
	if u.aboutWin == nil {
		u.aboutWin = aboutWindow(u.app)
		u.aboutWin.SetOnClosed(func() { u.aboutWin = nil })
	}
	u.aboutWin.Show()
	u.aboutWin.RequestFocus()
}

func aboutWindow(a fyne.App) fyne.Window {
	w := a.NewWindow(i18n.T("About whoiscalling"))
	name := widget.NewLabelWithStyle("whoiscalling", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	version := a.Metadata().Version
	if version == "" {
		version = i18n.T("development build")
	}
	what := widget.NewLabel(i18n.T("Tells you who is calling on your sipgate phone: popups with the caller's name, a list of recent calls with their true outcome, and your own contact book."))
	what.Wrapping = fyne.TextWrapWord
	link, _ := url.Parse(projectURL)
	ok := widget.NewButton(i18n.T("OK"), w.Close)
	ok.Importance = widget.HighImportance
	body := container.NewVBox(container.NewHBox(widget.NewIcon(a.Icon()), name),
		widget.NewLabel(i18n.T("Version {{.Version}}", map[string]any{"Version": version})), what,
		widget.NewHyperlink(projectURL, link))
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), ok), nil, nil, body)))
	w.Resize(fyne.NewSize(440, 260))
	keys := newWindowKeys(w, nil)
	keys.enter = w.Close
	return w
}
