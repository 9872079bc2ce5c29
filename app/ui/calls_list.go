package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// callList is the list of calls, driven by the keyboard as well: the
// arrows move the selection (and so the details), Home and End jump,
// Enter opens the caller's contact (or adds one), Delete asks to delete
// the call.
type callList struct {
	widget.List
	w *CallsWindow
}

func newCallList(w *CallsWindow) *callList {
	l := &callList{w: w}
	l.Length = w.page.length
	l.CreateItem = newCallRow
	l.UpdateItem = w.updateRow
	l.OnSelected = w.selectRow
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey moves the selection with the arrows and acts on Enter and
// Delete; other keys go to the list.
func (l *callList) TypedKey(ev *fyne.KeyEvent) {
	n := l.w.page.length()
	cur := l.w.selectedRow()
	switch ev.Name {
	case fyne.KeyDown:
		l.move(min(cur+1, n-1))
	case fyne.KeyUp:
		l.move(max(cur-1, 0))
	case fyne.KeyHome:
		l.move(0)
	case fyne.KeyEnd:
		l.move(n - 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		if cur >= 0 && !l.w.details.party.Anonymous() {
			l.w.details.editContact()
		}
	case fyne.KeyDelete:
		if cur >= 0 {
			l.w.details.askDelete()
		}
	case fyne.KeyEscape:
		l.w.keys.escape()
	default:
		l.List.TypedKey(ev)
	}
}

func (l *callList) move(i int) {
	if i < 0 || i >= l.w.page.length() {
		return
	}
	l.Select(i)
	l.ScrollTo(i)
}

// selectedRow is the row of the call shown in the details, or -1.
func (w *CallsWindow) selectedRow() int {
	for i, c := range w.page.rows {
		if c.ID == w.selected && w.selected != 0 {
			return i
		}
	}
	return -1
}
