package calls

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// journalInsertSQL appends one batch to the journal.
const journalInsertSQL = `INSERT INTO call_journal (body) VALUES (?)`

// replayJournal folds what a crash left in call_journal and in the
// journal file jf (nil: none) into the calls table and empties both: the
// table in the same transaction, the file after its commit. Each state
// is stored only over an older version, so replaying one folded before
// changes nothing.
func replayJournal(st *store.Store, jf *journalFile, log *slog.Logger) error {
	var fromFile [][]journaled
	if jf != nil {
		var torn int64
		var err error
		if fromFile, torn, err = jf.read(); err != nil {
			return err
		}
		if torn > 0 {
			log.Warn("the call journal file ends in a record a crash cut off; it was never acknowledged and is dropped",
				"bytes", torn)
		}
	}
	err := st.Tx(context.Background(), func(tx *sql.Tx) error {
		rows, err := tx.Query(`SELECT seq, body FROM call_journal ORDER BY seq`)
		if err != nil {
			return fmt.Errorf("read the call journal: %w", err)
		}
		var batches [][]journaled
		for rows.Next() {
			var seq int64
			var body []byte
			if err := rows.Scan(&seq, &body); err != nil {
				rows.Close()
				return fmt.Errorf("read the call journal: %w", err)
			}
			entries, err := decodeJournal(body)
			if err != nil {
				rows.Close()
				return fmt.Errorf("call journal entry %d: %w", seq, err)
			}
			batches = append(batches, entries)
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("read the call journal: %w", err)
		}
		batches = append(batches, fromFile...)
		if len(batches) == 0 {
			return nil
		}
		return foldBatches(tx, batches)
	})
	if err != nil {
		return err
	}
	if jf != nil {
		return jf.reset()
	}
	return nil
}

// foldBatches stores the journaled states in tx and empties the journal.
func foldBatches(tx *sql.Tx, batches [][]journaled) error {
	stmt, err := tx.Prepare(upsertSQL)
	if err != nil {
		return fmt.Errorf("prepare call statements: %w", err)
	}
	defer stmt.Close()
	for _, entries := range batches {
		for _, e := range entries {
			x := write{call: e.Call, key: e.Key, updated: time.UnixMilli(e.Updated)}
			if _, err := stmt.Exec(rowArgs(&x)...); err != nil {
				return fmt.Errorf("replay call %d: %w", e.Call.ID, err)
			}
		}
	}
	if _, err := tx.Exec(`DELETE FROM call_journal`); err != nil {
		return fmt.Errorf("empty the call journal: %w", err)
	}
	return nil
}
