package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
)

// windowKeys is what a window does with its keys: Ctrl+W (Cmd+W on
// macOS) runs close, as the close button does; Escape, where no widget
// took it, dismisses the dialog shown last, else runs close too; Down
// and Enter, where no widget took them, run down and enter (nil:
// nothing).
type windowKeys struct {
	win     fyne.Window
	dialogs []dialog.Dialog
	close   func()
	// escapeCloses is false in the app's only window (no tray), where
	// a stray Escape must not quit the app.
	escapeCloses bool
	down         func()
	enter        func()
}

// newWindowKeys gives win the keys of a secondary window, and makes
// its close button, Ctrl+W and Escape close it in one way: close, or
// win.Close when close is nil. Every window gets its keys here, so each
// drops on Ctrl+W and Escape what it drops on its close button.
func newWindowKeys(win fyne.Window, close func()) *windowKeys {
	k := &windowKeys{win: win, close: close, escapeCloses: true}
	if close == nil {
		k.close = win.Close
	} else {
		win.SetCloseIntercept(close)
	}
	win.Canvas().SetOnTypedKey(k.typed)
	shortcut(win, fyne.KeyW, func() { k.close() })
	return k
}

// quits makes the window the app's only one (no tray): its close
// button and Ctrl+W run quit; Escape only dismisses dialogs.
func (k *windowKeys) quits(quit func()) {
	k.close, k.escapeCloses = quit, false
	k.win.SetCloseIntercept(quit)
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
	if k.escapeCloses {
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
