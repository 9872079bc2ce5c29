package cli

import (
	"time"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

// contactJSON is a contact in `contacts list --json` and `lookup --json`
// (documented in the README).
type contactJSON struct {
	ID        int64        `json:"id"`
	Name      string       `json:"name"`
	FirstName string       `json:"first_name"`
	LastName  string       `json:"last_name"`
	Company   string       `json:"company"`
	Numbers   []numberJSON `json:"numbers"`
	City      string       `json:"city"`
	Country   string       `json:"country"`
	Note      string       `json:"note"`
	VIP       bool         `json:"vip"`
	Blocked   bool         `json:"blocked"`
	CreatedAt time.Time    `json:"created_at"`
	UpdatedAt time.Time    `json:"updated_at"`
}

type numberJSON struct {
	Label       string `json:"label"`
	Number      string `json:"number"`
	Display     string `json:"display"`
	Switchboard bool   `json:"switchboard"`
}

func toContactJSON(c contacts.Contact, region string) contactJSON {
	out := contactJSON{
		ID: c.ID, Name: c.DisplayName(), FirstName: c.FirstName, LastName: c.LastName, Company: c.Company,
		City: c.City, Country: c.Country, Note: c.Note, VIP: c.VIP, Blocked: c.Blocked,
		CreatedAt: c.Created.UTC(), UpdatedAt: c.Updated.UTC(), Numbers: []numberJSON{},
	}
	for _, n := range c.Numbers {
		display := phone.Number{E164: n.E164, Switchboard: n.Switchboard}.Display(region)
		out.Numbers = append(out.Numbers, numberJSON{Label: string(n.Label), Number: n.E164, Display: display, Switchboard: n.Switchboard})
	}
	return out
}
