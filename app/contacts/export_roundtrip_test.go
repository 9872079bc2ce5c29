package contacts

import (
	"bytes"
	"strings"
	"testing"
)

// hostile are values that export formats must escape.
var hostile = []string{
	"R&D; Sales", "Doe, John", `C:\temp\new`, `back\\slash\`, "two\nlines", "\\n is not a newline",
	`"quoted"`, "semi;colon;;", ",,", "=1+1", "+49 211 1234567", "-minus", "@at", "'apostrophe",
	"Zoë Ünal – ✓", strings.Repeat("long ärger ", 20), "a:b", "end\\",
}

// TestExportRoundTripTable: every hostile value in every text field
// comes back exactly from a vCard and a CSV export.
func TestExportRoundTripTable(t *testing.T) {
	for _, format := range []string{"vcf", "csv"} {
		b, _ := newBook(t)
		for i, v := range hostile {
			c := Contact{FirstName: v, LastName: v + "L", Company: v + "C", Street: v + "S", PostalCode: v + "P",
				City: v + "X", Country: v + "Y", Note: v + "\nN", Numbers: nums("+49 211 1" + itoa6(i))}
			mustAdd(t, b, c)
		}
		want, _ := b.List(ctx, "")
		var buf bytes.Buffer
		if err := b.Export(ctx, &buf, format); err != nil {
			t.Fatal(err)
		}
		fresh, _ := newBook(t)
		rep, err := fresh.Import(ctx, bytes.NewReader(buf.Bytes()), "export."+format, nil)
		if err != nil || rep.Imported != len(want) || len(rep.Problems) != 0 {
			t.Fatalf("%s: Import(Export) = %+v, %v", format, rep, err)
		}
		got, _ := fresh.List(ctx, "")
		for i := range want {
			w, g := portable(want[i]), portable(got[i])
			if !sameData(&w, &g) {
				t.Errorf("%s round trip:\n got %+v\nwant %+v", format, g, w)
			}
		}
	}
}

func itoa6(i int) string { return strings.Repeat("0", 6-len(itoa(i))) + itoa(i) }

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// TestVCardExportEscapes: the escapes and folding on the wire.
func TestVCardExportEscapes(t *testing.T) {
	var buf bytes.Buffer
	c := Contact{FirstName: "A;B", LastName: `C\D`, Company: "R&D; Sales, Inc", Note: "x\ny" + strings.Repeat("ü", 60)}
	if err := writeVCards(&buf, []Contact{c}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"N:C\\\\D;A\\;B;;;\r\n", "ORG:R&D\\; Sales\\, Inc\r\n", "NOTE:x\\ny"} {
		if !strings.Contains(out, want) {
			t.Errorf("export %q lacks %q", out, want)
		}
	}
	for _, l := range strings.Split(out, "\r\n") {
		if len(l) > foldAt {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
	}
}

// TestFritzBoxExport: the export is a phone book the reader takes back,
// with the VIP flag as the router's category.
func TestFritzBoxExport(t *testing.T) {
	b, _ := newBook(t)
	importFile(t, b, "testdata/fritzbox.xml")
	mustAdd(t, b, Contact{FirstName: "Anna", LastName: "Müller&<Co>", Numbers: []Number{{Label: LabelMobile, Raw: "0171 2345678"},
		{Label: LabelOther, Raw: "+46 123 456 7890"}}})
	var buf bytes.Buffer
	if err := b.Export(ctx, &buf, "fritzbox"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"<phonebooks>", "<realName>Anna Müller&amp;&lt;Co&gt;</realName>", `<number type="mobile" id="0" prio="1">+49 171 2345678</number>`,
		"<category>1</category>", "+49 211 141414-0"} {
		if !strings.Contains(out, want) && !strings.Contains(strings.ReplaceAll(out, ` prio="1" id="0"`, ` id="0" prio="1"`), want) {
			t.Errorf("FRITZ!Box export lacks %q:\n%s", want, out)
		}
	}
	want, _ := b.List(ctx, "")
	fresh, _ := newBook(t)
	rep, err := fresh.Import(ctx, bytes.NewReader(buf.Bytes()), "book.xml", nil)
	if err != nil || rep.Format != FormatFritzBox || rep.Imported != len(want) {
		t.Fatalf("Import(FRITZ!Box export) = %+v, %v", rep, err)
	}
	got, _ := fresh.List(ctx, "")
	for i := range want {
		w, g := portable(want[i]), portable(got[i])
		w.Street, w.PostalCode, w.City, w.Country, w.Note, w.Blocked = "", "", "", "", "", false // not in a FRITZ!Box book
		if !sameData(&w, &g) {
			t.Errorf("FRITZ!Box round trip:\n got %+v\nwant %+v", g, w)
		}
	}
	if rep, err := b.Import(ctx, bytes.NewReader(buf.Bytes()), "book.xml", nil); err != nil || rep.Updated != 0 || rep.Unchanged != len(want) {
		t.Errorf("importing the FRITZ!Box export into its own book = %+v, %v; want nothing changed", rep, err)
	}
}

func TestSafeCSVCell(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"Anna", "Anna"},
		{"0211 1234567", "0211 1234567"},
		{"+49 211 1234567", "(+49) 211 1234567"},
		{"+492111234567", "(+49) 2111234567"},
		{"+49 211 63555-0", "(+49) 211 63555-0"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1+1", "'+1+1"},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"'quoted", "''quoted"},
		{"+", "'+"},
	}
	for _, c := range cases {
		if got := SafeCSVCell(c.in); got != c.want {
			t.Errorf("SafeCSVCell(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := undefuse(SafeCSVCell(c.in)); c.in != "" && got != c.in && !strings.HasPrefix(c.want, "(+") {
			t.Errorf("import reads SafeCSVCell(%q) back as %q", c.in, got)
		}
	}
}
