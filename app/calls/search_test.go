package calls_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// Search ignores case, accents and word order, and finds calls by name,
// company, city, the users rung and who answered; numbers among words
// must match too.
func TestSearchWords(t *testing.T) {
	tr := history(t, calls.Options{})
	for _, tt := range []struct {
		search string
		want   []int64
	}{
		{"dusseldorf", []int64{2, 1}},
		{"DÜSSELDORF", []int64{2, 1}},
		{"mustermann erika", []int64{2, 1}},
		{"muster düsseldorf", []int64{2, 1}},
		{"jurgen", []int64{5, 4, 3}},
		{"müller jürgen", []int64{5, 4, 3}},
		{"anna mayer", []int64{2, 1}},
		{"erika 0211", []int64{2, 1}},
		{"erika 030", []int64{}},
		{"hans spree", []int64{4}},
		{"spree köln", []int64{}},
		{"0211 123 45", []int64{2, 1}},
	} {
		got, err := tr.Recent(context.Background(), calls.Query{Search: tt.search})
		if err != nil {
			t.Fatalf("Recent(%q) = %v", tt.search, err)
		}
		if !slices.Equal(ids(got), tt.want) {
			t.Errorf("Recent(Search %q) = %v, want %v", tt.search, ids(got), tt.want)
		}
	}
}

var foldTests = []struct{ in, want string }{
	{"Düsseldorf", "dusseldorf"},
	{"Straße", "strasse"},
	{"Ørsted", "orsted"},
	{"ÉCOLE", "ecole"},
	{"Anna Mayer", "anna mayer"},
	{"Łódź", "lodz"},
	{"東京", "東京"},
}

func TestFold(t *testing.T) {
	for _, tt := range foldTests {
		if got := calls.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, tt := range foldTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := calls.Fold(s)
		if calls.Fold(got) != got {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, got, calls.Fold(got))
		}
		if strings.ContainsFunc(got, func(r rune) bool {
			return unicode.IsUpper(r) && unicode.ToLower(r) != r && unicode.IsLetter(r) && r < 0x2000
		}) {
			t.Fatalf("Fold(%q) = %q keeps upper case", s, got)
		}
	})
}
