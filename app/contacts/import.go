package contacts

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

// Report says what an import did.
type Report struct {
	Imported  int // new contacts
	Updated   int // existing contacts that changed
	Unchanged int // existing contacts the file matched, already up to date
	Skipped   int // entries not imported
	// Problems lists every skipped entry and every number left out of
	// an imported one, with the line it starts on and the reason.
	Problems []Problem
}

// Problem is one entry, or one number of an entry, that was not imported.
type Problem struct {
	Line   int    // the line the entry starts on (1-based)
	Entry  string // its name, or its first number
	Reason string
}

// Import reads contacts from a vCard (3.0 or 4.0) or CSV file and merges
// them into the book. name is the file's name; its extension (.vcf,
// .vcard, .csv, .txt) picks the format, else the content does. Each
// entry is merged into the contact that already has one of its numbers,
// else added; so importing the same file twice changes nothing.
// Entries with no name or no readable number are skipped and reported.
// Everything is written in one transaction: a file that cannot be read
// (a broken vCard, a stray quote in a CSV, no phone column) returns an
// error and changes nothing. progress, if not nil, is called now and
// then with the steps done of total (each entry is read, then written);
// it may be called from another goroutine, never from two at once.
func (b *Book) Import(ctx context.Context, r io.Reader, name string, progress func(done, total int)) (Report, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Report{}, fmt.Errorf("read %s: %w", name, err)
	}
	recs, format, err := decode(data, name)
	if err != nil {
		return Report{}, fmt.Errorf("%s cannot be imported, nothing was changed: %w", name, err)
	}
	p := newProgress(progress, 2*len(recs))
	b.readNumbers(recs, p)
	b.wmu.Lock()
	defer b.wmu.Unlock()
	pl := b.plan(recs)
	err = b.st.Tx(ctx, func(tx *sql.Tx) error { return pl.write(ctx, tx, p) })
	if err != nil {
		return Report{}, fmt.Errorf("import %s, nothing was changed: %w", name, err)
	}
	p.finish()
	if changed := pl.changed(); len(changed) > 0 {
		internContacts(changed)
		b.commit(changed)
	}
	b.log.Info("contacts imported", "format", format, "imported", pl.report.Imported,
		"updated", pl.report.Updated, "unchanged", pl.report.Unchanged, "skipped", pl.report.Skipped)
	for _, pr := range pl.report.Problems {
		b.log.Debug("import problem", "line", pr.Line, "entry", pr.Entry, "reason", pr.Reason)
	}
	return pl.report, nil
}
