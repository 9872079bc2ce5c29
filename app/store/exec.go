package store

import (
	"context"
	"database/sql"
)

// Exec runs one prepared statement of the writer connection as a
// transaction of its own: one statement needs no BEGIN and COMMIT round
// trip, and is as durable as a Tx once it returns. Errors come back
// typed, as from Tx.
func (s *Store) Exec(ctx context.Context, stmt *sql.Stmt, args ...any) (sql.Result, error) {
	res, err := stmt.ExecContext(ctx, args...)
	if err != nil {
		return nil, classify(s.path, err)
	}
	return res, nil
}
