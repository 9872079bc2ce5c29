package carddav

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

const (
	homeSetBody = `<?xml version="1.0" encoding="utf-8"?>` +
		`<D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:prop><C:addressbook-home-set/></D:prop></D:propfind>`
	multigetHead = `<?xml version="1.0" encoding="utf-8"?>` +
		`<C:addressbook-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:prop><D:getetag/><C:address-data/></D:prop>`
	multigetTail = `</C:addressbook-multiget>`
)

// davRequest sends a WebDAV request with an XML body and reads the
// 207 answer.
func (c *Client) davRequest(ctx context.Context, method string, target *url.URL, depth, body string) (*multistatus, error) {
	req, err := http.NewRequestWithContext(ctx, method, target.String(), strings.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, redact(target), err)
	}
	req.Header.Set("Content-Type", `application/xml; charset="utf-8"`)
	req.Header.Set("Depth", depth)
	resp, err := c.tr.Do(req)
	if err != nil {
		return nil, classify(err, redact(target))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusMultiStatus {
		return nil, &Error{Kind: KindServer, URL: redact(target),
			Err: fmt.Errorf("%s answered HTTP %d, not 207 Multi-Status", method, resp.StatusCode)}
	}
	ms, err := parseMultistatus(resp.Body)
	if err != nil {
		return nil, classify(err, redact(target))
	}
	return ms, nil
}

// homeSet is the principal's addressbook-home-set as a full URL (on
// iCloud it is on another host), or nil when it has none.
func (c *Client) homeSet(ctx context.Context, principal *url.URL) (*url.URL, error) {
	ms, err := c.davRequest(ctx, "PROPFIND", principal, "0", homeSetBody)
	if err != nil {
		return nil, err
	}
	for _, r := range ms.Responses {
		for _, h := range r.props().HomeSet.Hrefs {
			if u, err := principal.Parse(strings.TrimSpace(h)); err == nil {
				return u, nil
			}
		}
	}
	return nil, nil
}

// remoteCard is one card as the server sent it.
type remoteCard struct {
	Path, ETag, VCard string
}

// multiget fetches the cards at paths from the address book at book
// (RFC 6352 8.7), in the server's own text.
func (c *Client) multiget(ctx context.Context, book *url.URL, paths []string) ([]remoteCard, error) {
	var b strings.Builder
	b.WriteString(multigetHead)
	for _, p := range paths {
		b.WriteString("<D:href>")
		xml.EscapeText(&b, []byte((&url.URL{Path: p}).EscapedPath()))
		b.WriteString("</D:href>")
	}
	b.WriteString(multigetTail)
	ms, err := c.davRequest(ctx, "REPORT", book, "1", b.String())
	if err != nil {
		return nil, err
	}
	var cards []remoteCard
	for _, r := range ms.Responses {
		p := r.props()
		if path := r.href(); path != "" && p.AddressData != "" {
			cards = append(cards, remoteCard{Path: path, ETag: unquoteETag(p.ETag), VCard: p.AddressData})
		}
	}
	return cards, nil
}
