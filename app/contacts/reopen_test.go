package contacts

import "testing"

func TestReopenLoadsTheBook(t *testing.T) {
	b, st := newBook(t)
	// The numbers table is ordered by number: these come back in the
	// order given only because the position is stored.
	c := mustAdd(t, b, Contact{FirstName: "Anna", City: "Düsseldorf", VIP: true,
		Numbers: []Number{{Label: LabelHome, Raw: "0211 7654321"}, {Label: LabelWork, Raw: "0211 63555-0"},
			{Label: LabelMobile, Raw: "0151 12345678"}}})
	gone := mustAdd(t, b, Contact{FirstName: "Gone", Numbers: nums("0211 1111111", "0211 2222222")})
	if err := b.Remove(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	again, err := Open(st, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	got, err := again.Get(c.ID)
	if err != nil || !sameData(&got, &c) || !got.Created.Equal(c.Created) || !got.Updated.Equal(c.Updated) {
		t.Errorf("after reopen Get = %+v, %v; want %+v", got, err, c)
	}
	if m, ok := again.Lookup("+4921163555777"); !ok || m.Kind != MatchSwitchboard {
		t.Errorf("after reopen Lookup = %+v, %v", m, ok)
	}
	var rows int
	if err := st.R.QueryRow(`SELECT COUNT(*) FROM contact_numbers`).Scan(&rows); err != nil || rows != 3 || again.Count() != 1 {
		t.Errorf("after Remove: %d number rows (%v), %d contacts; want 3 and 1", rows, err, again.Count())
	}
	if v, err := st.Version("contacts"); err != nil || v != len(migrations) {
		t.Errorf("contacts schema version = %d, %v", v, err)
	}
}

func TestDisplayName(t *testing.T) {
	cases := []struct {
		c    Contact
		want string
	}{
		{Contact{FirstName: "Anna", LastName: "Müller", Company: "ACME"}, "Anna Müller"},
		{Contact{LastName: "Müller"}, "Müller"},
		{Contact{Company: "ACME"}, "ACME"},
		{Contact{Numbers: []Number{{Raw: "0211 1234567", E164: "+492111234567"}}}, "0211 1234567"},
		{Contact{Numbers: []Number{{E164: "+492111234567"}}}, "+492111234567"},
		{Contact{}, ""},
	}
	for _, c := range cases {
		if got := c.c.DisplayName(); got != c.want {
			t.Errorf("%+v.DisplayName() = %q, want %q", c.c, got, c.want)
		}
	}
}
