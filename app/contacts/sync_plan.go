package contacts

import (
	"context"
	"database/sql"
	"encoding/json"
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
func (b *Book) planSync(source string, recs []record) *syncPlan {
	sp := &syncPlan{plan: &plan{b: b, edits: map[int64]*Contact{}, olds: map[int64]*Contact{},
		owners: map[numberKey]*Contact{}, touched: map[int64]bool{}}, gone: map[int64]bool{}}
	b.mu.RLock()
	defer b.mu.RUnlock()
	mine := map[string]*Contact{}
	for _, c := range b.idx.byID {
		if c.Source == source {
			mine[c.RemoteID] = c
		}
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
	return sp
}

// syncOne merges one remote contact into local (nil: a new contact).
func (sp *syncPlan) syncOne(source string, r *record, local *Contact) {
	target := &Contact{}
	var base syncedFields
	if local != nil {
		target = sp.edit(local)
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
	if c, ok := sp.b.idx.owner(n); ok && sp.gone[c.ID] && sp.owners[keyOf(n)] == nil {
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
