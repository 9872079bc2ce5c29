package tunnel

import (
	"fmt"
	"slices"
	"strings"
)

// Health is the outcome of one watchdog round: OK, or what broke.
type Health struct {
	// URL is the public URL that was checked.
	URL string
	// Problems lists what broke, in the order the checks ran.
	Problems []Problem
}

// OK reports whether every check passed.
func (h Health) OK() bool { return len(h.Problems) == 0 }

// String is for logs.
func (h Health) String() string {
	if h.OK() {
		return "ok"
	}
	parts := make([]string, len(h.Problems))
	for i, p := range h.Problems {
		parts[i] = p.String()
	}
	return strings.Join(parts, "; ")
}

// same reports whether h and o have the same problems, so that a round
// that finds what the last one found is not reported again. Errors and
// counts do not take part: the same failure with other words is the same.
func (h Health) same(o Health) bool {
	return slices.Equal(h.keys(), o.keys())
}

func (h Health) keys() []string {
	keys := make([]string, len(h.Problems))
	for i, p := range h.Problems {
		keys[i] = p.key()
	}
	return keys
}

// Problem is one thing a watchdog round found broken: TestCallLost,
// SipgateElsewhere, DeliveriesFailing or CheckFailed.
type Problem interface {
	fmt.Stringer
	key() string
}

// TestCallLost: a test push sent through the public URL did not arrive.
type TestCallLost struct {
	// URL is where the test push was sent.
	URL string
	// Err is how sending failed.
	Err error
}

// SipgateElsewhere: sipgate sends calls to another URL than ours.
type SipgateElsewhere struct {
	// Theirs is what sipgate has configured ("" for nothing).
	Theirs string
	// Ours is the public URL sipgate should call.
	Ours string
}

// DeliveriesFailing: sipgate's webhook log shows failed deliveries.
type DeliveriesFailing struct {
	// Count is how many deliveries failed.
	Count int
}

// CheckFailed: a check could not be made (sipgate did not answer), so the
// path is not known to work.
type CheckFailed struct {
	// Check is "sipgate-url" or "deliveries".
	Check string
	// Err is why the check could not be made.
	Err error
}

func (TestCallLost) key() string       { return "test-call" }
func (p SipgateElsewhere) key() string { return "sipgate-url " + p.Theirs + " " + p.Ours }
func (DeliveriesFailing) key() string  { return "deliveries" }
func (p CheckFailed) key() string      { return "check " + p.Check }

// String is for logs; app/i18n words what a person reads.
func (p TestCallLost) String() string {
	return fmt.Sprintf("test call through %s did not arrive: %v", p.URL, p.Err)
}

// String is for logs.
func (p SipgateElsewhere) String() string {
	return fmt.Sprintf("sipgate sends calls to %q, not to %s", p.Theirs, p.Ours)
}

// String is for logs.
func (p DeliveriesFailing) String() string {
	return fmt.Sprintf("sipgate failed to deliver %d webhooks", p.Count)
}

// String is for logs.
func (p CheckFailed) String() string { return fmt.Sprintf("could not check %s: %v", p.Check, p.Err) }
