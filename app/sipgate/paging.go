package sipgate

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
)

// Page is one page of a paged list: its items and sipgate's count of
// all items (0 when sipgate sends none).
type Page[T any] struct {
	Items      []T `json:"items"`
	TotalCount int `json:"totalCount"`
}

// maxPages stops a server that never ends its list.
const maxPages = 10000

// getPage reads the page of ep at offset.
func getPage[T any](ctx context.Context, c *Client, ep endpoint, q url.Values, offset, limit int) (Page[T], error) {
	q = cloneValues(q)
	q.Set("offset", strconv.Itoa(offset))
	q.Set("limit", strconv.Itoa(limit))
	var p Page[T]
	err := c.do(ctx, request{ep: ep, query: q}, &p)
	return p, err
}

// collect reads every page of ep: it pages with limit/offset until the
// offset reaches totalCount, or, without a count, until a short page.
func collect[T any](ctx context.Context, c *Client, ep endpoint, q url.Values, limit int) ([]T, error) {
	var all []T
	offset := 0
	for range maxPages {
		p, err := getPage[T](ctx, c, ep, q, offset, limit)
		if err != nil {
			return nil, fmt.Errorf("page at offset %d: %w", offset, err)
		}
		all = append(all, p.Items...)
		offset += len(p.Items)
		if len(p.Items) == 0 || (p.TotalCount > 0 && offset >= p.TotalCount) ||
			(p.TotalCount <= 0 && len(p.Items) < limit) {
			return all, nil
		}
	}
	return nil, fmt.Errorf("sipgate: %s: more than %d pages; stopped", ep, maxPages)
}

func cloneValues(q url.Values) url.Values {
	out := make(url.Values, len(q)+2)
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// pageSize is the configured page size capped at the endpoint's maximum.
func (c *Client) pageSize(def int) int {
	if c.limit > 0 && c.limit < def {
		return c.limit
	}
	return def
}
