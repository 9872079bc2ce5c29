package sipgate

import (
	"context"
	"fmt"
	"net/url"
	"strings"
)

// BlockEntry is an entry of sipgate's incoming block list.
type BlockEntry struct {
	PhoneNumber string `json:"phoneNumber"`
	IsBlock     bool   `json:"isBlock"`
}

// BlockedNumbers lists sipgate's incoming block list (scope
// blacklist:read).
func (c *Client) BlockedNumbers(ctx context.Context) ([]BlockEntry, error) {
	var r struct {
		Items []BlockEntry `json:"items"`
	}
	err := c.do(ctx, request{ep: epBlacklist}, &r)
	return r.Items, err
}

// Block adds number to sipgate's incoming block list, so sipgate itself
// rejects its calls (scope blacklist:write). An entry that exists already
// gives an APIError matching ErrConflict.
func (c *Client) Block(ctx context.Context, number string) (BlockEntry, error) {
	if err := checkBlockNumber(number); err != nil {
		return BlockEntry{}, err
	}
	e := BlockEntry{PhoneNumber: number, IsBlock: true}
	out := e
	err := c.do(ctx, request{ep: epBlock, body: e}, &out)
	return out, err
}

// Unblock removes number from sipgate's incoming block list. A number
// that is not there gives an APIError matching ErrNotFound.
func (c *Client) Unblock(ctx context.Context, number string) error {
	if err := checkBlockNumber(number); err != nil {
		return err
	}
	return c.do(ctx, request{ep: epUnblock, path: "/blacklist/incoming/" + url.PathEscape(number)}, nil)
}

func checkBlockNumber(number string) error {
	if strings.TrimSpace(number) == "" || strings.ContainsAny(number, "/?#") {
		return fmt.Errorf("%w: block list number %q must be a phone number such as +492111234567", ErrInvalidArgument, number)
	}
	return nil
}
