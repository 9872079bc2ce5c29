package calls

import (
	"strconv"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/webhook"
)

// BenchmarkDecideNewCall is the in-memory part of Respond alone: find or
// create the call (asking the key filter whether the store may know it),
// settle it, pick sipgate's answer. The rest of Respond
// is waiting for the group commit. Each call is forgotten again, as the
// sweeper does, so the index stays the size of a real day's.
func BenchmarkDecideNewCall(b *testing.B) {
	opt := Options{PublicURL: "https://wic.example.org/sipgate"}.withDefaults()
	t := &Tracker{dir: noDirectory{}, opt: opt, log: opt.Logger, idx: newIndex(), keys: newKeyFilter(DefaultKeep)}
	t.keys.ready = true
	ev := webhook.Event{Type: webhook.NewCall, Direction: webhook.In, From: "+4921112345",
		To: "+4921155500123", Users: []string{"Anna Mayer"}}
	ids := make([]string, b.N)
	for i := range ids {
		ids[i] = "bench-" + strconv.Itoa(i)
	}
	now := time.Now().UTC()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		ev.CallID, ev.OrigCallID = ids[i], ids[i]
		_ = t.keys.mayHave(ev.CallID, ev.OrigCallID)
		c, _ := t.apply(ev, now)
		c.settle()
		if r := t.response(c, ev); r.OnAnswer == "" {
			b.Fatal("no subscription")
		}
		_ = c.clone()
		t.idx.remove(c)
	}
}
