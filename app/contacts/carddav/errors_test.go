package carddav

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// TestErrorSentences: each failure is one sentence that names the fix,
// and changes neither the book nor the state file.
func TestErrorSentences(t *testing.T) {
	answer := func(code int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if body != "" {
				w.Header().Set("Content-Type", "application/xml")
			}
			w.WriteHeader(code)
			w.Write([]byte(body))
		}
	}
	plain := `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/</d:href><d:propstat><d:prop>` +
		`<d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`
	for _, tc := range []struct {
		name    string
		handler http.HandlerFunc
		kind    Kind
		words   []string
	}{
		{"wrong password", answer(http.StatusUnauthorized, ""), KindLogin, []string{"HTTP 401", "CARDDAV_USERNAME", "CARDDAV_PASSWORD"}},
		{"not allowed", answer(http.StatusForbidden, ""), KindForbidden, []string{"HTTP 403", "CARDDAV_URL", "/dav/"}},
		{"nothing there", answer(http.StatusNotFound, ""), KindNotFound, []string{"HTTP 404", "/dav/", "CARDDAV_URL", "Nextcloud"}},
		{"server down", answer(http.StatusBadGateway, ""), KindServer, []string{"HTTP 502", "try again later"}},
		{"no book", answer(http.StatusMultiStatus, plain), KindNoAddressBook, []string{"no address book at", "/dav/", "CARDDAV_URL"}},
		{"no DAV server", answer(http.StatusOK, "<html>hello</html>"), KindNoAddressBook, []string{"no address book at", "CARDDAV_URL"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(tc.handler)
			defer srv.Close()
			checkFailure(t, srv.URL+"/dav/", nil, tc.kind, tc.words)
		})
	}
}

func TestTLSAndConnectionErrors(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.NotFoundHandler())
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake
	srv.StartTLS()
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "https://")
	checkFailure(t, srv.URL+"/dav/", nil, KindTLS, []string{"securely", host, "certificate"})

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	l.Close()
	checkFailure(t, "http://"+closed+"/dav/", nil, KindConnect, []string{"cannot reach", closed, "CARDDAV_URL"})
}

// checkFailure syncs from u and wants an *Error of kind whose message
// holds words, is one line, and hides the password; nothing changed.
func checkFailure(t *testing.T, u string, hc *http.Client, kind Kind, words []string) {
	t.Helper()
	book, dir := openBook(t)
	c, err := New(Account{URL: u, Username: "anna", Password: "pa55word"}, Options{StateFile: StatePath(dir), HTTPClient: hc})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Sync(context.Background(), book)
	var e *Error
	if !errors.As(err, &e) || e.Kind != kind {
		t.Fatalf("Sync(%s) = %v, want an error of kind %s", u, err, kind)
	}
	msg := err.Error()
	for _, w := range words {
		if !strings.Contains(msg, w) {
			t.Errorf("error %q does not say %q", msg, w)
		}
	}
	if strings.Contains(msg, "pa55word") || strings.Contains(msg, "\n") {
		t.Errorf("error %q shows the password or is not one line", msg)
	}
	if book.Count() != 0 {
		t.Errorf("the book has %d contacts after a failed sync", book.Count())
	}
	if _, err := os.Stat(StatePath(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed sync wrote the state file: %v", err)
	}
}

func TestNewRefusesBadURLs(t *testing.T) {
	for _, u := range []string{"", "dav.example.com/anna", "ftp://dav.example.com/", "http://", "https://anna:secret@:443"} {
		_, err := New(Account{URL: u}, Options{StateFile: "x"})
		if err == nil || !strings.Contains(err.Error(), "CARDDAV_URL") || strings.Contains(err.Error(), "secret") {
			t.Errorf("New(%q) = %v, want an error naming CARDDAV_URL without the password", u, err)
		}
	}
}
