// Package sipgate is the client of sipgate's REST API v2
// (https://api.sipgate.com/v2): who the token belongs to, the account,
// the sipgate.io webhook URLs and their delivery log, users and devices,
// contacts, the call history, click-to-call and the incoming block list.
//
// It uses only the standard library. A personal access token (token id
// and token) goes as HTTP Basic auth and never appears in an error or a
// log line. Every failure the API reports is a typed error (AuthError,
// ScopeError, NotBookedError, PaymentError, RateLimitError, ServerError,
// UnreachableError, APIError) whose fields carry the facts, so the i18n
// layer can phrase them. Idempotent GETs are retried, a bounded number of
// times, after a 429 or a 502/503/504, honouring Retry-After.
//
// HistoryEntry.Call and Contact.Facts map sipgate's entries to plain
// structs with the facts the app keeps (statuses as in DESIGN.md).
// Package sipgatefake is a fake server for tests.
package sipgate
