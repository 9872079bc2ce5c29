package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/config"
)

// settingField is one configuration key in the window: an entry, or a
// check for an on/off key, with a line under it that says what the key
// means, why its value is wrong, or where it is locked.
type settingField struct {
	key      string
	entry    *widget.Entry
	check    *widget.Check
	hint     *hint
	original string // the value in effect
	locked   bool   // set by the environment or .env
}

func newSettingField(key, title string, toggle bool) *settingField {
	f := &settingField{key: key, hint: hintLabel()}
	if toggle {
		f.check = widget.NewCheck(title, nil)
		return f
	}
	f.entry = widget.NewEntry()
	f.entry.OnChanged = func(string) { f.validate() }
	return f
}

func (f *settingField) widget() fyne.CanvasObject {
	if f.check != nil {
		return f.check
	}
	return f.entry
}

func (f *settingField) value() string {
	if f.check != nil {
		return strconv.FormatBool(f.check.Checked)
	}
	return strings.TrimSpace(f.entry.Text)
}

// load shows the value in effect in cfg, locked when the environment
// or .env sets it.
func (f *settingField) load(cfg config.Config) {
	f.original = currentValue(cfg, f.key)
	if f.check != nil {
		f.check.SetChecked(f.original == "true")
	} else {
		f.entry.SetText(f.original)
	}
	f.locked = cfg.FromEnvironment(f.key)
	if f.locked {
		f.disable()
		setHint(f.hint, lockReason(f.key, cfg.Source[f.key]), widget.WarningImportance)
		return
	}
	f.enable()
	f.validate()
}

func (f *settingField) enable() {
	if f.check != nil {
		f.check.Enable()
	} else {
		f.entry.Enable()
	}
}

func (f *settingField) disable() {
	if f.check != nil {
		f.check.Disable()
	} else {
		f.entry.Disable()
	}
}

// validate checks the value with config.Check and shows the reason it is
// wrong, else what the key means.
func (f *settingField) validate() error {
	err := config.Check(f.key, f.value())
	var ve *config.ValueError
	switch {
	case errors.As(err, &ve):
		setHint(f.hint, capitalise(ve.Want)+".", widget.DangerImportance)
	case err != nil:
		setHint(f.hint, err.Error(), widget.DangerImportance)
	default:
		setHint(f.hint, meaning(f.key), widget.LowImportance)
	}
	return err
}

// lockReason says where a locked value comes from.
func lockReason(key, source string) string {
	where := source
	if source == config.SourceEnv {
		where = "the environment"
	}
	return "Set by " + key + " in " + where + "; change it there."
}

// meaning is what config says a key means, as a sentence.
func meaning(key string) string {
	for _, k := range config.Keys {
		if k.Name == key {
			return capitalise(k.Meaning) + "."
		}
	}
	return ""
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
