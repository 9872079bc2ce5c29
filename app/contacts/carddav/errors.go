package carddav

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
)

// Kind says why a sync failed.
type Kind string

// The kinds of Error.
const (
	KindLogin         Kind = "login"           // HTTP 401: wrong user name or password
	KindForbidden     Kind = "forbidden"       // HTTP 403: the user may not read the URL
	KindNotFound      Kind = "not-found"       // HTTP 404: nothing at the URL
	KindNoAddressBook Kind = "no-address-book" // the URL answers but holds no address book
	KindTLS           Kind = "tls"             // the server's certificate is not trusted
	KindConnect       Kind = "connect"         // no connection (DNS, refused, timeout)
	KindServer        Kind = "server"          // the server failed (HTTP 5xx) or gave an unreadable answer
)

// Error is a sync that failed before the book was changed. Its message
// is one sentence that names the cause and the fix.
type Error struct {
	Kind Kind
	// URL is where the request went, without user information.
	URL string
	// Status is the HTTP status, or 0.
	Status int
	Err    error
}

// hints says where CARDDAV_URL points for the servers people have.
const hints = "Nextcloud: https://HOST/remote.php/dav, Radicale: http://HOST:5232/USER/, iCloud: https://contacts.icloud.com"

func (e *Error) Error() string {
	host := hostOf(e.URL)
	switch e.Kind {
	case KindLogin:
		return fmt.Sprintf("the CardDAV server %s refused the login (HTTP 401): check CARDDAV_USERNAME and CARDDAV_PASSWORD (iCloud needs an app password)", host)
	case KindForbidden:
		return fmt.Sprintf("the CardDAV server %s does not let this user read %s (HTTP 403): check CARDDAV_URL and CARDDAV_USERNAME", host, e.URL)
	case KindNotFound:
		return fmt.Sprintf("there is no address book at %s (HTTP 404): set CARDDAV_URL to the address book or the server (%s)", e.URL, hints)
	case KindNoAddressBook:
		return fmt.Sprintf("there is no address book at %s: set CARDDAV_URL to the address book or the server (%s)", e.URL, hints)
	case KindTLS:
		return fmt.Sprintf("cannot connect securely to the CardDAV server %s (%v): install the certificate of the server's authority, or fix the host in CARDDAV_URL", host, e.Err)
	case KindConnect:
		return fmt.Sprintf("cannot reach the CardDAV server %s (%v): check CARDDAV_URL and the network", host, e.Err)
	}
	if e.Status != 0 {
		return fmt.Sprintf("the CardDAV server %s failed (HTTP %d %s at %s): try again later, or check CARDDAV_URL", host, e.Status, http.StatusText(e.Status), e.URL)
	}
	return fmt.Sprintf("the CardDAV server %s gave an answer that cannot be read (%v): check that CARDDAV_URL is a CardDAV server", host, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// hostOf is the host of a URL, or the URL when it has none.
func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

// classify turns what a request to target returned into an *Error. The
// context's own errors pass unchanged: the caller stopped the sync.
func classify(err error, target string) error {
	var e *Error
	var se *statusError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &e), errors.Is(err, context.Canceled):
		return err
	case errors.As(err, &se):
		return statusKind(se)
	case isTLS(err):
		return &Error{Kind: KindTLS, URL: target, Err: cause(err)}
	case isNetwork(err):
		return &Error{Kind: KindConnect, URL: target, Err: cause(err)}
	}
	return &Error{Kind: KindServer, URL: target, Err: err}
}

func statusKind(se *statusError) *Error {
	e := &Error{Kind: KindServer, URL: se.URL, Status: se.Code, Err: se}
	switch se.Code {
	case http.StatusUnauthorized:
		e.Kind = KindLogin
	case http.StatusForbidden:
		e.Kind = KindForbidden
	case http.StatusNotFound, http.StatusGone:
		e.Kind = KindNotFound
	}
	return e
}

func isTLS(err error) bool {
	var (
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		verify   *tls.CertificateVerificationError
		record   tls.RecordHeaderError
		alert    tls.AlertError
	)
	return errors.As(err, &unknown) || errors.As(err, &hostname) || errors.As(err, &invalid) ||
		errors.As(err, &verify) || errors.As(err, &record) || errors.As(err, &alert)
}

func isNetwork(err error) bool {
	var (
		op  *net.OpError
		dns *net.DNSError
		ne  net.Error
	)
	return errors.As(err, &op) || errors.As(err, &dns) || errors.As(err, &ne) || errors.Is(err, context.DeadlineExceeded)
}

// cause is the innermost useful part of a transport error: the
// *url.Error around it repeats the method and URL.
func cause(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
