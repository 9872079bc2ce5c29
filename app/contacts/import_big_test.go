package contacts

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

func TestImportUpdatesMany(t *testing.T) {
	b, _ := newBook(t)
	data := benchVCards(bigCommit + 500)
	if rep, err := b.Import(ctx, bytes.NewReader(data), "many.vcf", nil); err != nil || rep.Imported != bigCommit+500 {
		t.Fatalf("Import = %+v, %v", rep, err)
	}
	changed := bytes.ReplaceAll(data, []byte("Kunde seit"), []byte("Kundin seit"))
	rep, err := b.Import(ctx, bytes.NewReader(changed), "many.vcf", nil)
	if err != nil || rep.Updated != bigCommit+500 || rep.Imported != 0 {
		t.Fatalf("Import of changed notes = %+v, %v", rep, err)
	}
	if m, ok := b.Lookup("+492111000001"); !ok || !strings.HasPrefix(m.Contact.Note, "Kundin seit") {
		t.Errorf("Lookup after the update = %+v, %v", m, ok)
	}
	reopened, err := Open(b.st, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := reopened.Lookup("+491712000007"); !ok || !strings.HasPrefix(m.Contact.Note, "Kundin seit") || reopened.Count() != b.Count() {
		t.Errorf("after reopening: Lookup = %+v, %v; Count %d", m, ok, reopened.Count())
	}
}

func TestImportCancelled(t *testing.T) {
	b, _ := newBook(t)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	data, _ := os.ReadFile("testdata/messy.vcf")
	if rep, err := b.Import(cancelled, bytes.NewReader(data), "messy.vcf", nil); err == nil || b.Count() != 0 {
		t.Errorf("Import with a cancelled context = %+v, %v; Count %d", rep, err, b.Count())
	}
}
