package contacts

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// Export writes every contact, sorted by name, as vCard 3.0 ("vcf"),
// CSV ("csv") or a FRITZ!Box phone book ("fritzbox", to upload to the
// router); Import reads each back to the same book. Numbers are written
// in international format (a switchboard as "+49 211 63555-0"), so the
// file reads the same in any region.
func (b *Book) Export(ctx context.Context, w io.Writer, format string) error {
	all, err := b.List(ctx, "")
	if err != nil {
		return err
	}
	switch strings.ToLower(strings.TrimPrefix(strings.TrimSpace(format), ".")) {
	case "vcf", "vcard":
		err = writeVCards(w, all)
	case "csv":
		err = writeCSV(w, all)
	case "fritzbox", "fritz", "xml":
		err = writeFritzBox(w, all)
	default:
		return fmt.Errorf("unknown export format %q: use vcf, csv or fritzbox", format)
	}
	if err != nil {
		return fmt.Errorf("export the contacts: %w", err)
	}
	return nil
}

// exportNumber is the text a number is exported as. An unverified
// number, which libphonenumber cannot format, is its E.164 form.
func exportNumber(n Number) string {
	return phone.Number{E164: n.E164, Switchboard: n.Switchboard}.International()
}
