package sipgate

import "context"

// Number is one of the account's own phone numbers (GET /numbers).
type Number struct {
	ID        string `json:"id"`
	Number    string `json:"number"`
	Localized string `json:"localized"`
	// Type is MOBILE, LANDLINE, QUICKDIAL or INTERNATIONAL.
	Type          string `json:"type"`
	EndpointID    string `json:"endpointId"`
	EndpointAlias string `json:"endpointAlias"`
	EndpointURL   string `json:"endpointUrl"`
}

// Numbers lists the account's own numbers, page by page (scope
// numbers:read): which number a call came in on, and the home region.
func (c *Client) Numbers(ctx context.Context) ([]Number, error) {
	return collect[Number](ctx, c, epNumbers, nil, c.pageSize(1000))
}
