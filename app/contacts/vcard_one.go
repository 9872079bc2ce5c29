package contacts

import "fmt"

// ContactFromVCard reads one vCard (2.1, 3.0 or 4.0, read as Import
// reads them) into a contact: name parts, company, numbers as text with
// their labels (Sync normalises them), address and note. VIP and
// Blocked stay false: a remote source never sets them.
func ContactFromVCard(vcf []byte) (Contact, error) {
	data, _ := toUTF8(vcf)
	cards, err := splitCards(data)
	if err != nil {
		return Contact{}, err
	}
	if len(cards) != 1 {
		return Contact{}, fmt.Errorf("want one vCard, found %d", len(cards))
	}
	return cardRecord(readCard(cards[0]), cards[0].line).c, nil
}
