package sipgate_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// seedItems adds each item of a testdata page as a seed.
func seedItems(f *testing.F, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	var p struct{ Items []json.RawMessage }
	if err := json.Unmarshal(b, &p); err != nil {
		f.Fatal(err)
	}
	for _, it := range p.Items {
		f.Add([]byte(it))
	}
}

var outcomes = []sipgate.Outcome{sipgate.OutcomeAnswered, sipgate.OutcomeVoicemail, sipgate.OutcomeMissed,
	sipgate.OutcomeNotReached, sipgate.OutcomeUnknown}

func FuzzHistoryEntry(f *testing.F) {
	for _, tc := range callCases {
		b, err := json.Marshal(tc.in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	seedItems(f, "testdata/history.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		var e sipgate.HistoryEntry
		if json.Unmarshal(data, &e) != nil {
			return
		}
		c, ok := e.Call()
		if ok != (e.Type == sipgate.TypeCall || e.Type == sipgate.TypeVoicemail) {
			t.Fatalf("Call() ok = %v for type %q", ok, e.Type)
		}
		if !ok {
			return
		}
		if !slices.Contains(outcomes, c.Outcome) {
			t.Fatalf("outcome %q is not one of %v", c.Outcome, outcomes)
		}
		if c.Duration < 0 || (c.Duration > 0 && c.Outcome != sipgate.OutcomeAnswered) {
			t.Fatalf("duration %v with outcome %q", c.Duration, c.Outcome)
		}
		if (c.AnsweredBy == sipgate.AnsweredByVoicemail) != (c.Outcome == sipgate.OutcomeVoicemail) {
			t.Fatalf("answered by %q with outcome %q", c.AnsweredBy, c.Outcome)
		}
		if c.Incoming && c.From == "" {
			t.Fatal("incoming call without a caller")
		}
	})
}

func FuzzContact(f *testing.F) {
	for _, tc := range contactCases {
		f.Add([]byte(tc.json))
	}
	seedItems(f, "testdata/contacts.json")
	labels := []sipgate.NumberLabel{sipgate.LabelMobile, sipgate.LabelHome, sipgate.LabelWork,
		sipgate.LabelFax, sipgate.LabelPager, sipgate.LabelOther}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c sipgate.Contact
		if json.Unmarshal(data, &c) != nil {
			return
		}
		fc := c.Facts()
		if fc.Name != strings.TrimSpace(fc.Name) || fc.Company != strings.TrimSpace(fc.Company) {
			t.Fatalf("untrimmed facts %+v", fc)
		}
		seen := map[string]bool{}
		for _, n := range fc.Numbers {
			if n.Number == "" || n.Number != strings.TrimSpace(n.Number) || seen[n.Number] || !slices.Contains(labels, n.Label) {
				t.Fatalf("bad number %+v in %+v", n, fc.Numbers)
			}
			seen[n.Number] = true
		}
	})
}

func FuzzNormalizeNumber(f *testing.F) {
	for _, s := range []string{"+492111234567", "00492111234567", "492111234567", "02111234567", "anonymous", "", "w0", "+", "0049"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		n := sipgate.NormalizeNumber(raw)
		if again := sipgate.NormalizeNumber(n); again != n {
			t.Fatalf("NormalizeNumber(%q) = %q, but again gives %q", raw, n, again)
		}
		if (n == "") != (strings.TrimSpace(raw) == "") {
			t.Fatalf("NormalizeNumber(%q) = %q", raw, n)
		}
	})
}
