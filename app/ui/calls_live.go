package ui

import (
	"cmp"
	"slices"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// follow hands every call change to the UI goroutine, and refreshes the
// relative times ("2 min ago") twice a minute, until sub is closed.
func (w *CallsWindow) follow(sub *calls.Subscription) {
	tick := time.NewTicker(30 * time.Second)
	defer tick.Stop()
	for {
		select {
		case c, ok := <-sub.C():
			if !ok {
				return
			}
			w.do(func() { w.apply(c) })
		case <-tick.C:
			w.do(w.redraw)
		}
	}
}

// apply puts a changed call into the rows: it replaces the row it was,
// leaves the Missed filter when its outcome changes, or appears in its
// place by ID. What a search matches is the history's business, so with
// a search the first page is simply asked for again.
func (w *CallsWindow) apply(c calls.Call) {
	p := &w.page
	if p.query.Search != "" {
		w.reload()
		return
	}
	i, found := slices.BinarySearchFunc(p.rows, c.ID, newestFirst)
	keep := p.query.Wants(c.Status)
	switch {
	case found && keep:
		p.rows[i] = c
	case found:
		p.rows = slices.Delete(p.rows, i, i+1)
	case keep && (p.done || i < len(p.rows)):
		p.rows = slices.Insert(p.rows, i, c)
	default:
		return
	}
	w.rowsChanged()
}

// newestFirst orders rows by descending ID for binary search.
func newestFirst(row calls.Call, id int64) int { return cmp.Compare(id, row.ID) }

// rowsChanged redraws the list, says why it is empty, and keeps the
// selection on the same call.
func (w *CallsWindow) rowsChanged() {
	w.empty.SetText(w.emptyText())
	w.empty.Hidden = len(w.page.rows) > 0
	w.list.Refresh()
	i, found := slices.BinarySearchFunc(w.page.rows, w.selected, newestFirst)
	switch {
	case w.selected == 0:
	case !found:
		w.list.UnselectAll()
		w.selected = 0
		w.details.clear()
	default:
		w.list.Select(i)
		w.details.show(w.page.rows[i])
	}
}

func (w *CallsWindow) emptyText() string {
	switch p := w.page; {
	case p.err != nil:
		return i18n.T("The call history cannot be read: {{.Err}}", map[string]any{"Err": i18n.Error(p.err)})
	case p.query.Search != "" || len(p.query.Statuses) > 0:
		return i18n.T("No calls match.")
	}
	return i18n.T("No calls yet. Calls appear here as sipgate reports them.")
}

// redraw draws the rows and the details again, for new relative times
// or after the contact book changed the names.
func (w *CallsWindow) redraw() {
	w.list.Refresh()
	if i, found := slices.BinarySearchFunc(w.page.rows, w.selected, newestFirst); found && w.selected != 0 {
		w.details.show(w.page.rows[i])
	}
}
