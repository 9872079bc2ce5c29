package cli

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/store"
)

// bookSession is the database and contact book opened by a one-shot
// command.
type bookSession struct {
	cfg   config.Config
	store *store.Store
	book  *contacts.Book
}

func openBookWith(env *Env, cfg config.Config) (*bookSession, error) {
	st, err := store.Open(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	book, err := contacts.OpenIn(cfg.DataDir, st, cfg.DefaultRegion, contacts.WithLogger(quietLogger(env, cfg)))
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("open the contact book: %w", err)
	}
	return &bookSession{cfg: cfg, store: st, book: book}, nil
}

func (b *bookSession) Close() error { return errors.Join(b.book.Close(), b.store.Close()) }

// quietLogger is the logger of one-shot commands: their output is the
// result, so only warnings and errors are logged (or everything at debug).
func quietLogger(env *Env, cfg config.Config) *slog.Logger {
	if env.Logger != nil {
		return env.Logger
	}
	level := slog.LevelWarn
	if cfg.Level() <= slog.LevelDebug {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level}))
}

// openBook opens the store and the contact book for a one-shot command.
// Close the session when done.
func openBook(env *Env, dataDirFlag string) (*bookSession, error) {
	cfg, err := loadConfig(env, dataDirFlag)
	if err != nil {
		return nil, err
	}
	return openBookWith(env, cfg)
}
