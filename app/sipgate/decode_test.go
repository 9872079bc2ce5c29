package sipgate_test

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// The testdata pages use the field names of sipgate's spec and the Node
// library; decoding them must keep every fact the app reads.
func TestDecodeHistoryPage(t *testing.T) {
	var p sipgate.Page[sipgate.HistoryEntry]
	readJSON(t, "testdata/history.json", &p)
	if p.TotalCount != 3 || len(p.Items) != 3 {
		t.Fatalf("page = %d items, total %d", len(p.Items), p.TotalCount)
	}
	h1, vm, sms := p.Items[0], p.Items[1], p.Items[2]
	if h1.CallID != "c-1" || h1.Duration != 125 || h1.CallStatus != "SUCCESS" || len(h1.Recordings) != 1 ||
		h1.Endpoints[1].Type != "PICKUP" || h1.Endpoints[1].Endpoint.Extension != "w0" || h1.ConnectionIDs[0] != "g1" {
		t.Errorf("h1 = %+v", h1)
	}
	if want := time.Date(2025, 3, 1, 8, 2, 5, 123e6, time.UTC); !h1.LastModified.Equal(want) {
		t.Errorf("lastModified = %v, want %v", h1.LastModified, want)
	}
	if vm.Type != sipgate.TypeVoicemail || vm.Duration != 17.5 || !vm.Created.Equal(time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("voicemail = %+v", vm)
	}
	if !sms.Created.Equal(time.UnixMilli(1740830400000)) {
		t.Errorf("sms created = %v", sms.Created)
	}
}

func TestDecodeContactsPage(t *testing.T) {
	var p sipgate.Page[sipgate.Contact]
	readJSON(t, "testdata/contacts.json", &p)
	if p.TotalCount != 2 || len(p.Items) != 2 {
		t.Fatalf("page = %d items, total %d", len(p.Items), p.TotalCount)
	}
	if f := p.Items[0].Facts(); f.Company != "Muster AG" || f.City != "Düsseldorf" || len(f.Numbers) != 2 {
		t.Errorf("facts = %+v", f)
	}
	if f := p.Items[1].Facts(); f.Company != "" || f.Numbers[0].Number != "+49 211 5550-0" {
		t.Errorf("facts = %+v", f)
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestTimeDecoding(t *testing.T) {
	want := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{`"2025-03-01T09:00:00Z"`, want, true},
		{`"2025-03-01T10:00:00+01:00"`, want, true},
		{`"2025-03-01T10:00:00.000+0100"`, want, true},
		{`"2025-03-01T09:00:00"`, want, true},
		{`"2025-03-01 09:00:00"`, want, true},
		{`1740819600000`, want, true},
		{`null`, time.Time{}, true},
		{`""`, time.Time{}, true},
		{`"yesterday"`, time.Time{}, false},
		{`true`, time.Time{}, false},
	} {
		var got sipgate.Time
		err := json.Unmarshal([]byte(tc.in), &got)
		if (err == nil) != tc.ok || (tc.ok && !got.Equal(tc.want)) {
			t.Errorf("Time(%s) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	b, _ := json.Marshal(sipgate.Time{Time: want})
	if string(b) != `"2025-03-01T09:00:00Z"` {
		t.Errorf("marshal = %s", b)
	}
}

func TestStatusCodeDecoding(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want sipgate.StatusCode
	}{{`200`, 200}, {`"504"`, 504}, {`""`, 0}, {`null`, 0}, {`"TIMEOUT"`, 0}, {`{}`, 0}} {
		var got sipgate.StatusCode
		if err := json.Unmarshal([]byte(tc.in), &got); err != nil || got != tc.want {
			t.Errorf("StatusCode(%s) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
}
