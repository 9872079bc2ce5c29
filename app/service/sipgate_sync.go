package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// SourceSipgate is the contacts' Source of those synced from sipgate.
const SourceSipgate = "sipgate"

// SyncSipgateContacts makes the book's sipgate contacts match sipgate's
// (shared, private and internal colleagues), paging through /contacts. A
// field the person edited here keeps the local value (contacts.Book.Sync).
func SyncSipgateContacts(ctx context.Context, c *sipgate.Client, book *contacts.Book) (contacts.Report, error) {
	remote, err := c.Contacts(ctx)
	if err != nil {
		return contacts.Report{}, err
	}
	list := make([]contacts.Contact, 0, len(remote))
	for _, r := range remote {
		list = append(list, contactOf(r.Facts()))
	}
	return book.Sync(ctx, SourceSipgate, list)
}

// contactOf is a sipgate contact as the book keeps it: the name split at
// its last space, each number with its label (a fax is "other").
func contactOf(f sipgate.ContactFacts) contacts.Contact {
	c := contacts.Contact{Company: f.Company, City: f.City, Source: SourceSipgate, RemoteID: f.ID}
	if i := strings.LastIndexByte(f.Name, ' '); i > 0 {
		c.FirstName, c.LastName = f.Name[:i], strings.TrimSpace(f.Name[i+1:])
	} else {
		c.FirstName = f.Name
	}
	for _, n := range f.Numbers {
		label := contacts.LabelOther
		switch n.Label {
		case sipgate.LabelMobile:
			label = contacts.LabelMobile
		case sipgate.LabelHome:
			label = contacts.LabelHome
		case sipgate.LabelWork:
			label = contacts.LabelWork
		}
		c.Numbers = append(c.Numbers, contacts.Number{Label: label, Raw: n.Number})
	}
	return c
}

// HistorySync is what SyncSipgateHistory did.
type HistorySync struct {
	// Read is how many call and voicemail entries sipgate sent.
	Read int
	// Added are the calls the app had not seen; Updated how many known
	// calls the history completed.
	Added   []calls.Call
	Updated int
	// Since is where the sync started reading (zero: everything sipgate
	// keeps).
	Since time.Time
}

// Missed are the added calls nobody took: what "calls while you were
// away" counts.
func (h HistorySync) Missed() []calls.Call {
	var out []calls.Call
	for _, c := range h.Added {
		if c.Direction == calls.In && (c.Status == calls.StatusMissed || c.Status == calls.StatusVoicemail) {
			out = append(out, c)
		}
	}
	return out
}

// historyOverlap reads a little before the newest stored call, for a
// call that began before it and ended after.
const historyOverlap = time.Hour

// SyncSipgateHistory merges sipgate's calls and voicemails since the
// newest stored call (all that sipgate keeps, the first time) into the history: a call the webhook saw (same
// callId, or the same number within a minute) is completed, never listed
// twice; a call made while the app was off is added. Running it again
// changes nothing.
func SyncSipgateHistory(ctx context.Context, c *sipgate.Client, t *calls.Tracker) (HistorySync, error) {
	var since time.Time
	if newest, err := t.Recent(ctx, calls.Query{Limit: 1}); err != nil {
		return HistorySync{}, err
	} else if len(newest) == 1 {
		since = newest[0].StartedAt.Add(-historyOverlap)
	}
	entries, err := c.CallHistory(ctx, since)
	if err != nil {
		return HistorySync{}, err
	}
	names := userNames(ctx, c)
	out := HistorySync{Since: since}
	for _, e := range entries {
		f, ok := e.Call()
		if !ok {
			continue
		}
		out.Read++
		merged, applied, err := t.Merge(ctx, callOf(f, names))
		if err != nil {
			return out, fmt.Errorf("merge sipgate's call %s: %w", f.EntryID, err)
		}
		switch {
		case applied && merged.Version == 1 && merged.Source == calls.FromSipgateHistory:
			out.Added = append(out.Added, merged)
		case applied:
			out.Updated++
		}
	}
	return out, nil
}

// userNames maps sipgate's user ids (w0) to names, as the webhook names
// users; without the users:read scope the ids stay.
func userNames(ctx context.Context, c *sipgate.Client) map[string]string {
	users, err := c.Users(ctx)
	if err != nil {
		return nil
	}
	m := make(map[string]string, len(users))
	for _, u := range users {
		m[u.ID] = u.Name()
	}
	return m
}

// historyKeyPrefix marks the key of a history entry that has no callId.
const historyKeyPrefix = "sipgate-history-"

// callOf is a history entry as a call state to merge.
func callOf(f sipgate.CallFacts, names map[string]string) calls.Call {
	name := func(ext string) string {
		if n := names[ext]; n != "" {
			return n
		}
		return ext
	}
	c := calls.Call{Direction: calls.Out, From: f.From, To: f.To, Status: calls.Status(f.Outcome),
		StartedAt: f.StartedAt, Source: calls.FromSipgateHistory, Version: 1, Note: f.Note,
		DurationSeconds: int(f.Duration / time.Second), Users: []string{}}
	if f.Incoming {
		c.Direction = calls.In
	}
	for _, ext := range f.Rung {
		c.Users = append(c.Users, name(ext))
	}
	switch f.AnsweredBy {
	case "":
	case sipgate.AnsweredByVoicemail:
		c.AnsweredBy = f.AnsweredBy
	default:
		c.AnsweredBy = name(f.AnsweredBy)
	}
	if c.Status != calls.StatusRinging && c.Status != calls.StatusActive {
		end := f.StartedAt.Add(f.Duration)
		c.EndedAt = &end
	}
	// A voicemail entry has no callId: its entry id keys it, so that the
	// next sync finds it rather than adding it again.
	key := f.CallID
	if key == "" {
		key = historyKeyPrefix + f.EntryID
	}
	c.Legs = []calls.Leg{{CallID: key, Users: c.Users, AnsweredBy: c.AnsweredBy,
		Voicemail: c.Status == calls.StatusVoicemail, StartedAt: f.StartedAt, EndedAt: c.EndedAt}}
	return c
}
