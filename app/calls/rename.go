package calls

import (
	"context"
	"slices"
	"time"
)

// renamePublish caps how many stored calls one Rename publishes, newest
// first: the ones a window or tray may show.
const renamePublish = 200

// renameChunk bounds how many stored calls Rename queues under t.mu at a
// time, so the webhook path never waits for a long rename.
const renameChunk = 256

// Rename names the calls of numbers that were saved as contacts after
// the calls came: every call (in memory and stored) whose other party is
// one of these E.164 numbers and has no contact yet takes what the
// Directory now says, as a new version, stored and published (the stored
// ones up to the newest renamePublish). It returns how many calls
// changed.
func (t *Tracker) Rename(ctx context.Context, numbers []string) (int, error) {
	who := map[string]Caller{}
	for _, n := range numbers {
		if c, ok := t.lookup(n); ok && c.ContactID != 0 {
			who[n] = c
		}
	}
	if len(who) == 0 {
		return 0, nil
	}
	rows, err := t.hist.unnamed(ctx, keysOf(who))
	if err != nil {
		return 0, err
	}
	n, err := t.renameMemory(ctx, who)
	if err != nil {
		return n, err
	}
	for start := 0; start < len(rows); start += renameChunk {
		m, err := t.renameRows(ctx, who, rows[start:min(start+renameChunk, len(rows))], start)
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// renameMemory renames the calls in memory.
func (t *Tracker) renameMemory(ctx context.Context, who map[string]Caller) (int, error) {
	now := t.now()
	var ws []*write
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return 0, ErrClosed
	}
	for _, c := range t.idx.byID {
		if w := t.renameCall(c, who, now); w != nil {
			ws = append(ws, w)
		}
	}
	t.mu.Unlock()
	return t.waitAll(ctx, ws)
}

// renameCall names c if it is one of who's and has no contact yet; t.mu
// is held.
func (t *Tracker) renameCall(c *call, who map[string]Caller, now time.Time) *write {
	cl, ok := who[c.Party()]
	if !ok || c.ContactID != 0 {
		return nil
	}
	c.name(cl)
	c.Version++
	return t.queueCall(c, now)
}

// renameRows renames stored calls; skip is how many came before them,
// newest first. A call in memory meanwhile is renamed there instead.
func (t *Tracker) renameRows(ctx context.Context, who map[string]Caller, rows []row, skip int) (int, error) {
	now := t.now()
	ws := make([]*write, 0, len(rows))
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return 0, ErrClosed
	}
	for i, r := range rows {
		if c := t.idx.byID[r.ID]; c != nil {
			if w := t.renameCall(c, who, now); w != nil {
				ws = append(ws, w)
			}
			continue
		}
		r.name(who[r.Party()])
		r.Version++
		ws = append(ws, t.push(update, r.Call, r.key, r.updated, skip+i < renamePublish))
	}
	t.mu.Unlock()
	return t.waitAll(ctx, ws)
}

func keysOf(m map[string]Caller) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
