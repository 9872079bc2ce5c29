package calls

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// record is one journal file record holding entries.
func record(entries ...journaled) []byte {
	body := encodeJournal(nil, entries)
	rec := binary.LittleEndian.AppendUint32(nil, uint32(len(body)))
	rec = binary.LittleEndian.AppendUint32(rec, checksum(body))
	return append(rec, body...)
}

func TestDecodeJournalFile(t *testing.T) {
	cases := journalCases()
	one, two := record(cases[1]), record(cases[2], cases[3])
	whole := append(append([]byte{}, one...), two...)
	bad := append([]byte{}, one...)
	bad[len(bad)-1] ^= 0xff // the checksum no longer matches
	for _, tc := range []struct {
		name    string
		data    []byte
		batches int
		whole   int
	}{
		{"empty", nil, 0, 0},
		{"two records", whole, 2, len(whole)},
		{"header cut off", append(append([]byte{}, one...), two[:5]...), 1, len(one)},
		{"body cut off", append(append([]byte{}, one...), two[:len(two)-1]...), 1, len(one)},
		{"damaged last record", append(append([]byte{}, two...), bad...), 1, len(two)},
		{"damaged first record ends the file", append(append([]byte{}, bad...), two...), 0, 0},
		{"length beyond the end", binary.LittleEndian.AppendUint32(nil, 1<<31), 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			batches, n, err := decodeJournalFile(tc.data)
			if err != nil || len(batches) != tc.batches || n != tc.whole {
				t.Fatalf("decodeJournalFile() = %d batches, %d bytes, %v; want %d, %d, nil", len(batches), n, err, tc.batches, tc.whole)
			}
			if tc.batches == 2 && !reflect.DeepEqual(batches[1], []journaled{cases[2], cases[3]}) {
				t.Errorf("second batch = %+v", batches[1])
			}
		})
	}
	// A record whose checksum matches but whose body is not a journal
	// batch is an error, not the end of the file.
	body := []byte{journalFormat, 5}
	rec := binary.LittleEndian.AppendUint32(nil, uint32(len(body)))
	rec = append(binary.LittleEndian.AppendUint32(rec, checksum(body)), body...)
	if _, _, err := decodeJournalFile(append(append([]byte{}, one...), rec...)); err == nil {
		t.Errorf("decodeJournalFile(a checksummed bad body) = nil error")
	}
}

func FuzzDecodeJournalFile(f *testing.F) {
	cases := journalCases()
	f.Add([]byte{})
	f.Add(record(cases[1]))
	f.Add(append(record(cases[2]), record(cases[0], cases[3])...))
	f.Fuzz(func(t *testing.T, data []byte) {
		batches, n, err := decodeJournalFile(data)
		if err != nil {
			return
		}
		if n < 0 || n > len(data) {
			t.Fatalf("whole records take %d of %d bytes", n, len(data))
		}
		again, m, err := decodeJournalFile(data[:n])
		if err != nil || m != n || len(again) != len(batches) {
			t.Fatalf("the whole records alone read as %d batches, %d bytes, %v; want %d, %d", len(again), m, err, len(batches), n)
		}
	})
}

// TestJournalFileWrittenAndEmptied: with the lock, batches go to the
// file, not the table, and a fold empties the file.
func TestJournalFileWrittenAndEmptied(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no journal file lock on Windows: the table is the journal")
	}
	st := openTestStore(t, t.TempDir())
	tr := journalTracker(t, st)
	push(t, tr, ringA)
	push(t, tr, answerA)
	var rows int
	if err := st.R.QueryRow(`SELECT COUNT(*) FROM call_journal`).Scan(&rows); err != nil || rows != 0 {
		t.Errorf("call_journal rows = %d, %v; want 0 (the file holds the journal)", rows, err)
	}
	path := filepath.Join(st.Dir(), journalFileName)
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 || fi.Mode().Perm() != 0o600 {
		t.Fatalf("journal file = %v, %v; want a non-empty file with mode 0600", fi, err)
	}
	if _, err := tr.Get(context.Background(), 1); err != nil {
		t.Fatalf("Get(1) = %v", err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Errorf("journal file after the fold = %v, %v; want empty", fi, err)
	}
}

// TestJournalFileReplayedAtOpen: what a killed process left in the file
// is folded at Open, a cut-off last record is dropped, and the file is
// emptied so new records do not land behind the torn one.
func TestJournalFileReplayedAtOpen(t *testing.T) {
	dir := t.TempDir()
	st := openTestStore(t, dir)
	t0 := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	lost := journaled{Call: Call{ID: 7, Direction: In, From: "+4930123456", Status: StatusMissed, StartedAt: t0,
		Version: 2, Users: []string{"Anna"}, Legs: []Leg{{CallID: "jf", StartedAt: t0}}}, Key: "jf", Updated: t0.UnixMilli()}
	torn := record(journaled{Call: Call{ID: 8, StartedAt: t0, Version: 1}, Key: "torn"})
	data := append(record(lost), torn[:len(torn)-3]...)
	path := filepath.Join(dir, journalFileName)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	tr := journalTracker(t, st)
	if c, err := tr.Get(context.Background(), 7); err != nil || c.Status != StatusMissed || c.Legs[0].CallID != "jf" {
		t.Errorf("Get(7) = %+v, %v; want the replayed missed call", c, err)
	}
	if _, err := tr.Get(context.Background(), 8); err == nil {
		t.Errorf("Get(8) found the call of the torn record")
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Errorf("journal file after Open = %v, %v; want empty", fi, err)
	}
}

// TestJournalFileBadRecordStopsOpen: a record that passes its checksum
// but cannot be read stops Open and is left for a look.
func TestJournalFileBadRecordStopsOpen(t *testing.T) {
	dir := t.TempDir()
	st := openTestStore(t, dir)
	body := []byte{journalFormat + 1}
	rec := binary.LittleEndian.AppendUint32(nil, uint32(len(body)))
	rec = append(binary.LittleEndian.AppendUint32(rec, checksum(body)), body...)
	path := filepath.Join(dir, journalFileName)
	if err := os.WriteFile(path, rec, 0o600); err != nil {
		t.Fatal(err)
	}
	tr, err := Open(st, nil, Options{SweepEvery: -1})
	if err == nil {
		tr.Close()
		t.Fatalf("Open() with a bad journal record = nil error")
	}
	if msg := err.Error(); !strings.Contains(msg, journalFileName) || !strings.Contains(msg, "move it away") {
		t.Errorf("Open() error = %q, want it to name %s and the way out", msg, journalFileName)
	}
	if got, err := os.ReadFile(path); err != nil || len(got) != len(rec) {
		t.Errorf("journal file after the failed Open = %d bytes, %v; want the %d left", len(got), err, len(rec))
	}
}

// TestJournalSecondTrackerUsesTheTable: a second tracker on the same
// data dir (another process, in real use) does not get the file's lock
// and journals into call_journal; both states survive.
func TestJournalSecondTrackerUsesTheTable(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no journal file lock on Windows")
	}
	dir := t.TempDir()
	st1, st2 := openTestStore(t, dir), openTestStore(t, dir)
	journalTracker(t, st1)
	if jf, err := openJournalFile(dir); jf != nil || err != nil {
		jf.close()
		t.Fatalf("openJournalFile() beside a tracker = %v, %v; want nil, nil (locked)", jf, err)
	}
	tr2 := journalTracker(t, st2)
	push(t, tr2, ringA)
	var rows int
	if err := st2.R.QueryRow(`SELECT COUNT(*) FROM call_journal`).Scan(&rows); err != nil || rows != 1 {
		t.Errorf("call_journal rows = %d, %v; want the second tracker's 1", rows, err)
	}
	tr2.Close()
	if s := storedStatus(t, st1, 1); s != string(StatusRinging) {
		t.Errorf("stored status after the second tracker closed = %s, want ringing", s)
	}
}
