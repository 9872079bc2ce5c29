package notify

import (
	"strings"
	"time"

	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// A burst is more than burstAfter incoming calls with less than
// burstWindow between each and the burstAfter-th before it: the calls
// after those get one summary popup, updated in place, instead of a popup
// each.
const (
	burstWindow = 2 * time.Second
	burstAfter  = 3
	burstNames  = 3 // names the summary lists before "…"
)

// burst folds bursts of ringing calls into a summary. A Notifier keeps it
// on its own goroutine.
type burst struct {
	recent []burstCall // the incoming popups shown, within burstWindow
	id     int64       // the summary's message ID while a burst goes on; 0: none
	last   time.Time   // when the last call of the burst rang
	names  []string    // who called, oldest first, the first burstNames
	count  int         // how many calls the burst has
	next   int64       // the last summary ID used (they count down from -1)
}

type burstCall struct {
	at  time.Time
	who string
}

// fold reports whether a popup of kind, to show at now, belongs to a
// burst; then it returns the summary to show instead. m makes the call's
// own popup: it is asked for when the call pops up by itself, and for
// the title of the few calls the summary names, so a call deep in a
// burst costs no formatting at all.
func (b *burst) fold(kind Kind, m func() Message, now time.Time) (Message, bool) {
	if kind != KindIncoming {
		return Message{}, false
	}
	if b.id != 0 && now.Sub(b.last) > burstWindow {
		b.id, b.names, b.count = 0, nil, 0
	}
	keep := b.recent[:0]
	for _, r := range b.recent {
		if now.Sub(r.at) <= burstWindow {
			keep = append(keep, r)
		}
	}
	b.recent = keep
	if b.id == 0 && len(b.recent) < burstAfter {
		b.recent = append(b.recent, burstCall{now, m().Title})
		return Message{}, false
	}
	if b.id == 0 {
		b.next--
		b.id = b.next
		for _, r := range b.recent {
			b.add(func() string { return r.who })
		}
		b.recent = nil
	}
	b.last = now
	b.add(func() string { return m().Title })
	return Message{CallID: b.id, Kind: KindBurst, count: b.count, names: b.names}, true
}

// add counts a call of the burst, and keeps its name while the summary
// lists fewer than burstNames.
func (b *burst) add(who func() string) {
	b.count++
	if len(b.names) < burstNames {
		b.names = append(b.names, who())
	}
}

// complete is m as it is shown: a burst's summary gets its words when
// it is sent, not for each call that joins the burst (under load most of
// those are replaced before they are sent).
func (m Message) complete() Message {
	if m.Kind != KindBurst || m.Title != "" {
		return m
	}
	return summary(m.CallID, m.count, m.names)
}

// summary is a burst's popup: "5 calls: Anna Mayer, 030 123456, …".
func summary(id int64, count int, names []string) Message {
	list := strings.Join(names, ", ")
	if count > len(names) {
		list += ", …"
	}
	return Message{
		Title:   i18n.N("{{.N}} calls", count) + ": " + list,
		Body:    markup.Replace(i18n.T("They came at once: the recent calls show them all.")),
		CallID:  id,
		Kind:    KindBurst,
		Sticky:  true,
		Actions: []string{ActionOpen},
		count:   count,
		names:   names,
	}
}
