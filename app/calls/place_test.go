package calls

import (
	"context"
	"encoding/binary"
	"reflect"
	"testing"
)

// placeDir knows one contact and the places of two numbers.
type placeDir struct{}

func (placeDir) Caller(number string) (Caller, bool) {
	switch number {
	case "+4921112345":
		return Caller{ContactID: 7, Name: "Erika Mustermann", Match: "exact", Place: "Düsseldorf"}, true
	case "+4740000000":
		return Caller{Place: "Norway"}, false
	}
	return Caller{}, false
}

// TestPlaceKeptWithTheCall: an unknown caller's place is found when the
// call rings and read back from the store, also after a restart.
func TestPlaceKeptWithTheCall(t *testing.T) {
	st := openTestStore(t, t.TempDir())
	tr, err := Open(st, placeDir{}, Options{SweepEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	push(t, tr, "event=newCall&direction=in&from=4740000000&to=4921155500123&callId=p1&user%5B%5D=Anna")
	push(t, tr, "event=newCall&direction=in&from=4921112345&to=4921155500123&callId=p2&user%5B%5D=Anna")
	push(t, tr, "event=newCall&direction=in&from=4930999999&to=4921155500123&callId=p3&user%5B%5D=Anna")
	tr.Close()
	tr, err = Open(st, placeDir{}, Options{SweepEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	for id, want := range map[int64]struct{ contact, place string }{1: {"", "Norway"}, 2: {"Erika Mustermann", "Düsseldorf"}, 3: {"", ""}} {
		c, err := tr.Get(context.Background(), id)
		if err != nil || c.Contact != want.contact || c.Place != want.place {
			t.Errorf("Get(%d) = contact %q place %q, %v; want %q, %q", id, c.Contact, c.Place, err, want.contact, want.place)
		}
	}
}

// TestDecodeJournalWithoutPlace: a journal row of the format before
// Call.Place (a crash of the older version left it) still reads.
func TestDecodeJournalWithoutPlace(t *testing.T) {
	e := journalCases()[2]
	e.Call.Place = ""
	call := encodeCall(nil, &e.Call)
	body := append([]byte{journalFormatNoPlace, 1}, call[:len(call)-1]...) // without the empty place
	body = binary.AppendVarint(appendString(body, e.Key), e.Updated)
	got, err := decodeJournal(body)
	if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], e) {
		t.Errorf("decodeJournal(format 1) = %+v, %v; want %+v", got, err, e)
	}
	if _, err := decodeJournal(append([]byte{journalFormat + 1}, body[1:]...)); err == nil {
		t.Errorf("decodeJournal(an unknown format) = nil error")
	}
}
