package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// The windows shrink to 400×300 and the search box still shows its whole
// placeholder there.
func TestWindowsFitSmallScreens(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	w.list.Select(0)
	min := w.win.Content().MinSize()
	if min.Width > 400 || min.Height > 300 {
		t.Errorf("the recent-calls window needs at least %v, want it to fit 400×300", min)
	}
	w.win.Resize(fyne.NewSize(400, 300))
	w.win.Content().Refresh()
	text := fyne.MeasureText(w.search.PlaceHolder, 14, fyne.TextStyle{})
	if got := w.search.Size().Width; got < text.Width+48 {
		t.Errorf("at 400×300 the search box is %.0f wide, too narrow for %q (%.0f)", got, w.search.PlaceHolder, text.Width)
	}
	s, _ := openSettings(t, newFakeSettings(t), nil)
	if min := s.win.Content().MinSize(); min.Width > 400 || min.Height > 300 {
		t.Errorf("the Settings window needs at least %v, want it to fit 400×300", min)
	}
}

// A long name is cut with "…" and leaves the time on the right alone.
func TestLongNamesTruncate(t *testing.T) {
	b := newBackend(t)
	w, _ := openCalls(t, b)
	r := newCallRow().(*callRow)
	c := calls.Call{ID: 1, Direction: calls.In, From: "+492111234567", Contact: strings.Repeat("Maximiliane Mustermann-Lüdenscheid ", 4), Status: calls.StatusMissed, StartedAt: b.clock.Now()}
	r.set(c, w.partyOf(c), w)
	r.Resize(fyne.NewSize(320, r.MinSize().Height))
	test.WidgetRenderer(r).Layout(r.Size())
	r.content.Refresh()
	title := r.title
	right := r.when
	tp := absolute(r.content, title)
	wp := absolute(r.content, right)
	if tp.X+title.Size().Width > wp.X+1 {
		t.Errorf("the name ends at %.0f, over the time at %.0f", tp.X+title.Size().Width, wp.X)
	}
	var shown []string
	for _, o := range test.WidgetRenderer(title.name).Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			shown = append(shown, tx.Text)
		}
	}
	if len(shown) == 0 || !strings.HasSuffix(shown[0], "…") {
		t.Errorf("the long name is drawn as %q, want it cut with …", shown)
	}
}

// absolute is o's position inside root.
func absolute(root fyne.CanvasObject, o fyne.CanvasObject) fyne.Position {
	var pos fyne.Position
	var find func(fyne.CanvasObject, fyne.Position) bool
	find = func(n fyne.CanvasObject, at fyne.Position) bool {
		at = at.Add(n.Position())
		if n == o {
			pos = at
			return true
		}
		if c, ok := n.(*fyne.Container); ok {
			for _, k := range c.Objects {
				if find(k, at) {
					return true
				}
			}
		}
		return false
	}
	find(root, fyne.Position{})
	return pos.Subtract(root.Position())
}

// The hints that stand in for an empty list or no selection wrap at the
// width they get, not after every letter.
func TestHintsWrapAtTheirWidth(t *testing.T) {
	b := newBackend(t)
	w, _ := openCalls(t, b)
	w.win.Resize(fyne.NewSize(900, 600))
	w.win.Content().Refresh()
	for name, l := range map[string]fyne.CanvasObject{"the empty list": w.empty, "the details hint": w.details.hint} {
		if got := l.Size().Width; got < 150 {
			t.Errorf("%s is %.0f wide, want it to use the pane's width", name, got)
		}
	}
}

// Tab goes through the window in the order a person reads it: the
// toolbar, the search, the filter, the list, then the call's buttons.
func TestTabFollowsTheVisualOrder(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	w.SetActions(TrayActions{Contacts: func() {}, Settings: func() {}, About: func() {}, Quit: func() {}, DoNotDisturb: func(bool) {}})
	w.list.Select(0)
	c := w.win.Canvas()
	c.Unfocus()
	var order []fyne.Focusable
	for range 20 {
		test.FocusNext(c)
		order = append(order, c.Focused())
	}
	index := func(f fyne.Focusable) int {
		for i, o := range order {
			if o == f {
				return i
			}
		}
		return -1
	}
	steps := []struct {
		name string
		at   int
	}{{"Contacts", index(w.home.contacts)}, {"the search", index(w.search)}, {"Missed", index(w.missed)},
		{"the list", index(w.list)}, {"Edit contact", index(w.details.contact)}}
	for i, s := range steps {
		if s.at < 0 || i > 0 && s.at < steps[i-1].at {
			t.Errorf("Tab reaches %s at step %d; want it after %s (step %d)", s.name, s.at, steps[max(i-1, 0)].name, steps[max(i-1, 0)].at)
		}
	}
}
