package contacts

import (
	"context"
	"maps"
	"slices"
	"testing"
)

func TestBlockedNumbers(t *testing.T) {
	b, _ := newBook(t)
	ctx := context.Background()
	add := func(c Contact) Contact {
		t.Helper()
		got, err := b.Add(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	add(Contact{FirstName: "Kept", Numbers: []Number{{Raw: "0211 1111111"}}})
	add(Contact{FirstName: "Spam", Blocked: true, Numbers: []Number{{Raw: "0211 2222222"}, {Raw: "0171 3333333"}}})
	add(Contact{Company: "Switchboard", Blocked: true, Numbers: []Number{{Raw: "+49 211 63555-0"}}})
	got := slices.Sorted(maps.Keys(b.BlockedNumbers()))
	if want := []string{"+491713333333", "+492112222222"}; !slices.Equal(got, want) {
		t.Errorf("BlockedNumbers = %v, want %v", got, want)
	}
}
