package notify

import (
	"slices"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

func TestPopupsInGerman(t *testing.T) {
	if err := i18n.SetLanguage("de"); err != nil {
		t.Fatal(err)
	}
	defer i18n.SetLanguage("en")
	m, _ := Decide(unknown(calls.StatusMissed), nil, on)
	if m.Title != "Verpasster Anruf von 0211 1234567" || m.Body != "Düsseldorf · Festnetz\nauf 0211 55500123 · Anna Mayer, Marcus Satt" {
		t.Errorf("German missed popup = %q / %q", m.Title, m.Body)
	}
	if got := actionList(m.Actions); !slices.Equal(got, []string{"default", "Öffnen", "call-back", "Zurückrufen", "add-contact", "Kontakt anlegen", "open", "Öffnen"}) {
		t.Errorf("German actions = %q", got)
	}
	var b burst
	for i := range 5 {
		m := Message{CallID: int64(i + 1), Kind: KindIncoming, Title: "Anna Mayer"}
		m, _ = b.fold(m.Kind, func() Message { return m }, steps(0)())
		m = m.complete()
		if i == 4 && m.Title != "5 Anrufe: Anna Mayer, Anna Mayer, Anna Mayer, …" {
			t.Errorf("German burst = %q", m.Title)
		}
	}
}
