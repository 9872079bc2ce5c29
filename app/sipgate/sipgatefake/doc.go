// Package sipgatefake is a fake of sipgate's REST API v2 for tests: an
// httptest server that speaks the field names of sipgate's spec, checks
// Basic auth, pages, filters the history, records every request, and
// answers 401/402/403/429/5xx on demand.
//
//	srv := sipgatefake.New(t)           // seeded with Seed()
//	c, _ := sipgate.New(sipgate.Config{BaseURL: srv.URL, TokenID: srv.TokenID, Token: srv.Token})
//	srv.Inject(sipgatefake.Fault{Path: "/history", Status: 429, RetryAfter: "0", Times: 1})
//
// It imports nothing of this module, so it cannot share a field-name
// mistake with the client it tests.
package sipgatefake
