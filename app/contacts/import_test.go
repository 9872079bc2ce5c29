package contacts

import (
	"strconv"
	"strings"
	"testing"
)

// resolves lists, per test file, the numbers in the digits-only form
// sipgate sends and the contact each must find ("" for none).
var resolves = map[string][]struct{ digits, want string }{
	"testdata/messy.vcf": {
		{"492111234567", "Anna Müller"},  // +49 (0)211 123 45-67
		{"491712345678", "Anna Müller"},  // 0171 2345678, given again by a later card
		{"492117654321", "Anna Müller"},  // added by the later card
		{"49211635550", "Muster AG"},     // tel:+49-211-63555-0
		{"4921163555777", "Muster AG"},   // an extension of that switchboard
		{"492116355521", "Tom Becker"},   // a direct line inside it
		{"49301234567", "Jonas Schmidt"}, // 030/1234567, Apple label
		{"49891234567", "Jonas Schmidt"}, // 0049 89 1234567
		{"4915123456789", "Elif Öztürk"}, // tel: URI, TYPE="voice,cell"
		{"492219876542", "Elif Öztürk"},  // tel:…;ext=42
		{"4722123456", "Kari Nordmann"},  // folded across two lines
		{"442079460958", "Kari Nordmann"},
		{"14155550132", "Jane Doe"},
		{"491609988776", "Lena Weber"},
		{"492119999999", ""}, // a fax number
		{"49401234567", ""},  // a card with no name
	},
	"testdata/semicolon.csv": {
		{"492111234568", "Anna Schmidt"},
		{"491711112233", "Anna Schmidt"}, // two numbers in one cell
		{"491722223344", "Anna Schmidt"},
		{"49309876543", "Bernd Klein"},
		{"492211780", "Stadtwerke Köln"},
		{"4922117899", "Stadtwerke Köln"},
		{"49897654321", "Carla Groß"},
		{"4722123457", "Fritz Norweger"},
		{"14155550133", "Fritz Norweger"},
		{"492115555555", ""},
	},
}

func TestImportResolvesEveryContact(t *testing.T) {
	for path, cases := range resolves {
		b, _ := newBook(t)
		importFile(t, b, path)
		for _, c := range cases {
			m, ok := b.Lookup("+" + c.digits)
			got := ""
			if ok {
				got = m.Contact.DisplayName()
			}
			if got != c.want {
				t.Errorf("%s: Lookup(+%s) = %q, want %q", path, c.digits, got, c.want)
			}
		}
	}
}

func TestImportReport(t *testing.T) {
	cases := []struct {
		path              string
		imported, skipped int
		problems          []string // "line: part of the reason"
		again             int      // Unchanged when imported again
	}{
		{"testdata/messy.vcf", 9, 1, []string{
			`55: number left out: "0171 1" is too short`,
			`63: number left out: "abc" is not a phone number`,
			`63: imported without a phone number`,
			`69: skipped: no name or company`,
		}, 9},
		{"testdata/semicolon.csv", 7, 1, []string{
			`8: imported without a phone number`,
			`9: number left out: "0171 1" is too short`,
			`9: imported without a phone number`,
			`10: skipped: no name or company`,
		}, 7},
	}
	for _, c := range cases {
		b, _ := newBook(t)
		rep := importFile(t, b, c.path)
		if rep.Imported != c.imported || rep.Skipped != c.skipped || rep.Updated != 0 || b.Count() != c.imported {
			t.Errorf("Import(%s) = %+v, Count %d; want %d imported, %d skipped", c.path, rep, b.Count(), c.imported, c.skipped)
		}
		if len(rep.Problems) != len(c.problems) {
			t.Errorf("%s: %d problems %+v, want %d", c.path, len(rep.Problems), rep.Problems, len(c.problems))
		}
		for _, p := range rep.Problems {
			if p.Entry == "" {
				t.Errorf("%s: problem %+v names no entry", c.path, p)
			}
		}
		for i, want := range c.problems {
			line, reason, _ := strings.Cut(want, ": ")
			if i >= len(rep.Problems) || strconv.Itoa(rep.Problems[i].Line) != line || !strings.Contains(rep.Problems[i].Reason.String(), reason) {
				t.Errorf("%s: problems = %+v; want #%d %q", c.path, rep.Problems, i, want)
			}
		}
		before, _ := b.List(ctx, "")
		rep = importFile(t, b, c.path)
		after, _ := b.List(ctx, "")
		if rep.Imported != 0 || rep.Updated != 0 || rep.Unchanged != c.again || b.Count() != c.imported {
			t.Errorf("importing %s again = %+v, Count %d; want no change", c.path, rep, b.Count())
		}
		for i := range before {
			if !sameData(&before[i], &after[i]) || !before[i].Updated.Equal(after[i].Updated) {
				t.Errorf("importing %s again changed %+v into %+v", c.path, before[i], after[i])
			}
		}
	}
}
