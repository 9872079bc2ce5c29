package service

import (
	"context"
	"time"

	"github.com/whoiscalling/whoiscalling/app/team"
)

// blockSync keeps the contact book's blocked numbers and the team's block
// list alike: a number blocked (or unblocked) on any desk is blocked (or
// unblocked) in every desk's book, so whichever desk receives the
// webhooks rejects that caller's next call. Where both changed, the later
// change wins. One goroutine (run) does all the work.
type blockSync struct {
	r     *teamRunner
	entry chan team.BlockEntry
	kick  chan struct{}

	// local are the exact numbers of blocked contacts, as last read;
	// known the team's entries; loaded is set once the entries present
	// at the start were told.
	local  map[string]bool
	known  map[string]team.BlockEntry
	loaded bool
}

func newBlockSync(r *teamRunner) *blockSync {
	return &blockSync{r: r, entry: make(chan team.BlockEntry, 256), kick: make(chan struct{}, 1),
		known: map[string]team.BlockEntry{}}
}

// fromTeam is the team's OnBlocked: it hands the entry to run.
func (b *blockSync) fromTeam(e team.BlockEntry) {
	select {
	case b.entry <- e:
	case <-b.r.s.consumers.ctx.Done():
	}
}

func (b *blockSync) run(ctx context.Context) {
	b.r.s.Book.OnChange(func() {
		select {
		case b.kick <- struct{}{}:
		default:
		}
	})
	b.local = b.blockedInBook(ctx)
	for {
		select {
		case <-ctx.Done():
			return
		case e := <-b.entry:
			b.teamChanged(ctx, e)
		case <-b.kick:
			b.bookChanged(ctx)
		}
	}
}

// blockedInBook reads the exact numbers of the book's blocked contacts.
func (b *blockSync) blockedInBook(context.Context) map[string]bool {
	return b.r.s.Book.BlockedNumbers()
}

// bookChanged tells the team what this desk's book blocked or unblocked.
func (b *blockSync) bookChanged(ctx context.Context) {
	now := b.blockedInBook(ctx)
	for n := range now {
		if !b.local[n] {
			b.tell(ctx, n, true)
		}
	}
	for n := range b.local {
		if !now[n] {
			b.tell(ctx, n, false)
		}
	}
	b.local = now
}

// tell puts a change on the team's block list unless it says so already.
func (b *blockSync) tell(ctx context.Context, number string, blocked bool) {
	if e, ok := b.known[number]; ok && e.Blocked == blocked || !ok && !blocked {
		return
	}
	tm := b.r.current()
	if tm == nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var err error
	if blocked {
		err = tm.Block(ctx, number)
	} else {
		err = tm.Unblock(ctx, number)
	}
	if err != nil {
		b.r.s.Logger.Warn("team: the block list was not updated; it will be when this desk reconnects", "err", err)
		b.r.s.Logger.Debug("team: block list change not sent", "number", number, "blocked", blocked)
	}
}
