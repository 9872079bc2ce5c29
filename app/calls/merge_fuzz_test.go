package calls_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// FuzzMerge feeds Merge call states as another desk could send them
// (JSON off the network): it never panics, a refused state stores
// nothing, and an accepted one reads back as Merge returned it.
func FuzzMerge(f *testing.F) {
	for _, c := range []calls.Call{
		remote(legA, 4, calls.StatusRinging, "+4921112345"),
		remote(legB, 1, calls.StatusMissed, "+4917812345678"),
		historyEntry("h1", "+4921112345", 40, calls.StatusAnswered),
		{Direction: "sideways", Status: "lost", Version: -1},
	} {
		b, _ := json.Marshal(c)
		f.Add(b)
	}
	f.Add([]byte(`{"direction":"in","status":"missed","legs":[{"call_id":""}]}`))
	tr := newTracker(f, newClock(), calls.Options{})
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		var in calls.Call
		if json.Unmarshal(data, &in) != nil {
			return
		}
		before, _ := tr.Recent(ctx, calls.Query{Limit: 1})
		out, applied, err := tr.Merge(ctx, in)
		if err != nil {
			if after, _ := tr.Recent(ctx, calls.Query{Limit: 1}); jsonOf(after) != jsonOf(before) {
				t.Errorf("Merge(%s) = %v, and the history changed", data, err)
			}
			return
		}
		if stored, err := tr.Get(ctx, out.ID); applied && (err != nil || jsonOf(stored) != jsonOf(out)) {
			t.Errorf("Merge(%s) = %s, but stored %s, %v", data, jsonOf(out), jsonOf(stored), err)
		}
	})
}
