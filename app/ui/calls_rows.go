package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// callRow is one line of the list: the outcome icon, the name (bold) with
// the number and company under it, and on the right when it was and how
// it ended.
type callRow struct {
	widget.BaseWidget
	icon          *widget.Icon
	title         *nameLine
	sub           *widget.RichText
	when, outcome *widget.Label
	content       *fyne.Container
}

func newCallRow() fyne.CanvasObject {
	r := &callRow{icon: widget.NewIcon(nil), title: titleText(), sub: secondaryText(""),
		when: widget.NewLabel(""), outcome: widget.NewLabel("")}
	r.sub.Truncation = fyne.TextTruncateEllipsis
	r.when.Alignment, r.outcome.Alignment = fyne.TextAlignTrailing, fyne.TextAlignTrailing
	r.outcome.SizeName = theme.SizeNameCaptionText
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	left := container.New(tight, r.title, r.sub)
	right := container.New(tight, r.when, r.outcome)
	r.content = container.NewBorder(nil, nil, container.NewCenter(r.icon), right, left)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row's container.
func (r *callRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

// updateRow fills row id of the list, and asks for the next page when
// the list comes near the end of what is loaded.
func (w *CallsWindow) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(w.page.rows) {
		return
	}
	if id >= len(w.page.rows)-prefetch {
		w.more()
	}
	o.(*callRow).set(w.page.rows[id], w.partyOf(w.page.rows[id]), w)
}

func (r *callRow) set(c calls.Call, p party, w *CallsWindow) {
	lk := lookOf(c)
	when, outcome := r.when.MinSize().Width, r.outcome.MinSize().Width
	setIcon(r.icon, lk.icon)
	setTitle(r.title, p.Title(), nameColor(c), partyBadge(p, c))
	setSegment(r.sub, 0, subline(p))
	setLabel(r.when, i18n.Ago(w.now(), c.StartedAt), widget.MediumImportance)
	setLabel(r.outcome, outcomeText(c, lk), lk.imp)
	if r.when.MinSize().Width != when || r.outcome.MinSize().Width != outcome {
		relayout(r.content) // the right column's width follows its texts
	}
}

// nameColor makes missed calls stand out.
func nameColor(c calls.Call) fyne.ThemeColorName {
	if c.Status == calls.StatusMissed {
		return theme.ColorNameError
	}
	return ""
}

// partyBadge marks blocked callers and VIPs.
func partyBadge(p party, c calls.Call) badge {
	switch {
	case p.Blocked:
		return blockedBadge
	case p.VIP || c.VIP:
		return vipBadge
	}
	return badge{}
}

// subline is what the row shows under the name: the number, and the
// company or, for an unknown number, where it is from.
func subline(p party) string {
	if p.Anonymous() {
		return i18n.T("number withheld")
	}
	if p.Name == "" {
		return p.Place // the number is the title
	}
	company := p.Company
	if company == p.Name {
		company = ""
	}
	return joinNonEmpty(" · ", p.Display, company)
}

// outcomeText is the row's second line on the right: the duration and who
// answered for an answered call, else the outcome in a word.
func outcomeText(c calls.Call, lk look) string {
	switch c.Status {
	case calls.StatusAnswered:
		if c.Direction == calls.Out {
			return i18n.T("Outgoing") + " · " + i18n.Duration(c.DurationSeconds)
		}
		return joinNonEmpty(" · ", i18n.Duration(c.DurationSeconds), i18n.Clean(c.AnsweredBy))
	case calls.StatusActive:
		return joinNonEmpty(" · ", lk.word, i18n.Clean(c.AnsweredBy))
	}
	return lk.word
}
