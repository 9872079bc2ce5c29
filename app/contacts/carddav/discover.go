package carddav

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	dav "github.com/emersion/go-webdav/carddav"
)

// maxRedirects bounds the redirects discover follows.
const maxRedirects = 5

// addressBook is an address book on the server.
type addressBook struct {
	url *url.URL
	dav *dav.Client // at the book's origin
}

// discover finds the address books: those at the URL (an address book
// itself, or a collection of them, as Radicale's http://host:5232/anna/),
// else those in the home set of the URL's principal or of the current
// user's (Nextcloud's https://host/remote.php/dav, iCloud's
// https://contacts.icloud.com, whose home set is on another host).
func (c *Client) discover(ctx context.Context) ([]addressBook, error) {
	start := c.url
	books, err := c.booksIn(ctx, start)
	for hops := 0; err != nil && hops < maxRedirects; hops++ {
		var se *statusError
		if !errors.As(err, &se) || se.Location == "" || !isRedirect(se.Code) {
			break
		}
		if start, err = start.Parse(se.Location); err != nil {
			return nil, classify(err, redact(c.url))
		}
		books, err = c.booksIn(ctx, start)
	}
	switch {
	case err != nil && (fatal(err) || hasStatus(err, http.StatusForbidden)):
		return nil, classify(err, redact(start))
	case len(books) > 0:
		return books, nil
	}
	principal, err := c.principal(ctx, start)
	if err != nil {
		return nil, err
	}
	home, err := c.homeSet(ctx, principal)
	if err != nil && fatal(err) {
		return nil, classify(err, redact(principal))
	}
	if home != nil {
		books, err = c.booksIn(ctx, home)
		if err != nil && fatal(err) {
			return nil, classify(err, redact(home))
		}
	}
	if len(books) == 0 {
		return nil, &Error{Kind: KindNoAddressBook, URL: redact(c.url), Err: err}
	}
	return books, nil
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// booksIn lists the address books among u and its children.
func (c *Client) booksIn(ctx context.Context, u *url.URL) ([]addressBook, error) {
	d, err := dav.NewClient(c.tr, origin(u))
	if err != nil {
		return nil, err
	}
	found, err := d.FindAddressBooks(ctx, u.Path)
	if err != nil {
		return nil, err
	}
	books := make([]addressBook, 0, len(found))
	for _, ab := range found {
		books = append(books, addressBook{url: u.ResolveReference(&url.URL{Path: ab.Path}), dav: d})
	}
	return books, nil
}

// principal is the current user's principal, or u itself when the
// server names none.
func (c *Client) principal(ctx context.Context, u *url.URL) (*url.URL, error) {
	d, err := dav.NewClient(c.tr, u.String())
	if err != nil {
		return nil, classify(err, redact(u))
	}
	p, err := d.FindCurrentUserPrincipal(ctx)
	switch {
	case err != nil && fatal(err):
		return nil, classify(err, redact(u))
	case err != nil || p == "":
		return u, nil
	}
	return u.ResolveReference(&url.URL{Path: p}), nil
}

// hasStatus reports whether err is an HTTP answer with this status.
func hasStatus(err error, code int) bool {
	var se *statusError
	return errors.As(err, &se) && se.Code == code
}

// origin is scheme://host/ of u.
func origin(u *url.URL) string {
	return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/"}).String()
}

// fatal reports whether err ends the sync: a wrong login, a missing
// URL, a failing server, no connection. Other errors (a server that
// does not know a report, a sync token it has forgotten) leave another
// way to try.
func fatal(err error) bool {
	var se *statusError
	var e *Error
	switch {
	case errors.As(err, &e):
		return e.Kind != KindServer || e.Status >= 500
	case errors.As(err, &se):
		return se.Code == http.StatusUnauthorized || se.Code == http.StatusNotFound ||
			(se.Code >= 500 && se.Code != http.StatusNotImplemented)
	}
	return isTLS(err) || isNetwork(err) || errors.Is(err, context.Canceled)
}
