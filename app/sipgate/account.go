package sipgate

import "context"

// Userinfo says whom the token belongs to (GET /authorization/userinfo,
// which needs no scope). sipgate does not list the token's scopes here.
type Userinfo struct {
	// Sub is the web user id, e.g. "w0".
	Sub         string `json:"sub"`
	Domain      string `json:"domain"`
	MasterSipID string `json:"masterSipId"`
	Locale      string `json:"locale"`
}

// Userinfo asks who the token belongs to. It is the cheapest check that
// the token works: it fails with an AuthError when it does not.
func (c *Client) Userinfo(ctx context.Context) (Userinfo, error) {
	var u Userinfo
	err := c.do(ctx, request{ep: epUserinfo}, &u)
	return u, err
}

// Account is the account's data (GET /account, scope account:read;
// field names from sipgate's spec, AccountResponse).
type Account struct {
	Company         string `json:"company"`
	MainProductType string `json:"mainProductType"`
	LogoURL         string `json:"logoUrl"`
	Verified        bool   `json:"verified"`
	HistoryLifeTime string `json:"historyLifeTime"`
}

// Account reads the account's data.
func (c *Client) Account(ctx context.Context) (Account, error) {
	var a Account
	err := c.do(ctx, request{ep: epAccount}, &a)
	return a, err
}
