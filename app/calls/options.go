package calls

import (
	"log/slog"
	"time"
)

// Caller is what the contacts book knows about a number.
type Caller struct {
	ContactID int64
	Name      string
	Company   string
	City      string
	Note      string
	VIP       bool
	// Blocked callers are rejected with a busy tone.
	Blocked bool
	// Match says how the number matched: "exact" or "switchboard".
	Match string
	// Place is, for a number no contact has (Caller's false answer),
	// where it is registered; kept with the call (Call.Place).
	Place string
}

// Directory looks up the other party of a call. It is called on the
// webhook path, so it must answer from memory. main adapts the contacts
// book to it. For a number no contact has it answers false, with the
// number's Place if it knows it.
type Directory interface {
	Caller(number string) (Caller, bool)
}

// Options configure a Tracker. The zero value is usable.
type Options struct {
	// PublicURL is the absolute URL sipgate posts answer and hangup events
	// to (WEBHOOK_SERVER_ADDRESS). Empty: newCalls subscribe to nothing.
	PublicURL string
	// StaleAfter is how long a ringing or active call may go without an
	// event before it becomes unknown (default 4h).
	StaleAfter time.Duration
	// SweepEvery is how often the tracker looks for stale calls by itself
	// (default StaleAfter/8, between 1s and 1min; negative: never, the
	// owner calls Sweep).
	SweepEvery time.Duration
	// Keep is how many calls the history keeps, newest first (default
	// 100,000; negative keeps everything).
	Keep int
	// Now is the clock (default time.Now); tests set it.
	Now func() time.Time
	// Logger receives the tracker's logs (default: discarded).
	Logger *slog.Logger
	// journalAlways journals every webhook change, even one alone, and
	// foldAfter overrides the journal's fold delay (tests of the
	// journal).
	journalAlways bool
	foldAfter     time.Duration
}

// Defaults of Options.
const (
	DefaultStaleAfter = 4 * time.Hour
	DefaultKeep       = 100_000
)

func (o Options) withDefaults() Options {
	if o.StaleAfter <= 0 {
		o.StaleAfter = DefaultStaleAfter
	}
	if o.SweepEvery == 0 {
		o.SweepEvery = min(max(o.StaleAfter/8, time.Second), time.Minute)
	}
	if o.Keep == 0 {
		o.Keep = DefaultKeep
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.foldAfter <= 0 {
		o.foldAfter = foldAfter
	}
	return o
}

type noDirectory struct{}

func (noDirectory) Caller(string) (Caller, bool) { return Caller{}, false }
