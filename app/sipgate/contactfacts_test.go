package sipgate_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// contactCases is the mapping table, as sipgate's JSON; the fuzzer seeds
// from it.
var contactCases = []struct {
	name string
	json string
	want sipgate.ContactFacts
}{
	{"full", `{"id":"c1","name":" Erika Mustermann ","scope":"PRIVATE","organization":[["Muster AG","Einkauf"]],
		"numbers":[{"number":"+49 211 5550100","type":["work"]},{"number":"0157 5550101","type":["cell"]}],
		"addresses":[{"streetAddress":"Königsallee 1","locality":"Düsseldorf","postalCode":"40212","country":"DE"}],
		"emails":[{"email":"erika@example.org","type":["work"]}]}`,
		sipgate.ContactFacts{ID: "c1", Name: "Erika Mustermann", Company: "Muster AG", City: "Düsseldorf", Scope: sipgate.ScopePrivate,
			Numbers: []sipgate.LabeledNumber{{"+49 211 5550100", sipgate.LabelWork, []string{"work"}}, {"0157 5550101", sipgate.LabelMobile, []string{"cell"}}}}},
	{"fax wins over work", `{"id":"c2","name":"Zentrale","scope":"SHARED","numbers":[{"number":"+49 211 5550199","type":["work","fax"]}]}`,
		sipgate.ContactFacts{ID: "c2", Name: "Zentrale", Scope: sipgate.ScopeShared,
			Numbers: []sipgate.LabeledNumber{{"+49 211 5550199", sipgate.LabelFax, []string{"work", "fax"}}}}},
	{"types as one string, upper case", `{"id":"c3","scope":"INTERNAL","numbers":[{"number":"+4921100000001","type":"HOME"}]}`,
		sipgate.ContactFacts{ID: "c3", Scope: sipgate.ScopeInternal,
			Numbers: []sipgate.LabeledNumber{{"+4921100000001", sipgate.LabelHome, []string{"HOME"}}}}},
	{"unknown and missing types", `{"id":"c4","numbers":[{"number":"1","type":["voice"]},{"number":"2"},{"number":"3","type":["pager"]}]}`,
		sipgate.ContactFacts{ID: "c4", Numbers: []sipgate.LabeledNumber{{"1", sipgate.LabelOther, []string{"voice"}},
			{"2", sipgate.LabelOther, nil}, {"3", sipgate.LabelPager, []string{"pager"}}}}},
	{"blank and duplicate numbers", `{"id":"c5","numbers":[{"number":" ","type":["work"]},{"number":"+491","type":["work"]},{"number":"+491 ","type":["cell"]}]}`,
		sipgate.ContactFacts{ID: "c5", Numbers: []sipgate.LabeledNumber{{"+491", sipgate.LabelWork, []string{"work"}}}}},
	{"organization flat, empty first", `{"id":"c6","organization":["", " ACME "],"addresses":[{"locality":""},{"locality":"Köln"}]}`,
		sipgate.ContactFacts{ID: "c6", Company: "ACME", City: "Köln"}},
	{"organization string", `{"id":"c7","organization":"Solo GmbH"}`, sipgate.ContactFacts{ID: "c7", Company: "Solo GmbH"}},
	{"nulls", `{"id":"c8","name":null,"numbers":null,"organization":null,"addresses":null,"scope":null}`, sipgate.ContactFacts{ID: "c8"}},
}

func TestContactFacts(t *testing.T) {
	for _, tc := range contactCases {
		var c sipgate.Contact
		if err := json.Unmarshal([]byte(tc.json), &c); err != nil {
			t.Errorf("%s: decode: %v", tc.name, err)
			continue
		}
		if got := c.Facts(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Facts() = %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
}

func TestUserName(t *testing.T) {
	for _, tc := range []struct{ first, last, want string }{
		{"Anna", "Schmidt", "Anna Schmidt"}, {" Anna ", "", "Anna"}, {"", "Schmidt", "Schmidt"}, {"", "", ""},
	} {
		if got := (sipgate.User{Firstname: tc.first, Lastname: tc.last}).Name(); got != tc.want {
			t.Errorf("Name(%q, %q) = %q, want %q", tc.first, tc.last, got, tc.want)
		}
	}
}
