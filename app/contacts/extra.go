package contacts

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The fields of a contact that the index does not hold are read from
// SQL when a whole contact is asked for: Get, List, Export, the merges
// of Import and Sync.

// extraColumns are those fields' columns, after the ID.
const extraColumns = `id, created, updated, source, remote_id, etag, synced`

// fillExtra reads the table in ID ranges (scanExtra) instead of the rows
// asked for when they are more than 1/wholeScan of the book.
const wholeScan = 8

// fillExtra reads the fields kept in SQL only into cs (by ID) and
// returns how many have no row: another program removed them since the
// index was loaded.
func (b *Book) fillExtra(ctx context.Context, cs []*Contact, bookSize int) (missing int, err error) {
	if len(cs) == 0 {
		return 0, nil
	}
	byID := slices.Clone(cs)
	slices.SortFunc(byID, func(a, b *Contact) int { return cmp.Compare(a.ID, b.ID) })
	if len(cs) > bookSize/wholeScan {
		return b.scanExtra(ctx, byID)
	}
	ex := extraReader{rest: byID}
	for start := 0; start < len(byID) && err == nil; start += bigCommit {
		part := byID[start:min(start+bigCommit, len(byID))]
		var ids strings.Builder
		ids.WriteByte('[')
		for i, c := range part {
			if i > 0 {
				ids.WriteByte(',')
			}
			ids.WriteString(strconv.FormatInt(c.ID, 10))
		}
		ids.WriteByte(']')
		err = ex.read(b.st.R.QueryContext(ctx, `SELECT `+extraColumns+` FROM contacts
			WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`, ids.String()))
	}
	if err != nil {
		return 0, fmt.Errorf("read the contacts: %w", err)
	}
	return len(cs) - ex.found, nil
}

// extraReader fills contacts, ordered by ID, from rows ordered by ID.
type extraReader struct {
	rest     []*Contact
	found    int
	lastText string
	lastTime time.Time
}

func (ex *extraReader) read(rows *sql.Rows, err error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	var id int64
	var created, updated sql.RawBytes
	var e Contact
	for rows.Next() {
		if err := rows.Scan(&id, &created, &updated, &e.Source, &e.RemoteID, &e.ETag, &e.synced); err != nil {
			return err
		}
		for len(ex.rest) > 0 && ex.rest[0].ID < id {
			ex.rest = ex.rest[1:]
		}
		if len(ex.rest) == 0 || ex.rest[0].ID != id {
			continue
		}
		c := ex.rest[0]
		c.Source, c.RemoteID, c.ETag, c.synced, c.partial = e.Source, e.RemoteID, e.ETag, e.synced, false
		if c.Created, err = ex.parse(created); err != nil {
			return fmt.Errorf("contact %d: created: %w", id, err)
		}
		if c.Updated, err = ex.parse(updated); err != nil {
			return fmt.Errorf("contact %d: updated: %w", id, err)
		}
		ex.found++
	}
	return rows.Err()
}

// parse reads a stored time; an import gives many contacts the same.
func (ex *extraReader) parse(b sql.RawBytes) (time.Time, error) {
	if ex.lastText == "" || string(b) != ex.lastText {
		t, err := time.Parse(timeFormat, string(b))
		if err != nil {
			return t, err
		}
		ex.lastText, ex.lastTime = string(b), t
	}
	return ex.lastTime, nil
}
