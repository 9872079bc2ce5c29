package team

import (
	"fmt"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// BenchmarkWebhookToOtherDesk measures a call change's way from the
// receiver's tracker through the outbox, JetStream and the other desk's
// consumer into its tracker.
func BenchmarkWebhookToOtherDesk(b *testing.B) {
	rxFake, dkFake := newFake(), newFake()
	dkFake.merged = make(chan string, 1)
	rx := desk(b, Config{Listen: "127.0.0.1:0"}, b.TempDir(), rxFake)
	ready(b, desk(b, Config{URLs: []string{rx.ServerURL()}}, b.TempDir(), dkFake))
	ready(b, rx)
	b.ResetTimer()
	for i := range b.N {
		key := fmt.Sprintf("bench-%d", i)
		rxFake.webhook(key, calls.StatusRinging)
		if got := <-dkFake.merged; got != key {
			b.Fatalf("merged %s, want %s", got, key)
		}
	}
}
