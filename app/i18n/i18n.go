// Package i18n holds every sentence and word a person reads of
// whoiscalling: call statuses, causes, durations, dates, "… ago", line
// types, the other party of a call, the windows' and popups' texts, and
// the sentences made from the app's typed errors. Other packages pass
// typed values or English source texts here and show what comes back, so
// a translation changes this package only.
//
// The translations are Fyne lang files (translations/en.json and
// de.json, embedded), keyed by the English text. The language is the
// system's (Fyne's choice from the locale) unless SetLanguage picks one;
// English is the source language and the fallback.
package i18n

import (
	"bytes"
	"sync"
	"sync/atomic"
	"text/template"
)

// Languages are the languages whoiscalling speaks, by their code.
var Languages = []string{"en", "de"}

// chosen is the language SetLanguage picked: "en", "de", or "" for the
// system's.
var chosen atomic.Value

// T translates the English text s into the language in use. data fills
// {{.Name}} placeholders.
func T(s string, data ...any) string {
	return fill(s, catalogs[Language()].text(s), data)
}

// N translates the English text s in the plural form that suits count;
// {{.N}} in the text is count unless data says otherwise.
func N(s string, count int, data ...any) string {
	if len(data) == 0 {
		data = []any{map[string]any{"N": count}}
	}
	return fill(s, catalogs[Language()].plural(s, count), data)
}

// Language is the code of the language in use: "en" or "de".
func Language() string {
	if l, _ := chosen.Load().(string); l != "" {
		return l
	}
	return systemLanguage()
}

var templates sync.Map // text → *template.Template

// fill executes text as a template with data[0]; a text without
// placeholders, or one that fails, is returned as it is.
func fill(key, text string, data []any) string {
	if len(data) == 0 || !bytes.Contains([]byte(text), []byte("{{")) {
		return text
	}
	t, ok := templates.Load(text)
	if !ok {
		parsed, err := template.New(key).Option("missingkey=zero").Parse(text)
		if err != nil {
			return text
		}
		t, _ = templates.LoadOrStore(text, parsed)
	}
	var b bytes.Buffer
	if err := t.(*template.Template).Execute(&b, data[0]); err != nil {
		return text
	}
	return b.String()
}
