package contacts

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// TestLookupBuildsTheContactOnce: a hit builds Match.Contact in at most
// two allocations, and a hit of a contact built before allocates
// nothing; a miss never does.
func TestLookupBuildsTheContactOnce(t *testing.T) {
	b, _ := newBook(t)
	mustAdd(t, b, Contact{FirstName: "Anna", City: "Köln", Numbers: nums("0211 1234567", "0171 2345678", "+49 211 63555-0")})
	x := b.idx.Load()
	fresh := testing.AllocsPerRun(100, func() {
		for i := range x.cache {
			x.cache[i].Store(nil)
		}
		if m, ok := b.Lookup("+4921163555123"); !ok || m.Contact.City != "Köln" || len(m.Contact.Numbers) != 3 {
			t.Fatalf("Lookup = %+v, %v", m, ok)
		}
	})
	if fresh > 2 {
		t.Errorf("Lookup that builds the contact allocates %v times, want at most 2", fresh)
	}
	if a := testing.AllocsPerRun(100, func() { b.Lookup("+4930999999") }); a != 0 {
		t.Errorf("Lookup of an unknown number allocates %v times, want 0", a)
	}
}

// TestIndexAfterManyChanges makes more small changes than the index
// keeps chunks for, so that it compacts itself, and checks every
// contact against a book loaded afresh from the file.
func TestIndexAfterManyChanges(t *testing.T) {
	b, st := newBook(t)
	var ids []int64
	for i := range maxChunks + 40 {
		c := mustAdd(t, b, Contact{FirstName: fmt.Sprint("P", i), City: "Köln",
			Numbers: nums(fmt.Sprintf("0211 7%06d", i), fmt.Sprintf("0221 %05d-0", 10000+i))})
		ids = append(ids, c.ID)
	}
	for i, id := range ids {
		switch i % 3 {
		case 0:
			if err := b.Remove(ctx, id); err != nil {
				t.Fatal(err)
			}
		case 1:
			c, err := b.Get(id)
			if err != nil {
				t.Fatal(err)
			}
			c.Note, c.Numbers = "edited", append(c.Numbers, nums(fmt.Sprintf("0171 9%06d", i))...)
			if _, err := b.Update(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n := len(b.idx.Load().arena.chunks); n > maxChunks {
		t.Errorf("the arena has %d chunks after many changes, want at most %d", n, maxChunks)
	}
	sameBook(t, b, st)
}

// TestIndexAfterLargeImport: a large import into a small book is
// indexed with shared words, as a load would, and stays correct.
func TestIndexAfterLargeImport(t *testing.T) {
	b, st := newBook(t)
	mustAdd(t, b, Contact{FirstName: "Anna", Numbers: nums("0211 1234567")})
	if _, err := b.Import(ctx, bytes.NewReader(benchVCards(3000)), "many.vcf", nil); err != nil {
		t.Fatal(err)
	}
	if x := b.idx.Load(); len(x.ws.list) == 0 || len(x.arena.chunks) != 1 {
		t.Errorf("after a large import: %d shared words, %d chunks; want it rebuilt with words", len(x.ws.list), len(x.arena.chunks))
	}
	sameBook(t, b, st)
}

// sameBook checks b's contacts, lookups and count against a book
// opened afresh on the same database.
func sameBook(t *testing.T, b *Book, st *store.Store) {
	t.Helper()
	again, err := Open(st, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	want, err := again.List(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := b.List(ctx, "")
	if err != nil || len(got) != len(want) || b.Count() != again.Count() || b.Count() != len(want) {
		t.Fatalf("List = %d contacts, %v; the reopened book has %d; Count %d", len(got), err, len(want), b.Count())
	}
	for i, w := range want {
		if !sameData(&got[i], &w) || got[i].ID != w.ID || !got[i].Updated.Equal(w.Updated) {
			t.Errorf("contact %+v, reopened %+v", got[i], w)
		}
		for _, n := range w.Numbers {
			m, ok := b.Lookup(n.E164)
			if !ok || m.Contact.ID != w.ID || m.Entry != n {
				t.Errorf("Lookup(%s) = %+v, %v; want contact %d", n.E164, m, ok, w.ID)
			}
		}
	}
}
