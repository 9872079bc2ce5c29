package contacts

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
)

var ctx = context.Background()

// quiet keeps test output free of the book's Info lines.
var quiet = WithLogger(slog.New(slog.DiscardHandler))

// newBook opens a book on a fresh SQLite database in t.TempDir().
func newBook(t testing.TB) (*Book, *store.Store) {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	b, err := Open(st, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	b.now = func() time.Time { clock = clock.Add(time.Second); return clock }
	return b, st
}

func mustAdd(t testing.TB, b *Book, c Contact) Contact {
	t.Helper()
	got, err := b.Add(ctx, c)
	if err != nil {
		t.Fatalf("Add(%+v): %v", c, err)
	}
	return got
}

func importFile(t testing.TB, b *Book, path string) Report {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := b.Import(ctx, f, path, nil)
	if err != nil {
		t.Fatalf("Import(%s): %v", path, err)
	}
	return rep
}

func nums(raws ...string) []Number {
	var out []Number
	for _, r := range raws {
		out = append(out, Number{Label: LabelWork, Raw: r})
	}
	return out
}
