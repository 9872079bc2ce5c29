package contacts

import (
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	b, _ := newBook(t)
	mustAdd(t, b, Contact{FirstName: "Anna", LastName: "Müller", City: "Düsseldorf", Numbers: nums("0211 1234567", "0171 2345678")})
	mustAdd(t, b, Contact{Company: "Muster AG", Numbers: nums("+49 211 63555-0")})
	mustAdd(t, b, Contact{FirstName: "Tom", LastName: "Becker", Company: "Muster AG", Numbers: nums("0211 63555 21")})
	mustAdd(t, b, Contact{FirstName: "kari", LastName: "Nordmann", City: "Oslo", Numbers: nums("+47 22 12 34 56")})
	cases := []struct{ query, want string }{
		{"", "Anna Müller, kari Nordmann, Muster AG, Tom Becker"},
		{"  ", "Anna Müller, kari Nordmann, Muster AG, Tom Becker"},
		{"müller", "Anna Müller"},
		{"MÜLLER", "Anna Müller"},
		{"muster", "Muster AG, Tom Becker"},
		{"tom muster", "Tom Becker"},
		{"oslo", "kari Nordmann"},
		{"0211 1234567", "Anna Müller"},
		{"+49 211 123 45 67", "Anna Müller"},
		{"0049 211 1234567", "Anna Müller"},
		{"+49 (0)211 1234567", "Anna Müller"},
		{"492111234567", "Anna Müller"},
		{"1234567", "Anna Müller"},
		{"0211 63555", "Muster AG, Tom Becker"},
		{"0211 63555-0", "Muster AG"},
		{"+47 22", "kari Nordmann"},
		{"anna 0171", "Anna Müller"},
		{"anna 0172", ""},
		{"nobody", ""},
	}
	for _, c := range cases {
		list, err := b.List(ctx, c.query)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, x := range list {
			names = append(names, x.DisplayName())
		}
		if got := strings.Join(names, ", "); got != c.want {
			t.Errorf("List(%q) = %q, want %q", c.query, got, c.want)
		}
	}
}

func TestListReturnsCopies(t *testing.T) {
	b, _ := newBook(t)
	mustAdd(t, b, Contact{FirstName: "Anna", Numbers: nums("0211 1234567")})
	list, _ := b.List(ctx, "")
	list[0].FirstName, list[0].Numbers[0].E164 = "Mallory", "+1"
	if m, ok := b.Lookup("+492111234567"); !ok || m.Contact.FirstName != "Anna" {
		t.Errorf("changing a listed contact changed the book: %+v", m)
	}
}
