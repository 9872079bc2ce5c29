package contacts

import "context"

// plan is what an import will do, worked out in memory before anything
// is written.
type plan struct {
	b       *Book
	ctx     context.Context
	x       *index                 // the book as the plan starts
	whole   map[int64]*Contact     // book contacts read in whole (see fetch)
	err     error                  // reading a contact failed: the plan must not be written
	adds    []*Contact             // new contacts, in file order
	edits   map[int64]*Contact     // existing contacts as they will be
	olds    map[int64]*Contact     // the same contacts as they are
	order   []int64                // edited IDs in the order first touched
	owners  map[numberKey]*Contact // numbers given to contacts by this import
	names   map[string]nameHit     // contacts by nameKey, built for entries without numbers
	touched map[int64]bool         // existing contacts an entry merged into
	report  Report
}

type numberKey struct {
	e164        string
	switchboard bool
}

func keyOf(n Number) numberKey { return numberKey{n.E164, n.Switchboard} }

// plan merges the records into the book as it is now. The caller holds
// b.wmu, so the book cannot change underneath.
func (b *Book) plan(ctx context.Context, recs []record) (*plan, error) {
	pl := b.newPlan(ctx, len(recs))
	if err := pl.fetch(ctx, pl.ownersOf(recs)); err != nil {
		return nil, err
	}
	for i := range recs {
		r := &recs[i]
		pl.report.Problems = append(pl.report.Problems, r.problems...)
		if r.skip {
			pl.report.Skipped++
			continue
		}
		pl.merge(r)
	}
	pl.count()
	return pl, pl.err
}

func (b *Book) newPlan(ctx context.Context, size int) *plan {
	return &plan{b: b, ctx: ctx, x: b.idx.Load(), whole: map[int64]*Contact{}, edits: map[int64]*Contact{}, olds: map[int64]*Contact{},
		owners: make(map[numberKey]*Contact, 2*size), touched: map[int64]bool{}, adds: make([]*Contact, 0, size)}
}

// ownerOf is the contact that holds n after the entries merged so far:
// a new contact, an edited copy of an existing one, or nil.
func (pl *plan) ownerOf(n Number) *Contact {
	if c, ok := pl.owners[keyOf(n)]; ok {
		return c
	}
	if s, ok := pl.x.owner(n); ok {
		return pl.edit(pl.x.ids[s])
	}
	return nil
}

// edit returns the copy of an existing contact that the import changes.
func (pl *plan) edit(id int64) *Contact {
	if e, ok := pl.edits[id]; ok {
		return e
	}
	c := pl.contact(id)
	e := c.clone()
	pl.edits[id], pl.olds[id] = e, c
	pl.order = append(pl.order, id)
	return e
}

// merge adds r to the contact that has one of its numbers (an entry
// without numbers: the contact of the same name), or as a new contact.
// A number held by yet another contact stays there.
func (pl *plan) merge(r *record) {
	target := pl.target(r)
	if target == nil {
		target = &Contact{}
		pl.adds = append(pl.adds, target)
	} else if target.ID != 0 {
		pl.touched[target.ID] = true
	}
	if r.fullName != "" && sameName(target.DisplayName(), r.fullName) {
		r.c.FirstName, r.c.LastName, r.c.Company = "", "", "" // the one name field says what the contact says
	}
	fill(target, r)
	fillAddress(target, r)
	if len(r.c.Numbers) == 0 {
		pl.nameIndex()[nameKey(target)] = nameHit{c: target}
	}
	for _, n := range r.c.Numbers {
		switch o := pl.ownerOf(n); {
		case o == nil:
			target.Numbers = append(target.Numbers, n)
			pl.owners[keyOf(n)] = target
		case o != target:
			pl.report.Problems = append(pl.report.Problems, Problem{Line: r.line, Entry: r.entry(),
				Reason: Reason{Code: CodeNumberTaken, Number: n.Raw, Owner: o.DisplayName()}})
		}
	}
}
