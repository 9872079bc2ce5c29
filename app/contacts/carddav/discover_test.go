package carddav

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/contacts/carddav/carddavtest"
)

// TestDiscoveryLikeICloud follows a redirect from /.well-known/carddav,
// finds the current user's principal, and follows its home set to
// another host (as iCloud's is), here a real Radicale.
func TestDiscoveryLikeICloud(t *testing.T) {
	r := carddavtest.Start(t, "anna", "")
	bookURL := r.MakeBook(t, "card")
	r.Put(t, bookURL, "anna.vcf", card(t, "anna.vcf"))
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		switch {
		case req.URL.Path == "/.well-known/carddav":
			http.Redirect(w, req, "/", http.StatusMovedPermanently)
		case req.Method != "PROPFIND":
			http.Error(w, "no", http.StatusMethodNotAllowed)
		case req.URL.Path == "/":
			multistatusAnswer(w, "/", `<d:resourcetype><d:collection/></d:resourcetype>`+
				`<d:current-user-principal><d:href>/1234/principal/</d:href></d:current-user-principal>`)
		case req.URL.Path == "/1234/principal/":
			multistatusAnswer(w, req.URL.Path, `<c:addressbook-home-set><d:href>`+r.URL+`/anna/</d:href></c:addressbook-home-set>`)
		default:
			http.NotFound(w, req)
		}
	}))
	defer front.Close()
	book, dir := openBook(t)
	c := newClient(t, Account{URL: front.URL + "/.well-known/carddav", Username: "anna", Password: "app-password"}, dir)
	res := mustSync(t, c, book)
	if res.Imported != 1 || len(res.AddressBooks) != 1 || res.AddressBooks[0] != bookURL || named(book, "+491712345678") != "Anna Schmidt" {
		t.Fatalf("sync through a redirect and another host's home set: %s, books %v; want Anna from %s", counts(res), res.AddressBooks, bookURL)
	}
}

func multistatusAnswer(w http.ResponseWriter, href, props string) {
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.WriteHeader(http.StatusMultiStatus)
	w.Write([]byte(strings.Join([]string{`<?xml version="1.0"?>`,
		`<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:response><d:href>`, href,
		`</d:href><d:propstat><d:prop>`, props, `</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`}, "")))
}
