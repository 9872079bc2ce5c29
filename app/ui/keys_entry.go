package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// keyEntry is an entry that leaves its window the keys it does not use:
// Escape (a dialog or the window closes), Down in a one-line entry (the
// list below takes the keyboard), and the window's Ctrl shortcuts
// (Ctrl+W closes the window also while the cursor is in a field). A
// search entry uses Escape to clear itself while it holds text.
type keyEntry struct {
	widget.Entry
	win    fyne.Window
	search bool
}

func newKeyEntry(win fyne.Window) *keyEntry {
	e := &keyEntry{win: win}
	e.ExtendBaseWidget(e)
	return e
}

// newSearchEntry is a one-line entry whose Escape clears a search
// before it closes anything.
func newSearchEntry(win fyne.Window) *keyEntry {
	e := newKeyEntry(win)
	e.search = true
	return e
}

// newPasswordKeyEntry is a keyEntry that hides what is typed.
func newPasswordKeyEntry(win fyne.Window) *keyEntry {
	e := newKeyEntry(win)
	e.Password = true
	return e
}

// newMultiLineKeyEntry is a keyEntry for text of several lines.
func newMultiLineKeyEntry(win fyne.Window) *keyEntry {
	e := newKeyEntry(win)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey passes Escape and (in one line) Down on to the window, the
// rest to the entry.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape && e.search && e.Text != "":
		e.SetText("")
		return
	case ev.Name == fyne.KeyEscape, ev.Name == fyne.KeyDown && !e.MultiLine:
		if fn := e.windowKey(); fn != nil {
			fn(ev)
			return
		}
	}
	e.Entry.TypedKey(ev)
}

func (e *keyEntry) windowKey() func(*fyne.KeyEvent) {
	if e.win == nil {
		return nil
	}
	return e.win.Canvas().OnTypedKey()
}

// entryOwnKeys are the keys an entry has Ctrl shortcuts on (move or
// delete by word); the window's shortcuts are on letters.
var entryOwnKeys = map[fyne.KeyName]bool{
	fyne.KeyLeft: true, fyne.KeyRight: true, fyne.KeyBackspace: true, fyne.KeyDelete: true,
}

// TypedShortcut hands the window's Ctrl shortcuts to the window; the
// entry keeps the clipboard, undo and its own word moves.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && !entryOwnKeys[cs.KeyName] && e.win != nil {
		if c, ok := e.win.Canvas().(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// keyList is a list that leaves Escape to its window.
type keyList struct {
	widget.List
	keys *windowKeys
}

func newKeyList(keys *windowKeys, length func() int, create func() fyne.CanvasObject,
	update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{keys: keys}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey closes a dialog or the window on Escape; the list moves with
// the other keys.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && l.keys != nil {
		l.keys.escape()
		return
	}
	l.List.TypedKey(ev)
}
