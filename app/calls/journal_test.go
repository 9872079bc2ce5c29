package calls

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// journalCases are states the journal must carry unchanged.
func journalCases() []journaled {
	t1 := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	t2, t3 := t1.Add(2*time.Second), t1.Add(95*time.Second)
	full := Call{ID: 42, Direction: In, From: "+4921112345", To: "+4921155500123", Contact: "Erika Müller",
		Company: "Muster GmbH", City: "Düsseldorf", Note: "Rechnung 4711", ContactID: 7, Match: "exact", VIP: true,
		Users: []string{"Anna", "Jürgen"}, AnsweredBy: "Anna", Status: StatusAnswered, Cause: "normalClearing",
		StartedAt: t1, AnsweredAt: &t2, EndedAt: &t3, DurationSeconds: 93, Version: 3, Source: FromWebhook,
		ClaimedBy: "Jürgen", ClaimedAt: &t3, DoneAt: &t3,
		Legs: []Leg{{CallID: "leg-a", Users: []string{"Anna"}, AnsweredBy: "Anna", Cause: "normalClearing",
			StartedAt: t1, AnsweredAt: &t2, EndedAt: &t3},
			{CallID: "leg-b", OrigCallID: "leg-a", Users: []string{}, Diversion: "+4930111", Voicemail: true, StartedAt: t2}}}
	return []journaled{
		{Call: Call{StartedAt: time.UnixMilli(0).UTC()}},
		{Call: Call{ID: 1, StartedAt: t1, Users: []string{}, Legs: []Leg{}}, Key: "k", Updated: t1.UnixMilli()},
		{Call: full, Key: "leg-a", Updated: t3.UnixMilli()},
		{Call: Call{ID: -5, From: "anonymous", StartedAt: time.UnixMilli(-1000).UTC(), DurationSeconds: -1}, Updated: -1},
	}
}

func TestJournalCodecRoundTrip(t *testing.T) {
	cases := journalCases()
	for i, e := range cases {
		got, err := decodeJournal(encodeJournal(nil, []journaled{e}))
		if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], e) {
			t.Errorf("case %d: decodeJournal(encodeJournal(%+v)) = %+v, %v", i, e, got, err)
		}
	}
	all, err := decodeJournal(encodeJournal(nil, cases))
	if err != nil || !reflect.DeepEqual(all, cases) {
		t.Errorf("decodeJournal(encodeJournal(all cases)) = %+v, %v", all, err)
	}
}

// TestJournalCodecCoversCall fails when Call or Leg gets a field the
// journal does not carry: every field is set to a non-zero value.
func TestJournalCodecCoversCall(t *testing.T) {
	var c Call
	fillAll(reflect.ValueOf(&c).Elem())
	e := journaled{Call: c, Key: "k", Updated: 1}
	got, err := decodeJournal(encodeJournal(nil, []journaled{e}))
	if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], e) {
		t.Errorf("decodeJournal(encodeJournal(%+v)) = %+v, %v: a field is lost", e, got, err)
	}
}

// fillAll sets every field of v to a non-zero value (times to whole UTC
// milliseconds, as the tracker keeps them).
func fillAll(v reflect.Value) {
	ts := time.UnixMilli(1_700_000_000_123).UTC()
	switch {
	case v.Type() == reflect.TypeOf(time.Time{}):
		v.Set(reflect.ValueOf(ts))
	case v.Kind() == reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillAll(v.Elem())
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			fillAll(v.Field(i))
		}
	case v.Kind() == reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillAll(v.Index(0))
	case v.Kind() == reflect.String:
		v.SetString("x")
	case v.Kind() == reflect.Bool:
		v.SetBool(true)
	case v.CanInt():
		v.SetInt(7)
	}
}

func TestDecodeJournalRejectsBadRows(t *testing.T) {
	good := encodeJournal(nil, journalCases())
	for _, tc := range []struct {
		name string
		row  []byte
	}{
		{"empty", nil},
		{"other format", append([]byte{9}, good[1:]...)},
		{"cut short", good[:len(good)/2]},
		{"trailing bytes", append(append([]byte{}, good...), 0)},
		{"count past the end", []byte{journalFormat, 0xff, 0x01}},
		{"string past the end", []byte{journalFormat, 1, 2, 0x7f}},
	} {
		if got, err := decodeJournal(tc.row); err == nil {
			t.Errorf("decodeJournal(%s) = %d calls, nil error, want an error", tc.name, len(got))
		}
	}
}

func FuzzDecodeJournal(f *testing.F) {
	for _, e := range journalCases() {
		f.Add(encodeJournal(nil, []journaled{e}))
	}
	f.Add(encodeJournal(nil, journalCases()))
	f.Add([]byte{journalFormat, 1})
	f.Fuzz(func(t *testing.T, row []byte) {
		got, err := decodeJournal(row)
		if err != nil {
			return
		}
		again, err := decodeJournal(encodeJournal(nil, got))
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Errorf("decoded %x to %+v; encoding that again decodes to %+v, %v", row, got, again, err)
		}
	})
}

// journalTracker opens a Tracker that journals every webhook change.
func journalTracker(t testing.TB, st *store.Store) *Tracker {
	tr, err := Open(st, nil, Options{journalAlways: true, foldAfter: time.Hour, SweepEvery: -1})
	if err != nil {
		t.Fatalf("Open() = %v", err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr
}

func openTestStore(t testing.TB, dir string) *store.Store {
	st, err := store.Open(dir)
	if err != nil {
		t.Fatalf("store.Open() = %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// push sends one webhook body to tr.
func push(t *testing.T, tr *Tracker, body string) {
	t.Helper()
	ev, err := webhook.ParseBody([]byte(body))
	if err != nil {
		t.Fatalf("ParseBody(%q) = %v", body, err)
	}
	if _, err := tr.Respond(context.Background(), ev); err != nil {
		t.Fatalf("Respond(%s) = %v", ev.Type, err)
	}
}

const (
	ringA   = "event=newCall&direction=in&from=4921112345&to=4921155500123&callId=ja&origCallId=ja&user%5B%5D=Anna"
	answerA = "event=answer&callId=ja&origCallId=ja&user=Anna&from=4921112345&to=4921155500123&direction=in"
	hangupA = "event=hangup&callId=ja&origCallId=ja&cause=normalClearing&from=4921112345&to=4921155500123&direction=in"
)

// journalRows counts the journaled batches: call_journal's rows and the
// journal file's records.
func journalRows(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.R.QueryRow(`SELECT COUNT(*) FROM call_journal`).Scan(&n); err != nil {
		t.Fatalf("count journal rows: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(st.Dir(), journalFileName))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("read the journal file: %v", err)
	}
	batches, _, err := decodeJournalFile(data)
	if err != nil {
		t.Fatalf("decode the journal file: %v", err)
	}
	return n + len(batches)
}

func storedStatus(t *testing.T, st *store.Store, id int64) string {
	t.Helper()
	var s string
	if err := st.R.QueryRow(`SELECT status FROM calls WHERE id = ?`, id).Scan(&s); err != nil {
		return "none"
	}
	return s
}

// TestJournalReadsSeeEveryChange: journaled changes are in the journal,
// not yet in their row; a read of the History folds them first.
func TestJournalReadsSeeEveryChange(t *testing.T) {
	st := openTestStore(t, t.TempDir())
	tr := journalTracker(t, st)
	push(t, tr, ringA)
	push(t, tr, answerA)
	if n := journalRows(t, st); n != 2 {
		t.Errorf("journal rows after two pushes = %d, want 2", n)
	}
	if s := storedStatus(t, st, 1); s != "none" {
		t.Errorf("calls row before the fold has status %s, want none", s)
	}
	c, err := tr.Get(context.Background(), 1)
	if err != nil || c.Status != StatusActive || c.Version != 2 {
		t.Errorf("Get(1) = %s v%d, %v, want active v2", c.Status, c.Version, err)
	}
	if n := journalRows(t, st); n != 0 {
		t.Errorf("journal rows after the read = %d, want 0", n)
	}
	push(t, tr, hangupA)
	recent, err := tr.Recent(context.Background(), Query{})
	if err != nil || len(recent) != 1 || recent[0].Status != StatusAnswered {
		t.Errorf("Recent() = %+v, %v, want the answered call", recent, err)
	}
}

// TestJournalRemoveLeavesNothingToReplay: a removal folds the journal
// first, so no journaled state can bring the call back.
func TestJournalRemoveLeavesNothingToReplay(t *testing.T) {
	dir := t.TempDir()
	st := openTestStore(t, dir)
	tr := journalTracker(t, st)
	push(t, tr, ringA)
	if err := tr.Remove(context.Background(), 1); err != nil {
		t.Fatalf("Remove(1) = %v", err)
	}
	if n := journalRows(t, st); n != 0 {
		t.Errorf("journal rows after Remove = %d, want 0", n)
	}
	tr.Close()
	tr2 := journalTracker(t, st)
	if _, err := tr2.Get(context.Background(), 1); err == nil {
		t.Errorf("Get(1) after Remove and a restart found the call")
	}
}

// TestJournalFoldsAtClose: Close folds what waits, in every row.
func TestJournalFoldsAtClose(t *testing.T) {
	st := openTestStore(t, t.TempDir())
	tr := journalTracker(t, st)
	push(t, tr, ringA)
	push(t, tr, answerA)
	push(t, tr, hangupA)
	tr.Close()
	if n := journalRows(t, st); n != 0 {
		t.Errorf("journal rows after Close = %d, want 0", n)
	}
	if s := storedStatus(t, st, 1); s != string(StatusAnswered) {
		t.Errorf("stored status after Close = %s, want answered", s)
	}
}

// TestJournalReplayedAtOpen: rows a crash left are folded at Open, and a
// journaled state older than the stored one changes nothing.
func TestJournalReplayedAtOpen(t *testing.T) {
	dir := t.TempDir()
	st := openTestStore(t, dir)
	tr := journalTracker(t, st)
	push(t, tr, ringA)
	push(t, tr, answerA)
	push(t, tr, hangupA)
	tr.Close() // call 1 stored answered, version 3
	t0 := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	old := journaled{Call: Call{ID: 1, Direction: In, Status: StatusRinging, StartedAt: t0, Version: 1,
		Users: []string{}, Legs: []Leg{}}, Key: "ja", Updated: t0.UnixMilli()}
	lost := journaled{Call: Call{ID: 2, Direction: In, From: "+4930123456", Status: StatusMissed, StartedAt: t0,
		Version: 2, Users: []string{"Anna"}, Legs: []Leg{{CallID: "jb", StartedAt: t0}}}, Key: "jb", Updated: t0.UnixMilli()}
	for _, batch := range [][]journaled{{old}, {lost}} {
		if _, err := st.W.Exec(journalInsertSQL, encodeJournal(nil, batch)); err != nil {
			t.Fatalf("write a journal row: %v", err)
		}
	}
	tr2 := journalTracker(t, st)
	if n := journalRows(t, st); n != 0 {
		t.Errorf("journal rows after Open = %d, want 0", n)
	}
	if c, err := tr2.Get(context.Background(), 1); err != nil || c.Status != StatusAnswered || c.Version != 3 {
		t.Errorf("Get(1) = %s v%d, %v, want answered v3 (the older journaled state ignored)", c.Status, c.Version, err)
	}
	if c, err := tr2.Get(context.Background(), 2); err != nil || c.Status != StatusMissed || c.Legs[0].CallID != "jb" {
		t.Errorf("Get(2) = %+v, %v, want the replayed missed call", c, err)
	}
}

// TestJournalBadRowStopsOpen: a journal row that cannot be read stops
// Open with an error naming it, and is left in place.
func TestJournalBadRowStopsOpen(t *testing.T) {
	st := openTestStore(t, t.TempDir())
	tr := journalTracker(t, st)
	tr.Close()
	if _, err := st.W.Exec(journalInsertSQL, []byte{journalFormat, 5}); err != nil {
		t.Fatalf("write a journal row: %v", err)
	}
	if _, err := Open(st, nil, Options{}); err == nil {
		t.Fatalf("Open() with a broken journal row = nil error")
	}
	if n := journalRows(t, st); n != 1 {
		t.Errorf("journal rows after the failed Open = %d, want the 1 left", n)
	}
}

// TestJournalFoldsByItself: with no read asking, the writer folds the
// journal once foldAfter has passed.
func TestJournalFoldsByItself(t *testing.T) {
	st := openTestStore(t, t.TempDir())
	tr, err := Open(st, nil, Options{journalAlways: true, foldAfter: 10 * time.Millisecond, SweepEvery: -1})
	if err != nil {
		t.Fatalf("Open() = %v", err)
	}
	defer tr.Close()
	push(t, tr, ringA)
	// The folder stores the row, then the writer empties the journal.
	for deadline := time.Now().Add(10 * time.Second); storedStatus(t, st, 1) != string(StatusRinging) || journalRows(t, st) != 0; {
		if time.Now().After(deadline) {
			t.Fatalf("within 10 s the journaled call was not folded into its row (status %q) or the journal not emptied (%d records)",
				storedStatus(t, st, 1), journalRows(t, st))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestFoldUnderLoadLeavesLiveCalls: with more than a chunk waiting, a
// fold takes the oldest ended calls and leaves the live ones for later
// (their rows are then written once); with only live calls waiting it
// takes those, oldest first, and a fold of everything takes all.
func TestFoldUnderLoadLeavesLiveCalls(t *testing.T) {
	st := openTestStore(t, t.TempDir())
	tr := journalTracker(t, st)
	up, err := st.W.Prepare(upsertSQL)
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	w := &writer{t: tr, upsert: up, j: journal{pending: map[int64]journaled{}}}
	at := time.Date(2026, 11, 30, 13, 0, 0, 0, time.UTC)
	add := func(id int64, s Status) {
		w.j.pending[id] = journaled{Call: Call{ID: id, Status: s, StartedAt: at, Version: 1,
			Legs: []Leg{{CallID: fmt.Sprint("leg-", id), StartedAt: at}}}, Key: fmt.Sprint("leg-", id), Updated: at.UnixMilli()}
	}
	fold := func(n int) []int64 {
		t.Helper()
		if err := st.Tx(context.Background(), func(tx *sql.Tx) error { return w.fold(tx, n) }); err != nil {
			t.Fatal(err)
		}
		done := slices.Clone(w.j.done)
		w.folded()
		return done
	}
	for id, s := range []Status{StatusVoicemail, StatusRinging, StatusMissed, StatusActive, StatusAnswered, StatusMissed} {
		add(int64(6-id), s) // ids 6 down to 1
	}
	// 6 voicemail, 5 ringing, 4 missed, 3 active, 2 answered, 1 missed
	if got := fold(2); !slices.Equal(got, []int64{1, 2}) {
		t.Errorf("a chunk of 2 out of 6 folded %v, want the oldest ended, 1 and 2", got)
	}
	if got := fold(2); !slices.Equal(got, []int64{4, 6}) {
		t.Errorf("the next chunk of 2 out of 4 folded %v, want the ended 4 and 6", got)
	}
	add(7, StatusRinging)
	if got := fold(2); !slices.Equal(got, []int64{3, 5}) {
		t.Errorf("a chunk of 2 out of 3 live calls folded %v, want the oldest, 3 and 5", got)
	}
	add(8, StatusVoicemail)
	if got := fold(-1); !slices.Equal(got, []int64{7, 8}) || len(w.j.pending) != 0 {
		t.Errorf("folding everything folded %v and left %d, want 7 and 8 and none", got, len(w.j.pending))
	}
}

// TestFoldWritesFullChunksInOneStatement: a fold of more than two chunks
// writes every call's row as a fold of one at a time does, full chunks
// through the many-row statement and the rest one by one.
func TestFoldWritesFullChunksInOneStatement(t *testing.T) {
	st := openTestStore(t, t.TempDir())
	tr := journalTracker(t, st)
	w := &writer{t: tr, j: journal{pending: map[int64]journaled{}}}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{{&w.upsert, upsertSQL}, {&w.upsertChunk, upsertRowsSQL(foldChunk)}} {
		s, err := st.W.Prepare(p.sql)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		*p.stmt = s
	}
	at := time.Date(2026, 11, 30, 13, 0, 0, 0, time.UTC)
	n := 2*foldChunk + 5
	want := map[int64]Call{}
	for i := range n {
		id := int64(i + 1)
		end := at.Add(time.Duration(i) * time.Second)
		c := Call{ID: id, Direction: In, From: fmt.Sprint("+49211", 1000+i), To: "+4921155500123",
			Contact: fmt.Sprint("Caller ", i), Company: "ACME", Users: []string{"Anna"}, Status: []Status{StatusMissed, StatusAnswered, StatusVoicemail}[i%3],
			StartedAt: at, EndedAt: &end, DurationSeconds: i, Version: int64(i%4 + 1), Source: FromWebhook,
			Legs: []Leg{{CallID: fmt.Sprint("leg-", id), Users: []string{"Anna"}, StartedAt: at, EndedAt: &end}}}
		w.j.pending[id] = journaled{Call: c, Key: c.Key(), Updated: end.UnixMilli()}
		want[id] = c
	}
	if err := st.Tx(context.Background(), func(tx *sql.Tx) error { return w.fold(tx, -1) }); err != nil {
		t.Fatal(err)
	}
	if len(w.j.done) != n {
		t.Fatalf("the fold wrote %d calls, want %d", len(w.j.done), n)
	}
	w.folded()
	got, err := tr.Recent(context.Background(), Query{Limit: n + 10})
	if err != nil || len(got) != n {
		t.Fatalf("Recent() = %d calls, %v; want %d", len(got), err, n)
	}
	for _, c := range got {
		w := want[c.ID]
		if c.Contact != w.Contact || c.Status != w.Status || c.Version != w.Version || c.DurationSeconds != w.DurationSeconds ||
			c.Key() != w.Key() || !c.EndedAt.Equal(*w.EndedAt) || len(c.Users) != 1 {
			t.Errorf("call %d read back as %+v, want %+v", c.ID, c, w)
		}
	}
}

// BenchmarkFoldChunk: folding a full chunk of new calls, in one
// statement and one statement a call.
func BenchmarkFoldChunk(b *testing.B) {
	for _, many := range []bool{true, false} {
		name := map[bool]string{true: "one statement", false: "a statement a call"}[many]
		b.Run(name, func(b *testing.B) {
			st := openTestStore(b, b.TempDir())
			tr := journalTracker(b, st)
			w := &writer{t: tr, j: journal{pending: map[int64]journaled{}}}
			sqls := map[**sql.Stmt]string{&w.upsert: upsertSQL}
			if many {
				sqls[&w.upsertChunk] = upsertRowsSQL(foldChunk)
			}
			for p, q := range sqls {
				s, err := st.W.Prepare(q)
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				*p = s
			}
			at := time.Date(2026, 11, 30, 13, 0, 0, 0, time.UTC)
			id := int64(0)
			for b.Loop() {
				for range foldChunk {
					id++
					c := Call{ID: id, Direction: In, From: "+4921112345", To: "+4921155500123", Contact: "Erika Mustermann",
						Company: "ACME", Users: []string{"Anna"}, Status: StatusMissed, StartedAt: at, EndedAt: &at, Version: 3,
						Source: FromWebhook, Legs: []Leg{{CallID: fmt.Sprint("leg-", id), Users: []string{"Anna"}, StartedAt: at, EndedAt: &at}}}
					w.j.pending[id] = journaled{Call: c, Key: c.Key(), Updated: at.UnixMilli()}
				}
				if err := st.Tx(context.Background(), func(tx *sql.Tx) error { return w.fold(tx, foldChunk) }); err != nil {
					b.Fatal(err)
				}
				w.folded()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*foldChunk)/1000, "µs/call")
		})
	}
}

// TestWebhooksGoOnWhileAFoldWaits: a fold that cannot write (another
// process holds the database's write lock) does not hold up webhook
// changes, which go to the journal file and are answered at once; the
// fold completes once the lock is gone.
func TestWebhooksGoOnWhileAFoldWaits(t *testing.T) {
	st := openTestStore(t, t.TempDir())
	var errs errorCount
	tr, err := Open(st, nil, Options{journalAlways: true, foldAfter: time.Millisecond, SweepEvery: -1, Logger: slog.New(&errs)})
	if err != nil {
		t.Fatalf("Open() = %v", err)
	}
	defer tr.Close()

	other, err := sql.Open("sqlite", "file:"+st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	lock, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if _, err := lock.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatalf("take the write lock: %v", err)
	}
	locked := true
	unlock := func() {
		if locked {
			locked = false
			if _, err := lock.ExecContext(ctx, "ROLLBACK"); err != nil {
				t.Errorf("release the write lock: %v", err)
			}
		}
	}
	defer unlock()

	push(t, tr, ringA)
	time.Sleep(50 * time.Millisecond) // the fold is due and waits for the lock
	const more = 10
	for i := range more {
		push(t, tr, fmt.Sprintf("event=newCall&direction=in&from=4921112345&to=4921155500123&callId=w%d", i))
	}
	if n := errs.n.Load(); n > 0 {
		t.Fatalf("the webhooks were answered only after the fold gave up (%d errors logged)", n)
	}
	unlock()
	for deadline := time.Now().Add(10 * time.Second); journalRows(t, st) != 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the journal was not folded within 10 s of the lock's release (%d errors logged)", errs.n.Load())
		}
	}
	var n int
	if err := st.R.QueryRow(`SELECT COUNT(*) FROM calls`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1+more {
		t.Errorf("%d calls stored, want %d", n, 1+more)
	}
}

// errorCount is a log handler that counts the records at level Error.
type errorCount struct{ n atomic.Int64 }

func (e *errorCount) Enabled(context.Context, slog.Level) bool { return true }
func (e *errorCount) WithAttrs([]slog.Attr) slog.Handler       { return e }
func (e *errorCount) WithGroup(string) slog.Handler            { return e }

func (e *errorCount) Handle(_ context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		e.n.Add(1)
	}
	return nil
}
