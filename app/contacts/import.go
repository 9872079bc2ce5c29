package contacts

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

// Report says what an import (or a Sync) did.
type Report struct {
	Format    Format // the format detected
	Encoding  string // the text encoding detected: "UTF-8", "UTF-16", "Windows-1252"
	Imported  int    // new contacts
	Updated   int    // existing contacts that changed
	Unchanged int    // existing contacts the file matched, already up to date
	Skipped   int    // entries not imported
	Removed   int    // contacts Sync removed
	// Problems lists every skipped entry, every entry imported without
	// a number, and every number left out of an entry or kept
	// unverified, with the line the entry starts on and the reason.
	Problems []Problem
}

// Problem is one entry, or one number of an entry, that was not
// imported as it was.
type Problem struct {
	Line   int    // the line the entry starts on (1-based)
	Entry  string // its name, or its first number
	Reason Reason // what happened, as a code and the facts
}

// Import reads contacts from a file and merges them into the book. The
// content decides the format (the name only when the content cannot):
// vCard 2.1, 3.0 or 4.0; CSV from Google Contacts, Outlook (English or
// German) or a spreadsheet, in UTF-8, UTF-16 or Windows-1252, separated
// by commas, semicolons or tabs; a FRITZ!Box phone book (XML). Each
// entry is merged into the contact that already has one of its numbers
// (an entry without numbers: the contact of the same name), else
// added; so importing the same file twice changes nothing. Entries with
// no name are skipped; numbers that cannot be read are left out;
// numbers libphonenumber doubts are kept unverified; all are reported.
// Everything is written in one transaction: a file that cannot be read
// (a broken vCard, a stray quote in a CSV, no phone column) returns an
// error and changes nothing. progress, if not nil, is called now and
// then with the entries done of the entries in the file; it may be
// called from another goroutine, never from two at once.
func (b *Book) Import(ctx context.Context, r io.Reader, name string, progress func(done, total int)) (Report, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Report{}, fmt.Errorf("read %s: %w", name, err)
	}
	d, err := decode(data, name)
	if err != nil {
		return Report{}, fmt.Errorf("%s cannot be imported, nothing was changed: %w", name, err)
	}
	p := newProgress(progress, len(d.recs))
	b.readNumbers(d.recs, p)
	b.wmu.Lock()
	defer b.wmu.Unlock()
	pl, err := b.plan(ctx, d.recs)
	if err != nil {
		return Report{}, fmt.Errorf("import %s, nothing was changed: %w", name, err)
	}
	p.plan(len(pl.order) + len(pl.adds))
	err = b.st.Tx(ctx, func(tx *sql.Tx) error { return pl.write(ctx, tx, p) })
	if err != nil {
		return Report{}, fmt.Errorf("import %s, nothing was changed: %w", name, err)
	}
	p.finish()
	if changed := pl.changed(); len(changed) > 0 {
		b.commit(changed)
	}
	rep := pl.report
	rep.Format, rep.Encoding = d.format, d.encoding
	b.log.Info("contacts imported", "format", rep.Format, "encoding", rep.Encoding, "imported", rep.Imported,
		"updated", rep.Updated, "unchanged", rep.Unchanged, "skipped", rep.Skipped)
	for _, pr := range rep.Problems {
		b.log.Debug("import problem", "line", pr.Line, "entry", pr.Entry, "reason", pr.Reason.String())
	}
	return rep, nil
}
