package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// doer runs a function on the UI goroutine. It is fyne.Do in the app;
// tests put in a queue they drain on their own goroutine, which is the
// UI goroutine of the test driver.
type doer func(func())

// boldLabel is a label for a name.
func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// secondaryText is smaller, quieter text for numbers and details.
func secondaryText(text string) *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}})
}

// hint is the caption line under a field that says what it will be or
// why it is wrong. Text and Importance are what it shows; the colour
// follows the importance, with quiet grey for low.
type hint struct {
	widget.RichText
	Text       string
	Importance widget.Importance
}

func hintLabel() *hint {
	h := &hint{}
	h.Segments = []widget.RichTextSegment{&widget.TextSegment{
		Style: widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText}}}
	h.Wrapping, h.Scroll = fyne.TextWrapWord, container.ScrollNone
	h.ExtendBaseWidget(h)
	return h
}

// importanceColors are the colours of a hint's importances.
var importanceColors = map[widget.Importance]fyne.ThemeColorName{
	widget.LowImportance:     theme.ColorNamePlaceHolder,
	widget.MediumImportance:  theme.ColorNameForeground,
	widget.HighImportance:    theme.ColorNamePrimary,
	widget.DangerImportance:  theme.ColorNameError,
	widget.WarningImportance: theme.ColorNameWarning,
	widget.SuccessImportance: theme.ColorNameSuccess,
}

// setHint shows text in h, coloured by importance.
func setHint(h *hint, text string, imp widget.Importance) {
	h.Text, h.Importance = text, imp
	seg := h.Segments[0].(*widget.TextSegment)
	seg.Text, seg.Style.ColorName = text, importanceColors[imp]
	h.Refresh()
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// compactTheme is the app's theme with half the padding inside labels,
// for dense panels of facts.
type compactTheme struct{}

func (compactTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

func (t compactTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

func (t compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t compactTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInnerPadding {
		return t.base().Size(n) / 2
	}
	return t.base().Size(n)
}

// centered puts a wrapping label in the middle of the space it gets,
// at the full width: a wrapping label in a Center container would get
// no width and break after every letter.
func centered(l *widget.Label) fyne.CanvasObject {
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = fyne.TextAlignCenter
	return container.NewPadded(container.NewVBox(layout.NewSpacer(), l, layout.NewSpacer()))
}
