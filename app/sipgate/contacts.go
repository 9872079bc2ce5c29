package sipgate

import (
	"context"
	"encoding/json"
)

// ContactScope says whose a contact is: PRIVATE (the user's), SHARED (the
// account's shared book) or INTERNAL (a user of the account).
type ContactScope string

// The scopes sipgate names.
const (
	ScopePrivate  ContactScope = "PRIVATE"
	ScopeShared   ContactScope = "SHARED"
	ScopeInternal ContactScope = "INTERNAL"
)

// Contact is a contact as GET /contacts sends it (emails left out).
type Contact struct {
	ID           string          `json:"id"`
	Name         string          `json:"name"`
	Picture      string          `json:"picture"`
	Numbers      []ContactNumber `json:"numbers"`
	Addresses    []Address       `json:"addresses"`
	Organization Organization    `json:"organization"`
	Scope        ContactScope    `json:"scope"`
}

// ContactNumber is a number of a contact as the user typed it, with its
// types ("home", "work", "cell", "other", "fax" …).
type ContactNumber struct {
	Number string  `json:"number"`
	Type   Strings `json:"type"`
}

// Address is a postal address of a contact.
type Address struct {
	POBox           string `json:"poBox"`
	ExtendedAddress string `json:"extendedAddress"`
	StreetAddress   string `json:"streetAddress"`
	Locality        string `json:"locality"`
	Region          string `json:"region"`
	PostalCode      string `json:"postalCode"`
	Country         string `json:"country"`
}

// Organization is sipgate's [[company, unit …], …].
type Organization [][]string

// UnmarshalJSON also takes a flat list or a single string.
func (o *Organization) UnmarshalJSON(b []byte) error {
	var nested [][]string
	if err := json.Unmarshal(b, &nested); err == nil {
		*o = nested
		return nil
	}
	var flat Strings
	if err := json.Unmarshal(b, &flat); err != nil {
		return err
	}
	*o = nil
	if len(flat) > 0 {
		*o = Organization{flat}
	}
	return nil
}

// Strings is a list of words that sipgate may also send as one string.
type Strings []string

// UnmarshalJSON takes ["a","b"], "a", or null.
func (s *Strings) UnmarshalJSON(b []byte) error {
	var list []string
	if err := json.Unmarshal(b, &list); err == nil {
		*s = list
		return nil
	}
	var one string
	if err := json.Unmarshal(b, &one); err != nil {
		return err
	}
	*s = nil
	if one != "" {
		*s = Strings{one}
	}
	return nil
}

// ContactsPage reads one page of contacts (scope contacts:read).
func (c *Client) ContactsPage(ctx context.Context, offset, limit int) (Page[Contact], error) {
	return getPage[Contact](ctx, c, epContacts, nil, offset, limit)
}

// Contacts reads all contacts the token may see, of every scope, page by
// page (sipgate has no scope filter).
func (c *Client) Contacts(ctx context.Context) ([]Contact, error) {
	return collect[Contact](ctx, c, epContacts, nil, c.pageSize(5000))
}
