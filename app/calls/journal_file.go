package calls

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
)

// The process that holds the lock of the data dir's journal file appends
// each batch of webhook changes to that file instead of call_journal:
// one write(2) a batch in place of a SQLite transaction. Written data is
// in the kernel once write returns, so a kill -9 after the 200 loses
// nothing, the same durability as the store's WAL with
// synchronous=NORMAL. Each record is its body's length and CRC-32C (both
// little-endian uint32) and the body encodeJournal writes. Open replays
// the file like the table; a record cut short or failing its checksum
// ends the file (a write a crash cut off, never acknowledged). The file
// is emptied whenever the journal is fully folded. A process that does
// not get the lock (another one on the same data dir) uses the table.
const journalFileName = "calls.journal"

// journalHeader is the size of a record's length and checksum.
const journalHeader = 8

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// checksum is a record body's CRC-32C.
func checksum(body []byte) uint32 { return crc32.Checksum(body, castagnoli) }

// journalFile is the locked, open journal file.
type journalFile struct {
	f    *os.File
	size int64 // bytes written: where the next record goes
	buf  []byte
}

// openJournalFile opens and locks the journal file in dir. It returns
// nil (and no error) when another process holds the lock or the system
// has no file locks: the writer uses call_journal then.
func openJournalFile(dir string) (*journalFile, error) {
	path := filepath.Join(dir, journalFileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open the call journal file: %w", err)
	}
	locked, err := lockJournal(f)
	if err != nil || !locked {
		f.Close()
		return nil, err
	}
	return &journalFile{f: f}, nil
}

// read returns the batches of the whole records in the file, and how many
// bytes at its end were cut off or damaged. The next reset empties all
// of it.
func (j *journalFile) read() ([][]journaled, int64, error) {
	data, err := io.ReadAll(io.NewSectionReader(j.f, 0, 1<<62))
	if err != nil {
		return nil, 0, fmt.Errorf("read the call journal file: %w", err)
	}
	j.size = int64(len(data))
	batches, whole, err := decodeJournalFile(data)
	if err != nil {
		return nil, 0, err
	}
	return batches, int64(len(data) - whole), nil
}

// decodeJournalFile reads the records of data: the batches, and how many
// bytes the whole records take. A record whose checksum matches but
// whose body cannot be decoded is an error.
func decodeJournalFile(data []byte) ([][]journaled, int, error) {
	var batches [][]journaled
	off := 0
	for len(data)-off >= journalHeader {
		n := int(binary.LittleEndian.Uint32(data[off:]))
		sum := binary.LittleEndian.Uint32(data[off+4:])
		if n > len(data)-off-journalHeader {
			break
		}
		body := data[off+journalHeader : off+journalHeader+n]
		if checksum(body) != sum {
			break
		}
		entries, err := decodeJournal(body)
		if err != nil {
			return nil, 0, fmt.Errorf("%s in the data dir cannot be read (record %d: %w); move it away to start without "+
				"the calls it holds", journalFileName, len(batches)+1, err)
		}
		batches = append(batches, entries)
		off += journalHeader + n
	}
	return batches, off, nil
}

// append writes body as one record. When the write fails the file is cut
// back to its whole records, so no torn record hides the ones after it.
func (j *journalFile) append(body []byte) error {
	j.buf = binary.LittleEndian.AppendUint32(j.buf[:0], uint32(len(body)))
	j.buf = binary.LittleEndian.AppendUint32(j.buf, checksum(body))
	j.buf = append(j.buf, body...)
	n, err := j.f.WriteAt(j.buf, j.size)
	if err == nil {
		j.size += int64(n)
		return nil
	}
	if terr := j.f.Truncate(j.size); terr != nil {
		return errors.Join(fmt.Errorf("write the call journal file: %w", err), errJournalFileTorn)
	}
	return fmt.Errorf("write the call journal file: %w", err)
}

// errJournalFileTorn: a failed write could not be cut back; the file must
// not be written again.
var errJournalFileTorn = errors.New("the call journal file keeps a torn record")

// reset empties the file (everything in it is folded).
func (j *journalFile) reset() error {
	if j.size == 0 {
		return nil
	}
	if err := j.f.Truncate(0); err != nil {
		return fmt.Errorf("empty the call journal file: %w", err)
	}
	j.size = 0
	return nil
}

// close closes the file, which releases its lock.
func (j *journalFile) close() error {
	if j == nil {
		return nil
	}
	return j.f.Close()
}
