package contacts

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
)

// decodeCSV reads a CSV file with a header row, separated by commas,
// semicolons (as German Excel writes) or tabs.
func decodeCSV(data []byte) ([]record, error) {
	rd := csv.NewReader(bytes.NewReader(data))
	rd.Comma = delimiter(data)
	rd.FieldsPerRecord = -1
	header, err := rd.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil
	}
	if err != nil {
		return nil, csvError(err)
	}
	cols := mapHeader(header)
	if !slices.ContainsFunc(cols, func(c column) bool { return c.role == rolePhone }) {
		return nil, fmt.Errorf("the header row has no phone column (it has %q): name one column Phone, Mobile or Telefon", header)
	}
	var recs []record
	for {
		row, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := rd.FieldPos(0)
		if r, ok := rowRecord(cols, row, line); ok {
			recs = append(recs, r)
		}
	}
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
