package contacts

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
)

func TestAddGetUpdateRemove(t *testing.T) {
	b, _ := newBook(t)
	var changes atomic.Int32
	b.OnChange(func() { changes.Add(1) })
	c := mustAdd(t, b, Contact{FirstName: " Anna ", LastName: "Müller", Company: "ACME GmbH",
		Numbers: []Number{{Label: "Mobile", Raw: "0171 2345678"}, {Raw: "+49 211 63555-0"}, {Raw: "+49 171 2345678"}}})
	want := []Number{
		{Label: LabelMobile, Raw: "0171 2345678", E164: "+491712345678"},
		{Label: LabelOther, Raw: "+49 211 63555-0", E164: "+4921163555", Switchboard: true},
	}
	if c.ID == 0 || c.FirstName != "Anna" || len(c.Numbers) != 2 || c.Numbers[0] != want[0] || c.Numbers[1] != want[1] {
		t.Fatalf("Add = %+v, want ID, trimmed name and numbers %+v", c, want)
	}
	if got, err := b.Get(c.ID); err != nil || got.DisplayName() != "Anna Müller" || !got.Created.Equal(c.Created) {
		t.Errorf("Get(%d) = %+v, %v", c.ID, got, err)
	}
	c.Note, c.Numbers = "calls on Mondays", nums("0211 1234567")
	up, err := b.Update(ctx, c)
	if err != nil || up.Note != "calls on Mondays" || !up.Updated.After(up.Created) || !up.Created.Equal(c.Created) {
		t.Fatalf("Update = %+v, %v", up, err)
	}
	if _, ok := b.Lookup("+491712345678"); ok {
		t.Errorf("Lookup of a number the update removed still matches")
	}
	if m, ok := b.Lookup("+492111234567"); !ok || m.Contact.Note != "calls on Mondays" {
		t.Errorf("Lookup after Update = %+v, %v", m, ok)
	}
	if err := b.SetBlocked(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	if m, _ := b.Lookup("+492111234567"); !m.Contact.Blocked {
		t.Errorf("SetBlocked(true): Lookup says not blocked")
	}
	if err := b.SetBlocked(ctx, c.ID, true); err != nil {
		t.Fatal(err) // no change: no OnChange call
	}
	if err := b.Remove(ctx, c.ID); err != nil || b.Count() != 0 {
		t.Fatalf("Remove = %v, Count = %d", err, b.Count())
	}
	if _, err := b.Get(c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Remove: %v, want ErrNotFound", err)
	}
	if m, ok := b.Lookup("+492111234567"); ok {
		t.Errorf("Lookup after Remove = %+v", m)
	}
	if again := mustAdd(t, b, Contact{FirstName: "Ben", Numbers: nums("0211 1234567")}); again.ID <= c.ID {
		t.Errorf("a new contact got ID %d, not above the removed %d", again.ID, c.ID)
	}
	if got := changes.Load(); got != 5 {
		t.Errorf("OnChange called %d times, want 5 (add, update, block, remove, add)", got)
	}
}

func TestValidationChangesNothing(t *testing.T) {
	b, _ := newBook(t)
	owner := mustAdd(t, b, Contact{Company: "ACME GmbH", Numbers: nums("0211 1234567", "0211 63555-0")})
	cases := []struct {
		c    Contact
		want string
	}{
		{Contact{Numbers: nums("0211 7654321")}, "needs a name or a company"},
		{Contact{FirstName: "  ", Company: " "}, "needs a name or a company"},
		{Contact{FirstName: "Eva", Numbers: nums("0171 1")}, `number "0171 1" is too short for a German number`},
		{Contact{FirstName: "Eva", Numbers: nums("abc")}, "is not a phone number"},
		{Contact{FirstName: "Eva", Numbers: []Number{{Label: "fax", Raw: "0211 7654321"}}}, `unknown label "fax"`},
		{Contact{FirstName: "Eva", Numbers: nums("+49 211 123 45 67")}, `already belongs to "ACME GmbH"`},
		{Contact{FirstName: "Eva", Numbers: nums("+49 211 63555 - 0")}, `+49 211 63555-0 already belongs to "ACME GmbH"`},
	}
	for _, c := range cases {
		if got, err := b.Add(ctx, c.c); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Add(%+v) = %+v, %v; want error containing %q", c.c, got, err, c.want)
		}
	}
	other := mustAdd(t, b, Contact{FirstName: "Eva", Numbers: nums("0211 7654321")})
	other.Numbers = nums("0211 7654321", "0211 1234567")
	var dup *DuplicateError
	if _, err := b.Update(ctx, other); !errors.As(err, &dup) || dup.OwnerID != owner.ID {
		t.Errorf("Update taking ACME's number: %v, want *DuplicateError naming contact %d", err, owner.ID)
	}
	if _, err := b.Update(ctx, Contact{ID: 999, FirstName: "X"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Update(999): %v, want ErrNotFound", err)
	}
	if b.Count() != 2 {
		t.Errorf("Count = %d after failed changes, want 2", b.Count())
	}
	if m, _ := b.Lookup("+492111234567"); m.Contact.ID != owner.ID {
		t.Errorf("a failed change moved a number: %+v", m)
	}
}

func TestSetRegion(t *testing.T) {
	b, _ := newBook(t)
	ctx := context.Background()
	for _, tc := range []struct{ region, typed, want string }{
		{"DE", "0211 1234567", "+492111234567"},
		{"AT", "0316 123456", "+43316123456"},
	} {
		b.SetRegion(tc.region)
		c, err := b.Add(ctx, Contact{FirstName: tc.region, Numbers: []Number{{Label: LabelWork, Raw: tc.typed}}})
		if err != nil {
			t.Fatalf("Add(%s) in %s = %v", tc.typed, tc.region, err)
		}
		if got := c.Numbers[0].E164; got != tc.want {
			t.Errorf("Add(%s) in %s stored %s, want %s", tc.typed, tc.region, got, tc.want)
		}
	}
	if _, ok := b.Lookup("+492111234567"); !ok {
		t.Errorf("the number added under DE is gone after SetRegion(AT)")
	}
}
