package contacts

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
)

// Our own vCard properties, so an export keeps the flags on re-import.
const (
	fieldVIP     = "X-WHOISCALLING-VIP"
	fieldBlocked = "X-WHOISCALLING-BLOCKED"
)

// decodeVCards reads every card of a vCard 2.1, 3.0 or 4.0 file. A
// card that is cut off, or text between cards, fails the whole file,
// naming the line. The cards are found in one pass over the lines, then
// read in parallel, one share per CPU.
func decodeVCards(data []byte) ([]record, Format, error) {
	cards, err := splitCards(data)
	if err != nil {
		return nil, "", err
	}
	recs := make([]record, len(cards))
	versions := make([]string, len(cards))
	workers := min(runtime.GOMAXPROCS(0), max(len(cards)/512, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(cards); i += workers {
				card := readCard(cards[i])
				recs[i], versions[i] = cardRecord(card, cards[i].line), card.Value("VERSION")
			}
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, v := range versions {
		seen[v] = true
	}
	return recs, vcardFormat(seen), nil
}

// cardText is one card's lines, BEGIN to END, and the line it starts on.
type cardText struct {
	line int
	data []byte
}

// splitCards finds the cards. Folded lines (starting with a space or
// tab) belong to the line before and never start or end a card.
func splitCards(data []byte) ([]cardText, error) {
	var cards []cardText
	open, openLine, stray := -1, 0, 0
	for n, off := 1, 0; off < len(data); n++ {
		l := nextLine(data[off:])
		t := trimLine(l)
		switch {
		case isFolded(l) && open >= 0:
		case open < 0 && isMarker(t, "BEGIN"):
			if stray > 0 {
				return nil, fmt.Errorf("there is text that is not a vCard on line %d, before the card on line %d: remove it, or export the file again", stray, n)
			}
			open, openLine = off, n
		case open < 0 && len(t) > 0:
			stray = cmp0(stray, n)
		case isMarker(t, "BEGIN"):
			return nil, brokenCard(openLine, "it has no END:VCARD before the next card")
		case isMarker(t, "END"):
			cards = append(cards, cardText{line: openLine, data: data[open : off+len(l)]})
			open = -1
		}
		off += len(l)
	}
	switch {
	case open >= 0:
		return nil, brokenCard(openLine, "it has no END:VCARD")
	case stray > 0 && len(cards) > 0:
		return nil, fmt.Errorf("there is text that is not a vCard on line %d, after the card starting on line %d: remove it, or export the file again", stray, cards[len(cards)-1].line)
	case stray > 0:
		return nil, errors.New("there is no vCard in the file (no BEGIN:VCARD line): export the contacts again as vCard (.vcf)")
	}
	return cards, nil
}

func brokenCard(line int, why string) error {
	return fmt.Errorf("the vCard starting on line %d is broken (%s): export the file again, or fix or remove that card", line, why)
}

// cmp0 is a unless a is 0, else b.
func cmp0(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}
