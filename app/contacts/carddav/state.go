package carddav

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/whoiscalling/whoiscalling/app/contacts"
)

// StateFileName is the sync state's file in the data dir.
const StateFileName = "carddav-state.json"

// StatePath is where the sync state of the data dir dataDir is kept.
func StatePath(dataDir string) string { return filepath.Join(dataDir, StateFileName) }

// syncState is what the last sync saw: per address book (by URL) the
// sync token and every card as the server sent it.
type syncState struct {
	// Account is the URL and user the state is of.
	Account string                `json:"account"`
	Books   map[string]*bookState `json:"books"`
}

type bookState struct {
	Token string                `json:"token,omitempty"`
	Cards map[string]cachedCard `json:"cards"` // by path
}

type cachedCard struct {
	ETag  string `json:"etag"`
	VCard string `json:"vcard"`
}

// loadState reads the state of account. A missing, unreadable or other
// account's state is an empty one: the next sync downloads every card.
func loadState(path, account string, log *slog.Logger) *syncState {
	fresh := &syncState{Account: account, Books: map[string]*bookState{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fresh
	}
	var st syncState
	if err == nil {
		err = json.Unmarshal(data, &st)
	}
	if err != nil {
		log.Warn("cannot read the CardDAV sync state; downloading every card again", "file", path, "err", err)
		return fresh
	}
	if st.Account != account {
		return fresh
	}
	for k, bs := range st.Books {
		if bs == nil || bs.Cards == nil {
			delete(st.Books, k)
		}
	}
	if st.Books == nil {
		st.Books = map[string]*bookState{}
	}
	return &st
}

// stale is the cards of listed (path → ETag) that bs does not have in
// that version.
func (bs *bookState) stale(listed map[string]string) map[string]string {
	want := map[string]string{}
	for p, etag := range listed {
		if have, ok := bs.Cards[p]; !ok || etag == "" || have.ETag != etag {
			want[p] = etag
		}
	}
	return want
}

// contacts reads every card, in the order of the books' URLs and the
// cards' paths; RemoteID is the card's path. It returns how many cards
// could not be read.
func (st *syncState) contacts(read CardReader, log *slog.Logger) ([]contacts.Contact, int) {
	var list []contacts.Contact
	bad := 0
	for _, key := range slices.Sorted(maps.Keys(st.Books)) {
		bs := st.Books[key]
		for _, p := range slices.Sorted(maps.Keys(bs.Cards)) {
			c, err := read([]byte(bs.Cards[p].VCard))
			if err != nil {
				bad++
				log.Warn("a CardDAV card cannot be read; it is left out", "book", key, "err", err)
				log.Debug("unreadable card", "path", p)
				continue
			}
			c.RemoteID, c.ETag = p, bs.Cards[p].ETag
			list = append(list, c)
		}
	}
	return list, bad
}

// save writes the state atomically (a new file renamed over the old),
// readable by the owner only: it holds personal data.
func (st *syncState) save(path string) error {
	data, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("encode the CardDAV sync state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".carddav-state-*.tmp")
	if err != nil {
		return fmt.Errorf("save the CardDAV sync state: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename: nothing to remove
	err = tmp.Chmod(0o600)
	if err == nil {
		_, err = tmp.Write(data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("save the CardDAV sync state %s: %w", path, err)
	}
	return nil
}
