package carddav

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// maxMultistatus caps the answer to one request: a multiget of a batch
// of cards with photos stays far below it.
const maxMultistatus = 64 << 20

// multistatus is the part of a WebDAV 207 answer (RFC 4918 13) that the
// requests made here without go-webdav read: go-webdav decodes the
// cards of a multiget itself (this package wants their text) and keeps
// only the path of an addressbook-home-set (iCloud's is on another
// host).
type multistatus struct {
	Responses []msResponse `xml:"DAV: response"`
}

type msResponse struct {
	Hrefs     []string   `xml:"DAV: href"`
	Status    string     `xml:"DAV: status"`
	PropStats []propstat `xml:"DAV: propstat"`
}

type propstat struct {
	Prop   msProp `xml:"DAV: prop"`
	Status string `xml:"DAV: status"`
}

type msProp struct {
	ETag        string `xml:"DAV: getetag"`
	AddressData string `xml:"urn:ietf:params:xml:ns:carddav address-data"`
	HomeSet     hrefs  `xml:"urn:ietf:params:xml:ns:carddav addressbook-home-set"`
}

type hrefs struct {
	Hrefs []string `xml:"DAV: href"`
}

// parseMultistatus reads a 207 answer.
func parseMultistatus(r io.Reader) (*multistatus, error) {
	var ms multistatus
	dec := xml.NewDecoder(io.LimitReader(r, maxMultistatus))
	if err := dec.Decode(&ms); err != nil {
		return nil, fmt.Errorf("read the server's multistatus answer: %w", err)
	}
	return &ms, nil
}

// statusCode reads "HTTP/1.1 404 Not Found"; an absent status is 200.
func statusCode(s string) int {
	f := strings.Fields(s)
	if len(f) < 2 {
		return 200
	}
	code, err := strconv.Atoi(f[1])
	if err != nil {
		return 0
	}
	return code
}

// href is the response's one href as a decoded path, or "" when it has
// none or several.
func (r msResponse) href() string {
	if len(r.Hrefs) != 1 {
		return ""
	}
	return hrefPath(r.Hrefs[0])
}

// hrefPath is the decoded path of an href ("/anna/b%C3%BCro/" is
// "/anna/büro/"), as go-webdav gives paths; "" when it is no URL.
func hrefPath(h string) string {
	u, err := url.Parse(strings.TrimSpace(h))
	if err != nil {
		return ""
	}
	return u.Path
}

// props is the response's properties the server found (status 2xx),
// merged from its propstats.
func (r msResponse) props() msProp {
	var p msProp
	if statusCode(r.Status)/100 != 2 {
		return p
	}
	for _, ps := range r.PropStats {
		if statusCode(ps.Status)/100 != 2 {
			continue
		}
		p.ETag = first(p.ETag, ps.Prop.ETag)
		p.AddressData = first(p.AddressData, ps.Prop.AddressData)
		p.HomeSet.Hrefs = append(p.HomeSet.Hrefs, ps.Prop.HomeSet.Hrefs...)
	}
	return p
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// unquoteETag is an ETag without its quotes, as go-webdav gives them.
func unquoteETag(s string) string {
	s = strings.TrimSpace(s)
	if u, err := strconv.Unquote(s); err == nil {
		return u
	}
	return strings.Trim(s, `"`)
}
