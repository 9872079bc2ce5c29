package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// setSegment sets the text of segment i of rt. A rich text that cuts
// its text shapes it again on every refresh, so an unchanged text is
// left alone: list rows are set again on every redraw.
func setSegment(rt *widget.RichText, i int, text string) {
	seg := rt.Segments[i].(*widget.TextSegment)
	if seg.Text == text {
		return
	}
	seg.Text = text
	rt.Refresh()
}

// setLabel sets l's text and importance, refreshing it only when either
// changed.
func setLabel(l *widget.Label, text string, imp widget.Importance) {
	if l.Text == text && l.Importance == imp {
		return
	}
	l.Text, l.Importance = text, imp
	l.Refresh()
}

// setIcon shows res in i unless it shows a resource of that name already
// (themed resources are made anew for every look).
func setIcon(i *widget.Icon, res fyne.Resource) {
	if i.Resource != nil && res != nil && i.Resource.Name() == res.Name() {
		return
	}
	i.SetResource(res)
}

// nameLine is a bold name, cut with "…" when it does not fit, and a
// badge after it ("VIP") that is never cut.
type nameLine struct {
	widget.BaseWidget
	name, badge *widget.RichText
	box         *fyne.Container
}

// titleText is an empty name line.
func titleText() *nameLine {
	n := &nameLine{
		name: widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}}),
		badge: widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true},
			SizeName: theme.SizeNameCaptionText}}),
	}
	n.name.Truncation = fyne.TextTruncateEllipsis
	n.badge.Hide()
	n.box = container.NewBorder(nil, nil, nil, n.badge, n.name)
	n.ExtendBaseWidget(n)
	return n
}

// CreateRenderer draws the name and the badge.
func (n *nameLine) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(n.box) }

// badge is a short word after a name, in a colour: "VIP", "BLOCKED".
type badge struct {
	text  string
	color fyne.ThemeColorName
}

var (
	vipBadge     = badge{"VIP", theme.ColorNameWarning}
	blockedBadge = badge{"BLOCKED", theme.ColorNameError}
)

// setTitle shows name in the colour named (the foreground when ""), and
// the badge after it. Only what changed is drawn again.
func setTitle(n *nameLine, name string, color fyne.ThemeColorName, b badge) {
	seg := n.name.Segments[0].(*widget.TextSegment)
	if seg.Text != name || seg.Style.ColorName != color {
		seg.Text, seg.Style.ColorName = name, color
		n.name.Refresh()
	}
	text := ""
	if b.text != "" {
		text = i18n.T(b.text)
	}
	seg = n.badge.Segments[0].(*widget.TextSegment)
	if seg.Text == text && seg.Style.ColorName == b.color && n.badge.Hidden == (text == "") {
		return
	}
	seg.Text, seg.Style.ColorName = text, b.color
	n.badge.Hidden = text == ""
	n.badge.Refresh()
	relayout(n.box) // the name gets the width the badge leaves
}

// relayout places c's objects again after their sizes changed, without
// drawing each of them again as c.Refresh would.
func relayout(c *fyne.Container) {
	if c.Layout != nil {
		c.Layout.Layout(c.Objects, c.Size())
	}
}
