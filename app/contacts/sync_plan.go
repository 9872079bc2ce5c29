package contacts

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// syncPlan is what a Sync will do.
type syncPlan struct {
	*plan
	removed []int64
	gone    map[int64]bool // the removed IDs
}

// planSync works out the adds, edits and removals. The caller holds wmu.
func (b *Book) planSync(ctx context.Context, source string, recs []record) (*syncPlan, error) {
	sp := &syncPlan{plan: b.newPlan(ctx, len(recs)), gone: map[int64]bool{}}
	mine, err := sp.sourceContacts(source)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for i := range recs {
		seen[strings.TrimSpace(recs[i].c.RemoteID)] = true
	}
	for id, c := range mine {
		if !seen[id] {
			sp.removed = append(sp.removed, c.ID)
			sp.gone[c.ID] = true
		}
	}
	slices.Sort(sp.removed)
	if err := sp.fetch(ctx, sp.ownersOf(recs)); err != nil {
		return nil, err
	}
	done := map[string]bool{}
	for i := range recs {
		r := &recs[i]
		id := strings.TrimSpace(r.c.RemoteID)
		sp.report.Problems = append(sp.report.Problems, r.problems...)
		if r.skip || id == "" || done[id] {
			sp.report.Skipped++
			continue
		}
		done[id] = true
		sp.syncOne(source, r, mine[id])
	}
	sp.report.Removed = len(sp.removed)
	sp.count()
	return sp, sp.err
}

// sourceContacts are the book's contacts of source, in whole, by
// RemoteID.
func (sp *syncPlan) sourceContacts(source string) (map[string]*Contact, error) {
	rows, err := sp.b.st.R.QueryContext(sp.ctx, `SELECT id FROM contacts WHERE source = ?`, source)
	if err != nil {
		return nil, fmt.Errorf("read the contacts of %s: %w", source, err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := sp.fetch(sp.ctx, ids); err != nil {
		return nil, err
	}
	mine := make(map[string]*Contact, len(ids))
	for _, id := range ids {
		if c := sp.whole[id]; c.Source == source {
			mine[c.RemoteID] = c
		}
	}
	return mine, nil
}

// syncOne merges one remote contact into local (nil: a new contact).
func (sp *syncPlan) syncOne(source string, r *record, local *Contact) {
	target := &Contact{}
	var base syncedFields
	if local != nil {
		target = sp.edit(local.ID)
		sp.touched[local.ID] = true
		_ = json.Unmarshal([]byte(local.synced), &base) // an empty base: every field counts as the source's
	} else {
		sp.adds = append(sp.adds, target)
	}
	remote := fieldsOf(&r.c)
	mine := fieldsOf(target)
	take := func(dst *string, local, base, remote string) {
		if local == base {
			*dst = remote
		}
	}
	take(&target.FirstName, mine.FirstName, base.FirstName, remote.FirstName)
	take(&target.LastName, mine.LastName, base.LastName, remote.LastName)
	take(&target.Company, mine.Company, base.Company, remote.Company)
	take(&target.Street, mine.Street, base.Street, remote.Street)
	take(&target.PostalCode, mine.PostalCode, base.PostalCode, remote.PostalCode)
	take(&target.City, mine.City, base.City, remote.City)
	take(&target.Country, mine.Country, base.Country, remote.Country)
	take(&target.Note, mine.Note, base.Note, remote.Note)
	target.Source, target.RemoteID, target.ETag, target.synced = source, strings.TrimSpace(r.c.RemoteID), r.c.ETag, remote.encode()
	if local == nil || slices.Equal(mine.Numbers, base.Numbers) {
		target.Numbers = nil
		for _, n := range r.c.Numbers {
			sp.giveNumber(target, n, r)
		}
	}
}

// giveNumber gives n to target unless another contact has it.
func (sp *syncPlan) giveNumber(target *Contact, n Number, r *record) {
	if s, ok := sp.x.owner(n); ok && sp.gone[sp.x.ids[s]] && sp.owners[keyOf(n)] == nil {
		sp.owners[keyOf(n)] = target // the removed contact's number is free
	}
	if o := sp.ownerOf(n); o != nil && o != target {
		sp.report.Problems = append(sp.report.Problems, Problem{Line: r.line, Entry: r.entry(),
			Reason: Reason{Code: CodeNumberTaken, Number: n.Raw, Owner: o.DisplayName()}})
		return
	}
	target.Numbers = append(target.Numbers, n)
	sp.owners[keyOf(n)] = target
}

// write stores the plan in tx: removals first, so that a number a
// removed contact had can go to another.
func (sp *syncPlan) write(ctx context.Context, tx *sql.Tx) error {
	for _, id := range sp.removed {
		if _, err := tx.ExecContext(ctx, `DELETE FROM contacts WHERE id=?`, id); err != nil {
			return err
		}
	}
	return sp.plan.write(ctx, tx, newProgress(nil, 0))
}
