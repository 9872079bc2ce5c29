package sipgate_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// BenchmarkHistoryPage decodes and maps a full page of 1000 calls, the
// unit of a calls sync.
func BenchmarkHistoryPage(b *testing.B) {
	var items []json.RawMessage
	for i := range 1000 {
		items = append(items, json.RawMessage(fmt.Sprintf(`{"id":"h%d","source":"+4921155%06d","target":"+4921100000000",
			"type":"CALL","created":"2025-03-01T09:00:00Z","direction":"INCOMING","incoming":true,"status":"PICKUP",
			"endpoints":[{"type":"PICKUP","endpoint":{"extension":"w0","type":"USER"}}],"callId":"c%d","duration":42,"callStatus":"SUCCESS"}`, i, i, i)))
	}
	page, _ := json.Marshal(map[string]any{"items": items, "totalCount": 1000})
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		var p sipgate.Page[sipgate.HistoryEntry]
		if err := json.Unmarshal(page, &p); err != nil {
			b.Fatal(err)
		}
		for _, e := range p.Items {
			if _, ok := e.Call(); !ok {
				b.Fatal("not a call")
			}
		}
	}
}
