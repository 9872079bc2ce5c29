package bench

import (
	"bytes"
	"context"
	"log/slog"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

func TestSequences(t *testing.T) {
	tests := []struct {
		name        string
		plan        Plan
		n           int
		wantEvents  []webhook.EventType
		knownShare  [2]float64 // the share of known callers lies in [lo, hi]
		wantMissed  int
		missedShape []webhook.EventType
	}{
		{"half known", Plan{Seed: 1, Contacts: 100_000, Run: "a"}, 10_000,
			[]webhook.EventType{webhook.NewCall, webhook.Answer, webhook.Hangup}, [2]float64{0.47, 0.53}, 0, nil},
		{"other seed, small book", Plan{Seed: 42, Contacts: 3_000, Run: "b"}, 3_000,
			[]webhook.EventType{webhook.NewCall, webhook.Answer, webhook.Hangup}, [2]float64{0.45, 0.55}, 0, nil},
		{"no book: nobody known", Plan{Seed: 1, Run: "c"}, 1_000,
			[]webhook.EventType{webhook.NewCall, webhook.Answer, webhook.Hangup}, [2]float64{0, 0}, 0, nil},
		{"every 5th missed", Plan{Seed: 1, Contacts: 1_000, Run: "d", MissedEvery: 5}, 1_000,
			[]webhook.EventType{webhook.NewCall, webhook.Answer, webhook.Hangup}, [2]float64{0.45, 0.55}, 200,
			[]webhook.EventType{webhook.NewCall, webhook.Hangup}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := map[string]int{}
			known, missed := 0, 0
			for k := range tt.n {
				s := tt.plan.Sequence(k)
				if prev, dup := ids[s.CallID]; dup {
					t.Fatalf("Sequence(%d).CallID = %s, the same as Sequence(%d)'s", k, s.CallID, prev)
				}
				ids[s.CallID] = k
				if s.Known {
					known++
				}
				want := tt.wantEvents
				if s.Missed {
					missed++
					want = tt.missedShape
				}
				checkBodies(t, k, s, want)
			}
			share := float64(known) / float64(tt.n)
			if share < tt.knownShare[0] || share > tt.knownShare[1] {
				t.Errorf("%d of %d callers known (%.3f), want a share in %v", known, tt.n, share, tt.knownShare)
			}
			if missed != tt.wantMissed {
				t.Errorf("%d missed calls, want %d", missed, tt.wantMissed)
			}
		})
	}
}

// checkBodies parses the sequence's bodies as the webhook handler does.
func checkBodies(t *testing.T, k int, s Sequence, want []webhook.EventType) {
	t.Helper()
	bodies := s.Bodies()
	if len(bodies) != len(want) {
		t.Fatalf("Sequence(%d) has %d bodies, want %d", k, len(bodies), len(want))
	}
	for i, b := range bodies {
		ev, err := webhook.ParseBody(b)
		if err != nil {
			t.Fatalf("ParseBody(%q) = %v", b, err)
		}
		if ev.Type != want[i] || ev.CallID != s.CallID || ev.OrigCallID != s.CallID || ev.From != "+"+s.From || ev.Direction != webhook.In {
			t.Fatalf("ParseBody(%q) = %+v; want a %s of call %s from +%s", b, ev, want[i], s.CallID, s.From)
		}
		if ev.Type == webhook.NewCall && len(ev.Users) != len(s.Users) {
			t.Errorf("newCall rings %q, want %d users", ev.Users, len(s.Users))
		}
		if ev.Type == webhook.Answer && ev.User != s.Answerer.Name {
			t.Errorf("answer by %q, want %q", ev.User, s.Answerer.Name)
		}
	}
}

func TestSequenceIsDeterministic(t *testing.T) {
	p := Plan{Seed: 7, Contacts: 500, Run: "x"}
	for k := range 50 {
		a, b := p.Sequence(k), p.Sequence(k)
		if !bytes.Equal(bytes.Join(a.Bodies(), nil), bytes.Join(b.Bodies(), nil)) {
			t.Fatalf("Sequence(%d) differs between calls", k)
		}
	}
	q := p
	q.Run = "y"
	if p.Sequence(3).CallID == q.Sequence(3).CallID {
		t.Error("two run tags gave the same callId")
	}
}

func TestKnownCallersAreDistinct(t *testing.T) {
	p := Plan{Seed: 3, Contacts: 2_000}
	seen := map[int]int{}
	for k := range p.Contacts {
		c := p.contactFor(k)
		if prev, dup := seen[c]; dup {
			t.Fatalf("contactFor(%d) = %d, as contactFor(%d)", k, c, prev)
		}
		seen[c] = k
	}
}

// TestCallersAgainstTheBook imports a generated book and looks every
// caller up as the tracker does: known callers are found as the contact
// the plan says, unknown ones are found in no contact.
func TestCallersAgainstTheBook(t *testing.T) {
	const n = 1_000
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	book, err := contacts.Open(st, "DE", contacts.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	var vcf bytes.Buffer
	if err := WriteVCards(&vcf, 9, n); err != nil {
		t.Fatal(err)
	}
	rep, err := book.Import(context.Background(), &vcf, "gen.vcf", nil)
	if err != nil || rep.Imported != n || rep.Skipped != 0 || len(rep.Problems) != 0 {
		t.Fatalf("Import = %+v, %v; want %d imported, no problems", rep, err, n)
	}
	p := Plan{Seed: 9, Contacts: n}
	for k := range 3 * n {
		s := p.Sequence(k)
		m, ok := book.Lookup("+" + s.From)
		switch {
		case s.Known && !ok:
			t.Fatalf("known caller +%s (contact %d) not found", s.From, s.Contact)
		case s.Known && m.Contact.DisplayName() != ContactAt(9, s.Contact).Name():
			t.Fatalf("caller +%s found as %q, want %q", s.From, m.Contact.DisplayName(), ContactAt(9, s.Contact).Name())
		case !s.Known && ok:
			t.Fatalf("unknown caller +%s found as %q", s.From, m.Contact.DisplayName())
		}
	}
}
