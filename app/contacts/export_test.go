package contacts

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// fullBook holds both test files, flags, and text that is hard to
// write: quotes, commas, newlines, a formula, umlauts.
func fullBook(t *testing.T) *Book {
	b, _ := newBook(t)
	importFile(t, b, "testdata/messy.vcf")
	importFile(t, b, "testdata/semicolon.csv")
	c := mustAdd(t, b, Contact{FirstName: "Zoë", LastName: "D'Amico, Jr.", Company: `"Quote" & Co`, City: "Köln",
		Note: "=HYPERLINK(\"x\")\nline two, with comma", VIP: true,
		Numbers: []Number{{Label: LabelHome, Raw: "0221 1234567"}, {Label: LabelHome, Raw: "0221 7654321"},
			{Label: LabelWork, Raw: "0221 98765-0"}}})
	if err := b.SetBlocked(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	return b
}

// portable is what a contact keeps through an export: everything but
// IDs, times and the raw text of numbers (exports write the
// international format).
func portable(c Contact) Contact {
	p := Contact{FirstName: c.FirstName, LastName: c.LastName, Company: c.Company, Street: c.Street, PostalCode: c.PostalCode,
		City: c.City, Country: c.Country, Note: c.Note, VIP: c.VIP, Blocked: c.Blocked}
	for _, n := range c.Numbers {
		p.Numbers = append(p.Numbers, Number{Label: n.Label, E164: n.E164, Switchboard: n.Switchboard})
	}
	// CSV groups the numbers by label.
	slices.SortFunc(p.Numbers, func(a, b Number) int { return strings.Compare(a.E164, b.E164) })
	return p
}

func TestExportRoundTrips(t *testing.T) {
	for _, format := range []string{"vcf", "csv"} {
		b := fullBook(t)
		want, _ := b.List(ctx, "")
		var buf bytes.Buffer
		if err := b.Export(ctx, &buf, format); err != nil {
			t.Fatalf("Export(%s): %v", format, err)
		}
		fresh, _ := newBook(t)
		rep, err := fresh.Import(ctx, bytes.NewReader(buf.Bytes()), "export."+format, nil)
		if err != nil || rep.Imported != len(want) || rep.Skipped != 0 || !onlyNoNumber(rep.Problems) {
			t.Fatalf("Import(Export(%s)) = %+v, %v; want %d imported", format, rep, err, len(want))
		}
		got, _ := fresh.List(ctx, "")
		for i := range want {
			w, g := portable(want[i]), portable(got[i])
			if !sameData(&w, &g) {
				t.Errorf("%s round trip:\n got %+v\nwant %+v", format, g, w)
			}
		}
		rep, err = b.Import(ctx, bytes.NewReader(buf.Bytes()), "export."+format, nil)
		if err != nil || rep.Imported != 0 || rep.Updated != 0 || rep.Unchanged != len(want) {
			t.Errorf("importing the %s export into its own book = %+v, %v; want all unchanged", format, rep, err)
		}
	}
}

func TestExportFormats(t *testing.T) {
	b, _ := newBook(t)
	mustAdd(t, b, Contact{Company: "Muster AG", Numbers: nums("0211 63555-0")})
	var buf bytes.Buffer
	if err := b.Export(ctx, &buf, "VCF"); err != nil || !strings.Contains(buf.String(), "TEL;TYPE=work:+49 211 63555-0\r\n") {
		t.Errorf("Export(VCF) = %q, %v; want the switchboard in international form", buf.String(), err)
	}
	buf.Reset()
	if err := b.Export(ctx, &buf, "csv"); err != nil || !strings.HasPrefix(buf.String(), "\uFEFFFirst Name,Last Name,Company,Work Phone,Street,Postal Code,City") ||
		!strings.Contains(buf.String(), ",(+49) 211 63555-0,") {
		t.Errorf("Export(csv) = %q, %v", buf.String(), err)
	}
	if err := b.Export(ctx, &buf, "pdf"); err == nil || !strings.Contains(err.Error(), "use vcf, csv or fritzbox") {
		t.Errorf("Export(pdf) = %v, want an error naming the formats", err)
	}
}

// onlyNoNumber reports whether every problem is an entry imported
// without a number.
func onlyNoNumber(ps []Problem) bool {
	for _, p := range ps {
		if p.Reason.Code != CodeNoNumber {
			return false
		}
	}
	return true
}
