package ui

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// drawn is every text drawn under o, visible or not yet scrolled to.
func drawn(o fyne.CanvasObject, out *[]string) {
	if o == nil || !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *canvas.Text:
		if s := strings.TrimSpace(x.Text); s != "" {
			*out = append(*out, s)
		}
	case *widget.Label:
		*out = append(*out, x.Text) // whole, before wrapping cuts it into lines
	case *widget.RichText:
		*out = append(*out, x.String())
	case *fyne.Container:
		for _, c := range x.Objects {
			drawn(c, out)
		}
	}
	if x, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(x).Objects() {
			drawn(c, out)
		}
	}
}

// windowTexts is what win shows, dialogs included.
func windowTexts(win fyne.Window) []string {
	var out []string
	win.Content().Refresh()
	drawn(win.Content(), &out)
	for _, o := range win.Canvas().Overlays().List() {
		drawn(o, &out)
	}
	return out
}

// englishLeft finds the texts that are English sentences of the catalog
// whose German differs: text that was not translated.
type englishLeft []*regexp.Regexp

func newEnglishLeft() englishLeft {
	en, de := i18n.Catalog("en"), i18n.Catalog("de")
	var out englishLeft
	ph := regexp.MustCompile(`\\{\\{\\.[A-Za-z]+\\}\\}`)
	for k, v := range en {
		if de[k] == v || letters(placeholderRE.ReplaceAllString(v, "")) < 4 {
			continue
		}
		pattern := ph.ReplaceAllString(regexp.QuoteMeta(v), ".+")
		out = append(out, regexp.MustCompile("^"+pattern+"$"))
	}
	return out
}

func (e englishLeft) check(t *testing.T, where string, texts []string) {
	t.Helper()
	for _, s := range texts {
		for _, piece := range append([]string{s}, strings.Split(s, " · ")...) {
			for _, re := range e {
				if re.MatchString(piece) {
					t.Errorf("%s shows English in German: %q (matches %q)", where, piece, re)
				}
			}
		}
	}
}

var placeholderRE = regexp.MustCompile(`{{\.[A-Za-z]+}}`)

// Every window, menu and dialog speaks German when the language is de.
func TestEveryWindowInGerman(t *testing.T) {
	defer i18n.SetLanguage("en")
	left := newEnglishLeft()
	if len(left) < 100 {
		t.Fatalf("only %d English texts to look for: the catalog is not loaded", len(left))
	}
	b := newBackend(t)
	seed(t, b)
	u, fb, q := newTestUI(t, b, service.Status{Addr: "127.0.0.1:8080", Err: portInUse})
	if err := fb.Save(map[string]string{"UI_LANGUAGE": "de"}); err != nil {
		t.Fatal(err)
	}
	u.applyLanguage()
	if i18n.Language() != "de" {
		t.Fatalf("UI_LANGUAGE=de: the language is %q", i18n.Language())
	}
	u.state = u.trayState()
	u.openWithoutTray()
	w := u.callsWin
	left.check(t, "the tray menu", labels(BuildTrayMenu(u.state, u.trayActions())))
	for i := 0; i < w.page.length(); i++ {
		w.list.Select(i)
		left.check(t, "the recent-calls window", windowTexts(w.win))
	}
	w.list.Select(0)
	test.Tap(w.details.block)
	left.check(t, "the block question", windowTexts(w.win))
	w.keys.escape()
	w.list.Select(2)
	test.Tap(w.details.remove)
	left.check(t, "the delete question", windowTexts(w.win))
	w.keys.escape()
	w.search.SetText("niemand")
	q.until(t, "the search is done", func() bool { return !w.empty.Hidden })
	left.check(t, "the empty list", windowTexts(w.win))

	u.ShowContacts()
	s := u.settingsWin
	for i := range s.tabs.Items {
		s.tabs.SelectIndex(i)
		left.check(t, "Settings, tab "+s.tabs.Items[i].Text, windowTexts(s.win))
	}
	s.contacts.list.Select(0)
	left.check(t, "the contacts tab", windowTexts(s.win))
	test.Tap(s.contacts.detail.remove)
	left.check(t, "the delete-contact question", windowTexts(s.win))
	s.keys.escape()

	s.contacts.openForm(contactWith("0171 1"))
	f := s.contacts.form
	test.Tap(f.save)
	left.check(t, "the contact form", windowTexts(f.win))

	u.showAbout()
	left.check(t, "About", windowTexts(u.aboutWin))
	pw := problemWindow(u.app, i18n.T("whoiscalling is not listening"), portInUse, func() {})
	left.check(t, "the problem window", windowTexts(pw))
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
