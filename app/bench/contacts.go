package bench

import (
	"math/rand/v2"
	"strconv"
)

// Person is one generated contact: what goes into the vCard, and the
// numbers a call from them arrives with.
type Person struct {
	First, Last, Company string
	Street, City, Zip    string
	Country, Note        string
	VIP                  bool
	Numbers              []PlanNumber
}

// PlanNumber is one number of a Person.
type PlanNumber struct {
	// Label is the vCard TYPE: work, cell or home.
	Label string
	// Written is the number as the address book has it.
	Written string
	// Digits is the number as sipgate sends it; for a switchboard, the
	// prefix every extension starts with.
	Digits      string
	Switchboard bool
}

// Every tenth contact is a company reached through a switchboard
// ("+49 211 5004-0"), every fiftieth is a VIP.
const (
	switchboardEvery = 10
	vipEvery         = 50
)

// ContactAt is the i-th contact of the book generated from seed. Its
// numbers are unique to it: the subscriber digits encode i (so up to a
// million contacts), the area is drawn at random.
func ContactAt(seed uint64, i int) Person {
	r := rng(seed, kindContact, uint64(i))
	if i%switchboardEvery == 0 {
		return company(r, i)
	}
	p := Person{First: pick(r, firstNames), Last: pick(r, lastNames), VIP: i%vipEvery == 1}
	if r.IntN(3) > 0 {
		p.Company = pick(r, companyStems) + " " + pick(r, companyForms)
	}
	home := germanFixed[r.IntN(len(germanFixed))]
	if r.IntN(4) == 0 {
		home = foreignFixed[r.IntN(len(foreignFixed))]
	}
	p.Numbers = append(p.Numbers, PlanNumber{Label: "work", Written: home.written(i, r.IntN(6)), Digits: home.digits(i)})
	if r.IntN(2) == 0 {
		m := germanMobile[r.IntN(len(germanMobile))]
		p.Numbers = append(p.Numbers, PlanNumber{Label: "cell", Written: m.written(i, r.IntN(6)), Digits: m.digits(i)})
	}
	p.address(r, home)
	p.Note = pick(r, notes)
	return p
}

// company is a contact with only a switchboard number: every extension
// of it is the company calling.
func company(r *rand.Rand, i int) Person {
	a := germanFixed[r.IntN(len(germanFixed))]
	sb := area{cc: a.cc, code: a.code, lead: '5', width: 5, city: a.city}
	n := i / switchboardEvery
	p := Person{Company: pick(r, companyStems) + " " + pick(r, companyForms)}
	p.Numbers = []PlanNumber{{Label: "work", Written: sb.written(n, r.IntN(6)) + "-0", Digits: sb.digits(n), Switchboard: true}}
	p.address(r, a)
	p.Note = "Zentrale"
	return p
}

func (p *Person) address(r *rand.Rand, a area) {
	p.Street = pick(r, streets) + " " + strconv.Itoa(1+r.IntN(120))
	p.City, p.Country = a.city, a.country
	if p.Country == "" {
		p.Country = "Deutschland"
	}
	p.Zip = pad(10000+r.IntN(89999), 5)
}

// Name is how the app shows the contact: "First Last", else the company.
func (p Person) Name() string {
	if p.First != "" || p.Last != "" {
		return p.First + " " + p.Last
	}
	return p.Company
}

// callerDigits is a number this contact calls from, as sipgate sends it:
// one of its numbers, or for a company an extension of its switchboard.
func (p Person) callerDigits(r *rand.Rand) string {
	n := p.Numbers[r.IntN(len(p.Numbers))]
	if n.Switchboard {
		return n.Digits + strconv.Itoa(10+r.IntN(890))
	}
	return n.Digits
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

var (
	firstNames = []string{"Anna", "Jürgen", "Katrin", "Mehmet", "Sophie", "Lukas", "Marie", "Jonas",
		"Elif", "Thomas", "Sabine", "Paul", "Lena", "Dariusz", "Chiara", "Björn", "Fatma", "Michael",
		"Ingrid", "Luca", "Hannah", "Stefan", "Zoë", "Emre", "Ulrike", "Felix", "Nadia", "Oliver"}
	lastNames = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
		"Becker", "Schulz", "Hoffmann", "Yılmaz", "Kowalski", "Koch", "Richter", "Klein", "Wolf",
		"Schröder", "Neumann", "Schwarz", "Rossi", "Zimmermann", "Braun", "Krüger", "Hofmann",
		"Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Öztürk", "Dupont", "Smith"}
	companyStems = []string{"ACME", "Rheinblick", "Nordlicht", "Becker & Söhne", "Alpen", "Hanse",
		"Spree", "Isar", "Elbe", "Kölsch", "Sternwerk", "Lindenhof", "Quadrat", "Blau", "Maschinenbau Ost",
		"Steuerbüro Lang", "Praxis am Markt", "Autohaus Süd", "Druckerei Grün", "Hausverwaltung Nord"}
	companyForms = []string{"GmbH", "AG", "GmbH & Co. KG", "e.K.", "KG", "UG (haftungsbeschränkt)", "Ltd", "SARL"}
	streets      = []string{"Hauptstraße", "Königsallee", "Schillerstraße", "Am Markt", "Goethestraße",
		"Bahnhofstraße", "Lindenweg", "Friedrichstraße", "Rue de Rivoli", "High Street", "Via Appia"}
	notes = []string{"", "", "", "Kunde seit 2012", "Rückruf nur vormittags", "Lieferant Ersatzteile",
		"Rechnung offen – bitte an Buchhaltung", "spricht Englisch", "Vertrag läuft bis 12/2027",
		"Chefin: immer durchstellen", "Termin nur nach Absprache"}
)
