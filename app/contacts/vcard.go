package contacts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/emersion/go-vcard"
)

// Our own vCard properties, so an export keeps the flags on re-import.
const (
	fieldVIP     = "X-WHOISCALLING-VIP"
	fieldBlocked = "X-WHOISCALLING-BLOCKED"
)

// decodeVCards reads every card. A card that is cut off or broken fails
// the whole file, naming the line it starts on. The file is cut at
// BEGIN lines into one part per CPU, decoded in parallel: go-vcard's
// decoder is the slowest step of a large import after SQLite.
func decodeVCards(data []byte) ([]record, error) {
	begins := beginLines(data)
	parts := min(runtime.GOMAXPROCS(0), max(len(begins)/512, 1))
	out := make([][]record, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(begins)/parts, (p+1)*len(begins)/parts
		from, to := 0, len(data)
		if p > 0 {
			from = begins[lo].offset
		}
		if p < parts-1 {
			to = begins[hi].offset
		}
		wg.Go(func() { out[p], errs[p] = decodePart(data[from:to], begins[lo:hi]) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return slices.Concat(out...), nil
}

// decodePart decodes the cards of one part; begins are its BEGIN lines.
func decodePart(data []byte, begins []begin) ([]record, error) {
	dec := vcard.NewDecoder(bytes.NewReader(data))
	recs := make([]record, 0, len(begins))
	for i := 0; ; i++ {
		card, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			return nil, vcardError(err, i, begins)
		}
		recs = append(recs, cardRecord(card, lineAt(begins, i)))
	}
}

// begin is where a BEGIN:VCARD line is: its line number and byte offset.
type begin struct{ line, offset int }

// beginLines finds the BEGIN:VCARD lines; the decoder reads the cards in
// the same order.
func beginLines(data []byte) []begin {
	var out []begin
	for n, off := 1, 0; off < len(data); n++ {
		l := data[off:]
		if i := bytes.IndexByte(l, '\n'); i >= 0 {
			l = l[:i+1]
		}
		if l[0] != ' ' && l[0] != '\t' && bytes.EqualFold(bytes.TrimSpace(l), []byte("BEGIN:VCARD")) {
			out = append(out, begin{n, off})
		}
		off += len(l)
	}
	return out
}

// lineAt is the line the i-th card starts on, as far as beginLines
// could tell.
func lineAt(begins []begin, i int) int {
	if i < len(begins) {
		return begins[i].line
	}
	return 0
}

// vcardError names the line where the i-th card went wrong.
func vcardError(err error, i int, begins []begin) error {
	switch {
	case i >= len(begins) && len(begins) > 0:
		return fmt.Errorf("there is text that is not a vCard after the card starting on line %d: remove it, or export the file again", begins[len(begins)-1].line)
	case i >= len(begins):
		return errors.New("there is text that is not a vCard in the file: remove it, or export the file again")
	case strings.Contains(err.Error(), "no BEGIN"):
		return fmt.Errorf("there is text that is not a vCard before line %d: remove it, or export the file again", begins[i].line)
	}
	return fmt.Errorf("the vCard starting on line %d is broken (%v): export the file again, or fix or remove that card", begins[i].line, err)
}
