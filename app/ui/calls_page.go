package ui

import (
	"context"
	"slices"
	"strings"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// pageSize is how many calls one query loads; prefetch is how close to
// the end of the loaded rows the list may scroll before the next page is
// asked for. The history may hold 100,000 calls: it is never loaded whole.
const (
	pageSize = 100
	prefetch = 30
)

// callPage is the part of the history the list shows: the rows loaded so
// far, newest first, for one filter. It lives on the UI goroutine.
type callPage struct {
	rows    []calls.Call
	query   calls.Query
	done    bool // the last page came back short: there is no more
	loading bool
	gen     int // bumped by every new filter, so late pages are dropped
	err     error
}

func (p *callPage) length() int { return len(p.rows) }

// filter is the query the search box and the Missed check ask for. The
// check lists the calls nobody took: missed, and taken by voicemail.
func (w *CallsWindow) filter() calls.Query {
	q := calls.Query{Search: strings.TrimSpace(w.search.Text), Limit: pageSize}
	if w.missed.Checked {
		q.Statuses = []calls.Status{calls.StatusMissed, calls.StatusVoicemail}
	}
	return q
}

// firstPage loads the newest page at once, so the window opens filled.
func (w *CallsWindow) firstPage() {
	w.page.query = w.filter()
	rows, err := w.src.Recent(context.Background(), w.page.query)
	w.setRows(w.page.gen, rows, err)
}

// reload loads the first page for the current filter in the background.
func (w *CallsWindow) reload() {
	w.page.gen++
	w.page.query, w.page.loading = w.filter(), true
	w.fetch(w.page.gen, w.page.query, w.setRows)
}

// more loads the page after the last row, unless one is on its way or
// there is no more.
func (w *CallsWindow) more() {
	p := &w.page
	if p.done || p.loading || len(p.rows) == 0 {
		return
	}
	p.loading = true
	q := p.query
	q.Before = p.rows[len(p.rows)-1].ID
	w.fetch(p.gen, q, w.appendRows)
}

// fetch runs q off the UI goroutine and hands the result to apply on it.
func (w *CallsWindow) fetch(gen int, q calls.Query, apply func(int, []calls.Call, error)) {
	go func() {
		rows, err := w.src.Recent(context.Background(), q)
		w.do(func() { apply(gen, rows, err) })
	}()
}

func (w *CallsWindow) setRows(gen int, rows []calls.Call, err error) {
	if gen != w.page.gen {
		return
	}
	w.page.rows = nil
	w.appendRows(gen, rows, err)
}

func (w *CallsWindow) appendRows(gen int, rows []calls.Call, err error) {
	p := &w.page
	if gen != p.gen {
		return
	}
	p.loading, p.err = false, err
	p.rows = append(p.rows, rows...)
	p.done = err != nil || len(rows) < pageSize
	w.rowsChanged()
}

// trim drops the pages after the first (unless one is on its way); the
// list asks for them again as it scrolls.
func (w *CallsWindow) trim() {
	p := &w.page
	if p.loading || len(p.rows) <= pageSize {
		return
	}
	p.rows, p.done = slices.Clone(p.rows[:pageSize]), false
	w.rowsChanged()
}
