package contacts

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestImportedFields(t *testing.T) {
	b, _ := newBook(t)
	importFile(t, b, "testdata/messy.vcf")
	importFile(t, b, "testdata/semicolon.csv")
	anna, _ := b.Lookup("+492111234567")
	want := Contact{FirstName: "Anna", LastName: "Müller", Company: "ACME GmbH", Street: "Königsallee 1", PostalCode: "40212",
		City: "Düsseldorf", Country: "Deutschland",
		Note: "Ruft meist wegen Rechnungen an, bitte freundlich sein.\nZweite Zeile: sie mag es kurz.",
		Numbers: []Number{
			{LabelWork, "+49 (0)211 123 45-67", "+492111234567", false, ""},
			{LabelMobile, "0171 2345678", "+491712345678", false, ""},
			{LabelHome, "0211 7654321", "+492117654321", false, ""},
		}}
	if !sameData(anna.Contact, &want) {
		t.Errorf("imported Anna = %+v\nwant %+v", *anna.Contact, want)
	}
	for digits, want := range map[string]Contact{
		"4921163555":  {Company: "Muster AG", Street: "Rheinufer 5", PostalCode: "40213", City: "Düsseldorf", Country: "Germany"},
		"49301234567": {FirstName: "Jonas", LastName: "Schmidt"},
		"4722123456":  {FirstName: "Kari", LastName: "Nordmann", City: "Oslo", Country: "Norway"},
		"492111234568": {FirstName: "Anna", LastName: "Schmidt", Company: "Schmidt & Söhne; Werkzeuge", City: "Düsseldorf",
			Country: "Deutschland", Note: "Notiz mit \"Anführungszeichen\"\nund zweiter Zeile"},
		"492211780": {Company: "Stadtwerke Köln", City: "Köln", Country: "DE", Note: "Zentrale"},
	} {
		m, _ := b.Lookup(digits)
		got := *m.Contact
		got.Numbers, got.ID, got.Created, got.Updated = nil, 0, want.Created, want.Updated
		if !sameData(&got, &want) {
			t.Errorf("Lookup(%s) = %+v, want %+v", digits, got, want)
		}
	}
	labels := map[string]Label{"49301234567": LabelHome, "49891234567": LabelWork, "4915123456789": LabelMobile,
		"4921163555": LabelWork, "491711112233": LabelMobile, "492111234568": LabelOther}
	for digits, want := range labels {
		if m, _ := b.Lookup(digits); m.Entry.Label != want {
			t.Errorf("Lookup(%s) label = %q, want %q", digits, m.Entry.Label, want)
		}
	}
}

func TestBrokenFileChangesNothing(t *testing.T) {
	for _, path := range []string{"testdata/broken.vcf", "testdata/broken.csv"} {
		b, _ := newBook(t)
		importFile(t, b, "testdata/semicolon.csv")
		before, _ := b.List(ctx, "")
		data, _ := os.ReadFile(path)
		rep, err := b.Import(ctx, bytes.NewReader(data), path, nil)
		if err == nil || !strings.Contains(err.Error(), "nothing was changed") || !strings.Contains(err.Error(), "line") {
			t.Errorf("Import(%s) = %+v, %v; want an error naming the line", path, rep, err)
		}
		after, _ := b.List(ctx, "")
		if len(after) != len(before) {
			t.Errorf("Import(%s) changed the count from %d to %d", path, len(before), len(after))
		}
		if _, ok := b.Lookup("+492112223334"); ok {
			t.Errorf("Import(%s) added the good entry before the broken one", path)
		}
	}
}

func TestImportMergesIntoExisting(t *testing.T) {
	b, _ := newBook(t)
	old := mustAdd(t, b, Contact{FirstName: "Anna", VIP: true, Numbers: nums("0171 2345678")})
	other := mustAdd(t, b, Contact{Company: "Other", Numbers: nums("0211 7654321")})
	rep := importFile(t, b, "testdata/messy.vcf")
	if rep.Imported != 8 || rep.Updated != 1 || rep.Unchanged != 0 {
		t.Errorf("Import = %+v; want 8 imported and 1 updated (Anna)", rep)
	}
	if p := rep.Problems[len(rep.Problems)-1]; p.Line != 73 || !strings.Contains(p.Reason.String(), `0211 7654321 left with "Other"`) {
		t.Errorf("last problem = %+v, want the number left with Other", p)
	}
	got, _ := b.Get(old.ID)
	if got.LastName != "Müller" || got.Company != "ACME GmbH" || !got.VIP || len(got.Numbers) != 2 || !got.Created.Equal(old.Created) {
		t.Errorf("merged Anna = %+v", got)
	}
	if m, _ := b.Lookup("+492117654321"); m.Contact.ID != other.ID {
		t.Errorf("a number another contact has was moved by the import: %+v", m)
	}
}
