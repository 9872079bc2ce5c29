package carddav

import (
	"context"
	"maps"
	"slices"
	"strings"

	dav "github.com/emersion/go-webdav/carddav"
)

// batchSize is how many cards one multiget asks for.
const batchSize = 100

// minimalData asks for as little card data as the listing can carry:
// go-webdav always asks for address-data in a sync-collection report.
var minimalData = dav.AddressDataRequest{Props: []string{"UID"}}

// refresh brings bs in step with the book on the server and returns how
// many cards it downloaded.
func (c *Client) refresh(ctx context.Context, b addressBook, bs *bookState) (int, error) {
	want, err := c.changes(ctx, b, bs)
	if err != nil {
		return 0, err
	}
	paths := slices.Sorted(maps.Keys(want))
	fetched := 0
	for batch := range slices.Chunk(paths, batchSize) {
		cards, err := c.multiget(ctx, b.url, batch)
		if err != nil {
			return 0, err
		}
		got := map[string]bool{}
		for _, rc := range cards {
			if _, asked := want[rc.Path]; !asked {
				continue
			}
			got[rc.Path] = true
			bs.Cards[rc.Path] = cachedCard{ETag: first(want[rc.Path], rc.ETag), VCard: rc.VCard}
		}
		fetched += len(got)
		for _, p := range batch {
			if !got[p] {
				// Keep what was there (asked again next time): a card the
				// server lists but does not send is not a deleted card.
				c.log.Warn("the CardDAV server listed a card but did not send it", "book", redact(b.url))
				c.log.Debug("card not sent", "path", p)
			}
		}
	}
	return fetched, nil
}

// changes updates bs's list of cards from the server's and returns the
// cards to download, with their ETags: with the sync token when there
// is one and the server still knows it, else from the whole listing.
func (c *Client) changes(ctx context.Context, b addressBook, bs *bookState) (map[string]string, error) {
	if bs.Token != "" {
		resp, err := b.dav.SyncCollection(ctx, b.url.Path, &dav.SyncQuery{SyncToken: bs.Token, DataRequest: minimalData})
		if err == nil {
			for _, p := range resp.Deleted {
				delete(bs.Cards, p)
			}
			listed := map[string]string{}
			for _, o := range resp.Updated {
				listed[o.Path] = o.ETag
			}
			bs.Token = resp.SyncToken
			return bs.stale(listed), nil
		}
		if fatal(err) {
			return nil, classify(err, redact(b.url))
		}
		c.log.Debug("the CardDAV server refused the sync token; listing the whole book", "err", err)
	}
	listed, token, err := c.list(ctx, b)
	if err != nil {
		return nil, err
	}
	for p := range bs.Cards {
		if _, ok := listed[p]; !ok {
			delete(bs.Cards, p)
		}
	}
	bs.Token = token
	return bs.stale(listed), nil
}

// list is every card of the book with its ETag, and a sync token when
// the server gives one (else "": PROPFIND lists the book).
func (c *Client) list(ctx context.Context, b addressBook) (map[string]string, string, error) {
	listed := map[string]string{}
	resp, err := b.dav.SyncCollection(ctx, b.url.Path, &dav.SyncQuery{DataRequest: minimalData})
	if err == nil {
		for _, o := range resp.Updated {
			listed[o.Path] = o.ETag
		}
		return listed, resp.SyncToken, nil
	}
	if fatal(err) {
		return nil, "", classify(err, redact(b.url))
	}
	infos, err := b.dav.ReadDir(ctx, b.url.Path, false)
	if err != nil {
		return nil, "", classify(err, redact(b.url))
	}
	self := strings.TrimSuffix(b.url.Path, "/")
	for _, fi := range infos {
		if !fi.IsDir && strings.TrimSuffix(fi.Path, "/") != self {
			listed[fi.Path] = fi.ETag
		}
	}
	return listed, "", nil
}
