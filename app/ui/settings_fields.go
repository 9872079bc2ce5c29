package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// settingField is one configuration key in the window: an entry, a
// check for an on/off key, or a choice, with a line under it that says
// what the key means, why its value is wrong, or where it is locked.
type settingField struct {
	key      string
	entry    *keyEntry
	check    *widget.Check
	choice   *widget.Select
	choices  []choice
	hint     *hint
	original string // the value in effect
	locked   bool   // set by the environment or .env
	onSubmit func() // Enter in the entry
}

// newSettingField builds the field for spec in win.
func newSettingField(spec settingSpec, win fyne.Window) *settingField {
	f := &settingField{key: spec.key, hint: hintLabel(), choices: spec.choices}
	switch {
	case spec.toggle:
		f.check = widget.NewCheck(spec.title, nil)
	case len(spec.choices) > 0:
		titles := make([]string, len(spec.choices))
		for i, c := range spec.choices {
			titles[i] = c.title
		}
		f.choice = widget.NewSelect(titles, nil)
	default:
		f.entry = newKeyEntry(win)
		f.entry.OnChanged = func(string) { f.validate() }
		f.entry.OnSubmitted = func(string) {
			if f.onSubmit != nil {
				f.onSubmit()
			}
		}
	}
	return f
}

func (f *settingField) widget() fyne.CanvasObject {
	switch {
	case f.check != nil:
		return f.check
	case f.choice != nil:
		return f.choice
	}
	return f.entry
}

func (f *settingField) value() string {
	switch {
	case f.check != nil:
		return strconv.FormatBool(f.check.Checked)
	case f.choice != nil:
		for _, c := range f.choices {
			if c.title == f.choice.Selected {
				return c.value
			}
		}
		return f.original
	}
	return strings.TrimSpace(f.entry.Text)
}

func (f *settingField) set(v string) {
	switch {
	case f.check != nil:
		f.check.SetChecked(v == "true")
	case f.choice != nil:
		for _, c := range f.choices {
			if c.value == v {
				f.choice.SetSelected(c.title)
			}
		}
	default:
		f.entry.SetText(v)
	}
}

// load shows the value in effect in cfg, locked when the environment
// or .env sets it.
func (f *settingField) load(cfg config.Config) {
	f.original = cfg.Value(f.key)
	f.set(f.original)
	f.locked = cfg.FromEnvironment(f.key)
	if f.locked {
		f.enable(false)
		setHint(f.hint, lockReason(f.key, cfg.Source[f.key]), widget.WarningImportance)
		return
	}
	f.enable(true)
	f.validate()
}

func (f *settingField) enable(on bool) {
	w, ok := f.widget().(fyne.Disableable)
	switch {
	case !ok:
	case on:
		w.Enable()
	default:
		w.Disable()
	}
}

// validate checks the value with config.Check and shows the reason it is
// wrong, else what the key means.
func (f *settingField) validate() error {
	err := config.Check(f.key, f.value())
	var ve *config.ValueError
	switch {
	case errors.As(err, &ve):
		setHint(f.hint, capitalise(i18n.T(ve.Want))+".", widget.DangerImportance)
	case err != nil:
		setHint(f.hint, i18n.Error(err), widget.DangerImportance)
	default:
		setHint(f.hint, meaning(f.key), widget.LowImportance)
	}
	return err
}

// lockReason says where a locked value comes from.
func lockReason(key, source string) string {
	where := source
	if source == config.SourceEnv {
		where = i18n.T("the environment")
	}
	return i18n.T("Set by {{.Key}} in {{.Where}}; change it there.", map[string]any{"Key": key, "Where": where})
}

// meaning is what config says a key means, as a sentence.
func meaning(key string) string {
	for _, k := range config.Keys {
		if k.Name == key {
			return capitalise(i18n.T(k.Meaning)) + "."
		}
	}
	return ""
}

func capitalise(s string) string {
	// sipgate writes its name in lower case, at the start of a sentence too.
	if s == "" || strings.HasPrefix(s, "sipgate") {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}
