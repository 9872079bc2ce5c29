// Package carddav syncs the contact book from CardDAV address books
// (RFC 6352: Nextcloud, Radicale, iCloud and others) over go-webdav.
//
// A Client finds the address books from the URL it is given (an address
// book, a user's collection of them, a principal or the server's root),
// lists each book's cards with their ETags (with a sync-collection token
// when the server has one, RFC 6578) and downloads only the cards that
// changed since the last run. The cards as the server sent them are kept
// in a state file (written atomically, 0600), so every run hands the
// book the whole remote set: contacts.Book.Sync adds, updates and
// removes, and never overwrites a field edited locally. A run that fails
// changes neither the book nor the state file, and says why in one
// sentence (*Error).
package carddav

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/whoiscalling/whoiscalling/app/contacts"
)

// Source is the contacts.Book.Sync source of the contacts from CardDAV.
const Source = "carddav"

// Account is the server to sync from and the login.
type Account struct {
	// URL is an address book, the collection of a user's books, a
	// principal or the server's root.
	URL                string
	Username, Password string
}

// Book is where the contacts go: *contacts.Book.
type Book interface {
	Sync(ctx context.Context, source string, remote []contacts.Contact) (contacts.Report, error)
}

// CardReader reads one vCard into a contact: name parts, company,
// numbers (as text, with their labels), address and note.
type CardReader func(vcf []byte) (contacts.Contact, error)

// Options configure a Client.
type Options struct {
	// StateFile keeps the cards between runs (see StatePath). Required.
	StateFile string
	// HTTPClient sends the requests (nil: one with a one-minute timeout).
	// Its redirect policy is replaced: redirects are followed by the
	// client, keeping the WebDAV method.
	HTTPClient *http.Client
	// ReadCard reads the cards (nil: contacts.ContactFromVCard).
	ReadCard CardReader
	// Logger gets what the sync did (nil: discard); names and numbers
	// only at Debug, the password never.
	Logger *slog.Logger
}

// Client syncs from one CardDAV account.
type Client struct {
	url  *url.URL
	user string
	tr   *transport
	opt  Options
	log  *slog.Logger
}

// New checks the account and makes a Client; it sends nothing yet.
func New(acct Account, opt Options) (*Client, error) {
	u, err := url.Parse(strings.TrimSpace(acct.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return nil, fmt.Errorf("CARDDAV_URL %q is not an http:// or https:// URL: set it to the address book or the server (%s)", redactRaw(acct.URL), hints)
	}
	user, pass := acct.Username, acct.Password
	if u.User != nil {
		p, _ := u.User.Password()
		user, pass = first(user, u.User.Username()), first(pass, p)
		u.User = nil
	}
	if opt.StateFile == "" {
		return nil, fmt.Errorf("carddav: no state file given")
	}
	if opt.ReadCard == nil {
		opt.ReadCard = contacts.ContactFromVCard
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Client{url: u, user: user, tr: newTransport(opt.HTTPClient, user, pass), opt: opt, log: log}, nil
}

// redactRaw is a URL as text without its password, for messages.
func redactRaw(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return redact(u)
	}
	return raw
}

// account names what the state file belongs to: another URL or user
// starts from scratch.
func (c *Client) account() string { return c.url.String() + " " + c.user }
