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
	names  []string    // who called, oldest first
	next   int64       // the last summary ID used (they count down from -1)
}

type burstCall struct {
	at  time.Time
	who string
}

// fold reports whether m, a popup to show at now, belongs to a burst;
// then it returns the summary to show instead.
func (b *burst) fold(m Message, now time.Time) (Message, bool) {
	if m.Kind != KindIncoming {
		return m, false
	}
	if b.id != 0 && now.Sub(b.last) > burstWindow {
		b.id, b.names = 0, nil
	}
	keep := b.recent[:0]
	for _, r := range b.recent {
		if now.Sub(r.at) <= burstWindow {
			keep = append(keep, r)
		}
	}
	b.recent = keep
	if b.id == 0 && len(b.recent) < burstAfter {
		b.recent = append(b.recent, burstCall{now, m.Title})
		return m, false
	}
	if b.id == 0 {
		b.next--
		b.id = b.next
		for _, r := range b.recent {
			b.names = append(b.names, r.who)
		}
		b.recent = nil
	}
	b.last = now
	b.names = append(b.names, m.Title)
	return b.summary(), true
}

// summary is the burst's popup: "5 calls: Anna Mayer, 030 123456, …".
func (b *burst) summary() Message {
	shown := b.names[:min(burstNames, len(b.names))]
	list := strings.Join(shown, ", ")
	if len(b.names) > len(shown) {
		list += ", …"
	}
	return Message{
		Title:   i18n.N("{{.N}} calls", len(b.names)) + ": " + list,
		Body:    markup.Replace(i18n.T("They came at once: the recent calls show them all.")),
		CallID:  b.id,
		Kind:    KindBurst,
		Sticky:  true,
		Actions: []string{ActionOpen},
	}
}
