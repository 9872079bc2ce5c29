package contacts

import (
	"fmt"
	"sync"
	"testing"
)

// lookupBook has an exact number, a switchboard, a deeper switchboard
// inside it (a department), and a direct line inside the switchboard.
func lookupBook(t *testing.T) *Book {
	b, _ := newBook(t)
	mustAdd(t, b, Contact{FirstName: "Anna", Numbers: nums("+49 211 1234567")})
	mustAdd(t, b, Contact{Company: "Muster AG", Numbers: nums("+49 211 63555-0")})
	mustAdd(t, b, Contact{Company: "Muster AG Einkauf", Numbers: nums("0211 63555 12-0")})
	mustAdd(t, b, Contact{FirstName: "Tom", Numbers: nums("0211 63555 99")})
	mustAdd(t, b, Contact{FirstName: "Kari", Numbers: nums("+47 22 12 34 56")})
	return b
}

var lookupCases = []struct {
	number, want string
	kind         MatchKind
	bookNumber   string
}{
	{"+492111234567", "Anna", MatchExact, "+492111234567"},
	{"492111234567", "Anna", MatchExact, "+492111234567"}, // sipgate's digits
	{"+4921163555345", "Muster AG", MatchSwitchboard, "+4921163555"},
	{"4921163555345", "Muster AG", MatchSwitchboard, "+4921163555"},
	{"+49211635550", "Muster AG", MatchExact, "+4921163555"}, // the central number
	{"+4921163555", "Muster AG", MatchSwitchboard, "+4921163555"},
	{"+4921163555121", "Muster AG Einkauf", MatchSwitchboard, "+492116355512"},
	{"+49211635551", "Muster AG", MatchSwitchboard, "+4921163555"},
	{"+492116355599", "Tom", MatchExact, "+492116355599"},
	{"+4722123456", "Kari", MatchExact, "+4722123456"},
	{"+4921163556", "", "", ""},
	{"+49211", "", "", ""},
	{"+4921112345678", "", "", ""},
	{"", "", "", ""},
	{"+", "", "", ""},
	{"anonymous", "", "", ""},
}

func TestLookup(t *testing.T) {
	b := lookupBook(t)
	for _, c := range lookupCases {
		m, ok := b.Lookup(c.number)
		if c.want == "" {
			if ok {
				t.Errorf("Lookup(%q) = %s (%s), want no match", c.number, m.Contact.DisplayName(), m.Kind)
			}
			continue
		}
		if !ok || m.Contact.DisplayName() != c.want || m.Kind != c.kind || m.Number != c.bookNumber || m.Entry.E164 != c.bookNumber {
			t.Errorf("Lookup(%q) = %+v, %v; want %s, %s via %s", c.number, m, ok, c.want, c.kind, c.bookNumber)
		}
	}
}

func TestLookupDoesNotAllocate(t *testing.T) {
	b := lookupBook(t)
	for _, n := range []string{"+492111234567", "+4921163555123", "4921163555121"} {
		if a := testing.AllocsPerRun(100, func() { b.Lookup(n) }); a != 0 {
			t.Errorf("Lookup(%q) allocates %v times, want 0", n, a)
		}
	}
}

// TestLookupWhileEditing runs lookups next to changes; with -race it
// shows the index is safe for concurrent use.
func TestLookupWhileEditing(t *testing.T) {
	b := lookupBook(t)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if m, ok := b.Lookup("+4921163555123"); !ok || m.Contact.Company == "" {
					t.Errorf("Lookup during edits = %+v, %v", m, ok)
					return
				}
			}
		})
	}
	for i := range 50 {
		c := mustAdd(t, b, Contact{FirstName: fmt.Sprint("P", i), Numbers: nums(fmt.Sprintf("0211 7%06d", i))})
		c.Note = "edited"
		if _, err := b.Update(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
}

// TestMatchCaller: what a lookup hands the call tracker carries every
// field the popups and windows show.
func TestMatchCaller(t *testing.T) {
	b, _ := newBook(t)
	added := mustAdd(t, b, Contact{FirstName: "Anna", LastName: "Mayer", Company: "Muster AG", City: "Düsseldorf",
		Note: "Rückruf nur vormittags", VIP: true, Numbers: nums("+49 211 1234567")})
	m, ok := b.Lookup("+492111234567")
	if !ok {
		t.Fatal("Lookup found nobody")
	}
	got := m.Caller()
	if got.ContactID != added.ID || got.Name != "Anna Mayer" || got.Company != "Muster AG" || got.City != "Düsseldorf" ||
		got.Note != "Rückruf nur vormittags" || !got.VIP || got.Blocked || got.Match != "exact" {
		t.Errorf("Caller() = %+v", got)
	}
}
