package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// callDetails is the right side of the calls window: everything known
// about the selected call, and the actions on its caller.
type callDetails struct {
	w       *CallsWindow
	content *fyne.Container
	body    *fyne.Container
	dense   *container.ThemeOverride
	hint    *widget.Label

	icon     *widget.Icon
	title    *widget.Label
	subtitle *widget.RichText
	status   *widget.Label
	facts    *fyne.Container
	match    *widget.Label
	legs     *fyne.Container

	actions                                *fyne.Container
	contact, copy, callBack, block, remove *widget.Button
	result                                 *hint                 // what the last action did
	blockAsk                               *dialog.FormDialog    // the last "Block …?" question for an unknown caller
	blockConfirm                           *dialog.ConfirmDialog // the last "Block …?" question for a contact
	deleteConfirm                          *dialog.ConfirmDialog // the last "Delete call?" question

	call  calls.Call
	party party
}

func newCallDetails(w *CallsWindow) *callDetails {
	d := &callDetails{w: w, icon: widget.NewIcon(nil), status: widget.NewLabel(""),
		facts: container.New(layout.NewFormLayout()), legs: container.NewVBox(),
		hint: widget.NewLabel(i18n.T("Select a call to see who it was and what happened."))}
	d.hint.Wrapping = fyne.TextWrapWord
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName, d.title.Truncation = theme.SizeNameSubHeadingText, fyne.TextTruncateEllipsis
	d.subtitle = secondaryText("")
	d.match = widget.NewLabel("")
	d.match.Wrapping = fyne.TextWrapWord
	d.status.TextStyle.Bold = true
	d.status.Wrapping = fyne.TextWrapWord
	head := container.NewBorder(nil, nil, container.NewCenter(d.icon), nil, container.NewVBox(d.title, d.subtitle))
	d.body = container.NewVBox(head, d.status, widget.NewSeparator(), d.facts,
		heading(i18n.T("How the caller was recognised")), d.match, heading(i18n.T("Legs")), d.legs)
	d.dense = container.NewThemeOverride(d.body, compactTheme{})
	actions := d.newActions()
	d.content = container.NewBorder(nil, actions, nil, nil,
		container.NewStack(container.NewVScroll(container.NewPadded(d.dense)), centered(d.hint)))
	d.clear()
	return d
}

// clear shows the hint instead of a call.
func (d *callDetails) clear() {
	d.call, d.party = calls.Call{}, party{}
	d.body.Hide()
	d.hint.Show()
	d.setActions()
	d.restyle()
}

// show fills the details with c.
func (d *callDetails) show(c calls.Call) {
	d.call, d.party = c, d.w.partyNow(c)
	lk := lookOf(c)
	d.icon.SetResource(lk.icon)
	d.title.SetText(d.party.Title())
	setSegment(d.subtitle, 0, subline(d.party))
	d.status.Importance = lk.imp
	status := statusLine(c, lk, d.w.now())
	if service.IsTestCall(c) {
		status = i18n.T("Test call") + " · " + status
	}
	d.status.SetText(status)
	d.facts.Objects = factRows(append(contactRows(d.party), facts(c, d.w.region)...))
	d.facts.Refresh()
	d.match.SetText(d.w.matchText(c, d.party))
	d.legs.Objects = legRows(c, d.w.region)
	d.legs.Refresh()
	d.hint.Hide()
	d.body.Show()
	d.setActions()
	d.restyle()
}

// restyle gives new rows the compact theme: a theme override must be
// refreshed when its content changes.
func (d *callDetails) restyle() {
	d.dense.Refresh()
}

// factRows lays out label/value pairs for a form layout.
func factRows(pairs [][2]string) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, p := range pairs {
		if p[1] == "" {
			continue
		}
		v := widget.NewLabel(p[1])
		v.Wrapping = fyne.TextWrapWord
		key := secondaryText(p[0])
		key.Segments[0].(*widget.TextSegment).Style.SizeName = theme.SizeNameText
		out = append(out, key, v)
	}
	return out
}

// contactRows are the caller's city and note, as the book has them.
func contactRows(p party) [][2]string {
	return [][2]string{{i18n.T("City"), p.City}, {i18n.T("Note"), p.Note}}
}
