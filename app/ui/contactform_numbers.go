package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

// numberRow is one number of the form: its label, the number as typed,
// and under it the number as it will be stored or why it cannot be.
type numberRow struct {
	// chosen is true once the label came from the person or the book;
	// until then it follows the number: mobile for a mobile number.
	chosen bool
	label  *widget.Select
	entry  *keyEntry
	hint   *hint
	remove *widget.Button
	box    *fyne.Container
}

func (f *contactForm) add(n contacts.Number) {
	r := &numberRow{hint: hintLabel()}
	opts := make([]string, len(contacts.Labels))
	for i, l := range contacts.Labels {
		opts[i] = labelText(l)
	}
	r.label = widget.NewSelect(opts, nil)
	r.label.SetSelected(labelText(contacts.LabelWork))
	if n.Label != "" {
		r.label.SetSelected(labelText(n.Label))
		r.chosen = true
	}
	r.label.OnChanged = func(string) { r.chosen = true }
	r.entry = f.entry()
	r.entry.SetPlaceHolder(i18n.T("0211 1234567 or +49 211 1234567"))
	r.entry.SetText(n.Raw)
	r.entry.OnChanged = func(string) { r.check(f.region) }
	r.remove = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { f.drop(r) })
	r.remove.Importance = widget.LowImportance
	r.box = container.NewBorder(nil, r.hint, r.label, r.remove, r.entry)
	r.check(f.region)
	f.numbers = append(f.numbers, r)
	f.numberBox.Add(r.box)
}

func (f *contactForm) drop(r *numberRow) {
	for i, x := range f.numbers {
		if x == r {
			f.numbers = append(f.numbers[:i], f.numbers[i+1:]...)
		}
	}
	f.numberBox.Remove(r.box)
}

// check reads the typed number for region and shows the result: the
// international form it will be stored as, or the reason it is wrong.
func (r *numberRow) check(region string) error {
	text := strings.TrimSpace(r.entry.Text)
	if text == "" {
		setHint(r.hint, "", widget.LowImportance)
		r.hint.Hide()
		return nil
	}
	r.hint.Show()
	n, err := phone.ParseLenient(text, region)
	if err != nil {
		setHint(r.hint, i18n.Error(err), widget.DangerImportance)
		return err
	}
	r.guessLabel(n, region)
	shown := "→ " + n.International()
	switch {
	case n.Unverified != "":
		shown += " — " + i18n.T("kept, but unverified: {{.Why}}", map[string]any{"Why": i18n.Error(n.Doubt())})
		setHint(r.hint, shown, widget.WarningImportance)
		return nil
	case n.Switchboard:
		shown += " (" + i18n.T("switchboard: every extension belongs to this contact") + ")"
	}
	setHint(r.hint, shown, widget.SuccessImportance)
	return nil
}

// collectNumbers returns the numbers typed, leaving out empty rows, or
// what is wrong with each bad one.
func (f *contactForm) collectNumbers() ([]contacts.Number, []string) {
	var nums []contacts.Number
	var problems []string
	for i, r := range f.numbers {
		text := strings.TrimSpace(r.entry.Text)
		if text == "" {
			continue
		}
		if err := r.check(f.region); err != nil {
			problems = append(problems, i18n.T("Number {{.N}}: {{.Why}}.", map[string]any{"N": i + 1, "Why": i18n.Error(err)}))
			continue
		}
		nums = append(nums, contacts.Number{Label: r.labelValue(), Raw: text})
	}
	return nums, problems
}

// guessLabel labels a mobile number "mobile" and others "work", until
// the person picks a label.
func (r *numberRow) guessLabel(n phone.Number, region string) {
	if r.chosen {
		return
	}
	want := labelText(contacts.LabelWork)
	if phone.Describe(n.E164, region).LineType.Mobile() {
		want = labelText(contacts.LabelMobile)
	}
	if r.label.Selected != want {
		onChanged := r.label.OnChanged
		r.label.OnChanged = nil
		r.label.SetSelected(want)
		r.label.OnChanged = onChanged
	}
}

// labelValue is the label chosen, as the book stores it.
func (r *numberRow) labelValue() contacts.Label {
	for _, l := range contacts.Labels {
		if labelText(l) == r.label.Selected {
			return l
		}
	}
	return contacts.LabelOther
}
