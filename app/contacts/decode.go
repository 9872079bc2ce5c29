package contacts

import (
	"bytes"
	"path/filepath"
	"strings"
)

// decoded is what was read from a file.
type decoded struct {
	recs     []record
	format   Format
	encoding string
}

// decode reads the records of a file. The content decides the format:
// a FRITZ!Box phone book (XML), vCards (a BEGIN:VCARD line), else CSV;
// the file name only decides for content that says nothing (a .vcf file
// with a broken first card is read as vCard, so the error is about
// vCards).
func decode(data []byte, name string) (decoded, error) {
	data, enc := toUTF8(data)
	d := decoded{encoding: enc}
	var err error
	switch sniff(data, name) {
	case FormatFritzBox:
		d.format = FormatFritzBox
		d.recs, err = decodeFritzBox(data)
	case FormatVCard:
		d.recs, d.format, err = decodeVCards(data)
	default:
		d.recs, d.format, err = decodeCSV(data)
	}
	return d, err
}

// sniff guesses the format from the first 4 KiB, then from the name.
func sniff(data []byte, name string) Format {
	head := bytes.TrimSpace(data[:min(len(data), 4096)])
	upper := bytes.ToUpper(head)
	switch {
	case bytes.HasPrefix(head, []byte("<")) && bytes.Contains(head, []byte("<phonebook")):
		return FormatFritzBox
	case bytes.HasPrefix(upper, []byte("BEGIN:VCARD")) || bytes.Contains(upper, []byte("\nBEGIN:VCARD")):
		return FormatVCard
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".vcf", ".vcard":
		return FormatVCard
	case ".xml":
		return FormatFritzBox
	}
	return FormatCSV
}
