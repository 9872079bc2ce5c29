package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Migrate applies the migrations of one domain (a package that owns some
// tables, such as "contacts" or "calls") that are not applied yet. steps[i]
// is version i+1; a step is applied in its own transaction together with
// its version row, so a crash never leaves a half-applied version. Steps
// are append-only: never edit a released one, add a new one.
func (s *Store) Migrate(domain string, steps []string) error {
	ctx := context.Background()
	_, err := s.W.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		domain TEXT NOT NULL, version INTEGER NOT NULL,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
		PRIMARY KEY (domain, version))`)
	if err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	var have int
	err = s.W.QueryRowContext(ctx, `SELECT COALESCE(MAX(version),0) FROM schema_migrations WHERE domain=?`, domain).Scan(&have)
	if err != nil {
		return fmt.Errorf("read %s schema version: %w", domain, err)
	}
	if have > len(steps) {
		return &VersionError{Path: s.path, Domain: domain, Have: have, Known: len(steps)}
	}
	for v := have + 1; v <= len(steps); v++ {
		err := s.Tx(ctx, func(tx *sql.Tx) error {
			// Another process opening the same data dir may have applied
			// it since the version was read: the transaction holds the
			// write lock, so this read is the truth.
			var now int
			if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version),0) FROM schema_migrations WHERE domain=?`, domain).Scan(&now); err != nil {
				return err
			}
			if now >= v {
				return nil
			}
			if _, err := tx.ExecContext(ctx, steps[v-1]); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(domain, version) VALUES(?,?)`, domain, v)
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s to version %d: %w", domain, v, err)
		}
	}
	return nil
}

// Version is the applied schema version of a domain (0 when none).
func (s *Store) Version(domain string) (int, error) {
	var v int
	err := s.R.QueryRow(`SELECT COALESCE(MAX(version),0) FROM schema_migrations WHERE domain=?`, domain).Scan(&v)
	return v, err
}
