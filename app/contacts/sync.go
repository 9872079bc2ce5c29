package contacts

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// syncedFields are the fields a source owns: the contact as the source
// last sent it is kept (Contact.synced), so that a field that differs
// from it was edited locally and is never overwritten.
type syncedFields struct {
	FirstName, LastName, Company      string
	Street, PostalCode, City, Country string
	Note                              string
	Numbers                           []Number
}

func fieldsOf(c *Contact) syncedFields {
	f := syncedFields{c.FirstName, c.LastName, c.Company, c.Street, c.PostalCode, c.City, c.Country, c.Note, nil}
	for _, n := range c.Numbers {
		f.Numbers = append(f.Numbers, Number{Label: n.Label, E164: n.E164, Switchboard: n.Switchboard, Unverified: n.Unverified})
	}
	return f
}

func (f syncedFields) encode() string {
	data, _ := json.Marshal(f) // strings and a slice of structs of strings: cannot fail
	return string(data)
}

// Sync makes the book's contacts of source (such as "sipgate" or
// "carddav:https://dav.example.com/anna/") match remote, the source's
// contacts as it has them now, each with its RemoteID (and ETag): a
// remote contact is added, or merged into the contact with the same
// source and RemoteID; contacts of source that remote no longer has
// are removed. A field the person edited here since the last sync
// (name parts, company, address parts, note, the numbers as a whole)
// keeps the local value; VIP and Blocked are never the source's. A
// number another contact has stays there, and is reported. Sync is
// idempotent (the second run with the same remote changes nothing) and
// writes in one transaction.
func (b *Book) Sync(ctx context.Context, source string, remote []Contact) (Report, error) {
	source = strings.TrimSpace(source)
	if source == "" {
		return Report{}, fmt.Errorf("sync: no source given: name it, such as sipgate or carddav:<url>")
	}
	recs := make([]record, len(remote))
	for i := range remote {
		recs[i] = record{line: i + 1, c: *remote[i].clone()}
		for j, n := range recs[i].c.Numbers {
			recs[i].c.Numbers[j].Raw = first(strings.TrimSpace(n.Raw), n.E164)
		}
	}
	b.readNumbers(recs, newProgress(nil, 0))
	b.wmu.Lock()
	defer b.wmu.Unlock()
	sp, err := b.planSync(ctx, source, recs)
	if err != nil {
		return Report{}, fmt.Errorf("sync %s, nothing was changed: %w", source, err)
	}
	err = b.st.Tx(ctx, func(tx *sql.Tx) error { return sp.write(ctx, tx) })
	if err != nil {
		return Report{}, fmt.Errorf("sync %s, nothing was changed: %w", source, err)
	}
	if changed := sp.changed(); len(changed) > 0 || len(sp.removed) > 0 {
		b.commit(changed, sp.removed...)
	}
	b.log.Info("contacts synced", "source", source, "imported", sp.report.Imported, "updated", sp.report.Updated,
		"unchanged", sp.report.Unchanged, "removed", sp.report.Removed, "skipped", sp.report.Skipped)
	return sp.report, nil
}
