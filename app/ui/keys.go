package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// keyEntry is a one-line entry that hands Escape and the Down arrow to
// its window, so Escape closes a dialog or the window and Down moves
// into the list below, also while the cursor is in the entry.
type keyEntry struct {
	widget.Entry
	win fyne.Window
}

func newKeyEntry(win fyne.Window) *keyEntry {
	e := &keyEntry{win: win}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Escape and Down on to the window, the rest to the
// entry.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if (ev.Name == fyne.KeyEscape || ev.Name == fyne.KeyDown) && !e.MultiLine && e.win != nil {
		if fn := e.win.Canvas().OnTypedKey(); fn != nil {
			fn(ev)
			return
		}
	}
	e.Entry.TypedKey(ev)
}

// windowKeys is what a window does with the keys no widget took: Escape
// dismisses the dialog shown last, else runs close (nil: nothing); Down
// runs down (nil: nothing).
type windowKeys struct {
	win     fyne.Window
	dialogs []dialog.Dialog
	close   func()
	down    func()
	enter   func() // Enter where no widget took it (nil: nothing)
}

func newWindowKeys(win fyne.Window, close func()) *windowKeys {
	k := &windowKeys{win: win, close: close}
	win.Canvas().SetOnTypedKey(k.typed)
	return k
}

func (k *windowKeys) typed(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		k.escape()
	case fyne.KeyDown:
		run(k.down)
	case fyne.KeyReturn, fyne.KeyEnter:
		run(k.enter)
	}
}

// show shows d and remembers it for Escape.
func (k *windowKeys) show(d dialog.Dialog) {
	k.dialogs = append(k.dialogs, d)
	d.Show()
}

// escape dismisses the newest dialog still open, else closes the window.
// A dialog adds one overlay to the canvas: dialogs beyond the overlays
// left were closed by their buttons.
func (k *windowKeys) escape() {
	open := len(k.win.Canvas().Overlays().List())
	if len(k.dialogs) > open {
		k.dialogs = k.dialogs[len(k.dialogs)-open:]
	}
	if n := len(k.dialogs); n > 0 {
		d := k.dialogs[n-1]
		k.dialogs = k.dialogs[:n-1]
		d.Hide()
		return
	}
	if k.close != nil {
		k.close()
	}
}

// shortcut adds a Ctrl (Cmd on macOS) shortcut to win.
func shortcut(win fyne.Window, key fyne.KeyName, fn func()) {
	win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { fn() })
}

// ordered lays out top, center and bottom like a border layout, but
// keeps them in that order for Tab, which follows the objects' order.
func ordered(top, center, bottom fyne.CanvasObject) *fyne.Container {
	objs := []fyne.CanvasObject{}
	for _, o := range []fyne.CanvasObject{top, center, bottom} {
		if o != nil {
			objs = append(objs, o)
		}
	}
	return container.New(layout.NewBorderLayout(top, bottom, nil, nil), objs...)
}
