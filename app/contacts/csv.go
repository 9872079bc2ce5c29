package contacts

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// decodeCSV reads a CSV file with a header row, separated by commas,
// semicolons (as German Excel writes) or tabs, and names its dialect.
func decodeCSV(data []byte) ([]record, Format, error) {
	rd := csv.NewReader(bytes.NewReader(data))
	rd.Comma = delimiter(data)
	rd.FieldsPerRecord = -1
	header, err := rd.Read()
	if errors.Is(err, io.EOF) {
		return nil, FormatCSV, nil
	}
	if err != nil {
		return nil, FormatCSV, csvError(err)
	}
	cols := mapHeader(header)
	format := csvDialect(header)
	if !slices.ContainsFunc(cols, func(c column) bool { return c.role == rolePhone }) {
		return nil, format, fmt.Errorf("the header row has no phone column (it has %q): name one column Phone, Mobile or Telefon", header)
	}
	var recs []record
	for {
		row, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return recs, format, nil
		}
		if err != nil {
			return nil, format, csvError(err)
		}
		line, _ := rd.FieldPos(0)
		if r, ok := rowRecord(cols, row, line); ok {
			recs = append(recs, r)
		}
	}
}

// csvDialect tells the exports of Google Contacts and Outlook (English
// or German) from other CSV files by their headers.
func csvDialect(header []string) Format {
	has := map[string]bool{}
	for _, h := range header {
		has[strings.Join(headerTokens(h), " ")] = true
	}
	switch {
	case has["phone 1 value"] || has["e mail 1 value"]:
		return FormatGoogleCSV
	case has["telefon geschäftlich"] || has["mobiltelefon"] || has["straße geschäftlich"]:
		return FormatOutlookCSVDE
	case has["business phone"] || has["business street"] || has["home street"] || has["e mail address"]:
		return FormatOutlookCSV
	}
	return FormatCSV
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("line %d is not valid CSV (%v): put a field with quotes or separators in double quotes, and double the quotes inside it", pe.StartLine, pe.Err)
	}
	return err
}

// delimiter picks the separator the header line uses most.
func delimiter(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	best, most := ',', 0
	for _, d := range []rune{',', ';', '\t'} {
		if n := countOutsideQuotes(line, byte(d)); n > most {
			best, most = d, n
		}
	}
	return best
}

func countOutsideQuotes(line []byte, c byte) int {
	n, quoted := 0, false
	for _, b := range line {
		if b == '"' {
			quoted = !quoted
		} else if b == c && !quoted {
			n++
		}
	}
	return n
}
