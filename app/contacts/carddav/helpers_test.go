package carddav

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/contacts"
)

// openBook is a real contact book in a temporary data dir.
func openBook(t testing.TB) (*contacts.Book, string) {
	t.Helper()
	dir := t.TempDir()
	b, err := contacts.OpenIn(dir, nil, "DE", contacts.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b, dir
}

// card reads testdata/name.
func card(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// newClient is a Client of acct keeping its state in dir.
func newClient(t testing.TB, acct Account, dir string) *Client {
	t.Helper()
	c, err := New(acct, Options{StateFile: StatePath(dir)})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// mustSync syncs and fails the test on an error.
func mustSync(t testing.TB, c *Client, b Book) Result {
	t.Helper()
	res, err := c.Sync(context.Background(), b)
	if err != nil {
		t.Fatalf("Sync: %v", err)
	}
	return res
}

// counts is a report's numbers as text, for failure messages.
func counts(r Result) string {
	return fmt.Sprintf("added=%d updated=%d removed=%d unchanged=%d skipped=%d fetched=%d",
		r.Imported, r.Updated, r.Removed, r.Unchanged, r.Skipped, r.Fetched)
}

// named is the display name of the contact number resolves to, or "".
func named(b *contacts.Book, number string) string {
	m, ok := b.Lookup(number)
	if !ok {
		return ""
	}
	return m.Contact.DisplayName()
}
