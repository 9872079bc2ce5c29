// Package carddavtest runs a real Radicale CardDAV server (the Debian
// package radicale) for tests: in a temporary directory, on a free
// loopback port, with address books and cards made over HTTP.
package carddavtest

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Binary is where Debian installs Radicale.
const Binary = "/usr/bin/radicale"

// Radicale is a running server.
type Radicale struct {
	// URL is the server's root, "http://127.0.0.1:PORT".
	URL string
	// User and Password log in (with Password "" the server takes any).
	User, Password string
}

// Start runs Radicale until the test ends. With password "" it checks no
// passwords (auth type none); else user must log in with it. It skips
// the test when Radicale is not installed, except in CI (CI set), where
// it must be.
func Start(t testing.TB, user, password string) *Radicale {
	t.Helper()
	bin := Binary
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s is not installed (apt-get install radicale, or make deps-test)", bin)
		}
		t.Fatalf("%s is missing, and CI needs it: %v", bin, err)
	}
	dir := t.TempDir()
	port := freePort(t)
	conf := filepath.Join(dir, "config")
	if err := os.WriteFile(conf, []byte(config(dir, port, user, password)), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(bin, "--config", conf)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start radicale: %v", err)
	}
	exited := make(chan struct{})
	go func() {
		cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			t.Logf("radicale's output:\n%s", out.String())
		}
	})
	r := &Radicale{URL: fmt.Sprintf("http://127.0.0.1:%d", port), User: user, Password: password}
	r.waitReady(t, exited, &out)
	return r
}

func config(dir string, port int, user, password string) string {
	auth := "type = none"
	if password != "" {
		users := filepath.Join(dir, "users")
		os.WriteFile(users, []byte(user+":"+password+"\n"), 0o600)
		auth = "type = htpasswd\nhtpasswd_filename = " + users + "\nhtpasswd_encryption = plain"
	}
	return fmt.Sprintf("[server]\nhosts = 127.0.0.1:%d\n[auth]\n%s\n[rights]\ntype = owner_only\n"+
		"[storage]\nfilesystem_folder = %s\n[logging]\nlevel = warning\n", port, auth, filepath.Join(dir, "collections"))
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// waitReady waits until the server answers HTTP, or the process ends.
func (r *Radicale) waitReady(t testing.TB, exited <-chan struct{}, out *bytes.Buffer) {
	t.Helper()
	for range 600 {
		resp, err := http.Get(r.URL + "/.web/")
		if err == nil {
			resp.Body.Close()
			return
		}
		select {
		case <-exited:
			t.Fatalf("radicale ended at start:\n%s", out.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("radicale did not answer on %s", r.URL)
}

// BookURL is the URL of the user's address book name.
func (r *Radicale) BookURL(name string) string { return r.URL + "/" + r.User + "/" + name + "/" }

// MakeBook creates the user's address book name (extended MKCOL, RFC
// 5689) and returns its URL.
func (r *Radicale) MakeBook(t testing.TB, name string) string {
	t.Helper()
	body := `<?xml version="1.0" encoding="utf-8"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">` +
		`<D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype>` +
		`<D:displayname>` + name + `</D:displayname></D:prop></D:set></D:mkcol>`
	u := r.BookURL(name)
	r.do(t, "MKCOL", u, "application/xml", body, http.StatusCreated)
	return u
}

// Put stores a card (its text, lines ending in \n or \r\n) as file in
// the book at bookURL.
func (r *Radicale) Put(t testing.TB, bookURL, file, vcf string) {
	t.Helper()
	vcf = strings.ReplaceAll(strings.ReplaceAll(vcf, "\r\n", "\n"), "\n", "\r\n")
	r.do(t, http.MethodPut, bookURL+file, "text/vcard; charset=utf-8", vcf, http.StatusCreated, http.StatusNoContent)
}

// Delete removes the card file from the book at bookURL.
func (r *Radicale) Delete(t testing.TB, bookURL, file string) {
	t.Helper()
	r.do(t, http.MethodDelete, bookURL+file, "", "", http.StatusOK, http.StatusNoContent)
}

func (r *Radicale) do(t testing.TB, method, u, ctype, body string, want ...int) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.SetBasicAuth(r.User, r.Password)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(resp.Body)
	for _, w := range want {
		if resp.StatusCode == w {
			return
		}
	}
	t.Fatalf("%s %s: HTTP %d, want %v: %s", method, u, resp.StatusCode, want, msg)
}
