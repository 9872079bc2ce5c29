package team

import (
	"context"
	"sync"
	"testing"
)

// blocks records what OnBlocked reported.
type blocks struct {
	mu sync.Mutex
	m  map[string]bool
}

func (b *blocks) on(e BlockEntry) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.m == nil {
		b.m = map[string]bool{}
	}
	if e.Number != "" {
		b.m[e.Number] = e.Blocked
	}
}

func (b *blocks) is(e164 string, want bool) func() bool {
	return func() bool {
		b.mu.Lock()
		defer b.mu.Unlock()
		v, ok := b.m[e164]
		return ok && v == want
	}
}

func TestBlockListReachesReceivers(t *testing.T) {
	url := natsServer(t, -1).ClientURL()
	ctx := context.Background()
	var seen blocks
	desk(t, urlConfig(url), t.TempDir(), newFake(), func(o *Options) { o.Receiver, o.OnBlocked = true, seen.on })
	dk := desk(t, urlConfig(url), t.TempDir(), newFake())
	ready(t, dk)

	const spam, other = "+4915712345678", "anonymous"
	if err := dk.Block(ctx, spam); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "OnBlocked(spam, true)", seen.is(spam, true))
	if err := dk.Unblock(ctx, spam); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "OnBlocked(spam, false)", seen.is(spam, false))
	if err := dk.Block(ctx, other); err != nil {
		t.Fatal(err)
	}

	var late blocks
	desk(t, urlConfig(url), t.TempDir(), newFake(), func(o *Options) { o.OnBlocked = late.on })
	waitFor(t, "a desk started later to learn the blocked number", late.is(other, true))
	waitFor(t, "a desk started later to learn the unblocked number", late.is(spam, false))
	if err := dk.Block(ctx, ""); err == nil {
		t.Error("Block(\"\") = nil, want an error")
	}
}
