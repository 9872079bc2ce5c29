package contacts

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// Export writes every contact, sorted by name, as vCard 3.0 ("vcf") or
// CSV ("csv"); Import reads both back to the same book. Numbers are
// written in international format (a switchboard as "+49 211 63555-0"),
// so the file reads the same in any region.
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
	default:
		return fmt.Errorf("unknown export format %q: use vcf or csv", format)
	}
	if err != nil {
		return fmt.Errorf("export the contacts: %w", err)
	}
	return nil
}

// exportNumber is the text a number is exported as.
func exportNumber(n Number) string {
	return phone.Number{E164: n.E164, Switchboard: n.Switchboard}.International()
}
