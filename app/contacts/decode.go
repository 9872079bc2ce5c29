package contacts

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// decode reads the records of a file in the format its name or content
// says, and returns the format's name ("vcf" or "csv").
func decode(data []byte, name string) ([]record, string, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		// Excel and older address books write Windows-1252; every byte
		// sequence is valid in it, so this cannot fail.
		if d, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			data = d
		}
	}
	if isVCard(data, name) {
		recs, err := decodeVCards(data)
		return recs, "vcf", err
	}
	recs, err := decodeCSV(data)
	return recs, "csv", err
}

func isVCard(data []byte, name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".vcf", ".vcard":
		return true
	case ".csv", ".tsv", ".txt":
		return false
	}
	head := data[:min(len(data), 4096)]
	return bytes.Contains(bytes.ToUpper(head), []byte("BEGIN:VCARD"))
}
