package sipgate

import (
	"fmt"
	"time"
)

// AuthError: sipgate rejected the token (401). The token id or token is
// wrong, or the token was deleted.
type AuthError struct {
	Endpoint string // "GET /history"
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("sipgate: token rejected (http 401) on %s", e.Endpoint)
}

// ScopeError: the token lacks the scope an operation needs (403).
type ScopeError struct {
	Endpoint string
	// Scope is the scope the endpoint needs per sipgate's spec, e.g.
	// "history:read"; a token with "all" has every scope.
	Scope string
}

func (e *ScopeError) Error() string {
	return fmt.Sprintf("sipgate: token lacks scope %s (http 403) on %s", e.Scope, e.Endpoint)
}

// NotBookedError: sipgate answered 403 on the sipgate.io settings, which
// sipgate documents as "sipgate.io not booked". A token without the
// settings scope gets the same answer, so Scope names it too.
type NotBookedError struct {
	Endpoint string
	Scope    string
}

func (e *NotBookedError) Error() string {
	return fmt.Sprintf("sipgate: sipgate.io not booked or token lacks scope %s (http 403) on %s", e.Scope, e.Endpoint)
}

// PaymentError: the account has too little credit for the operation
// (402), e.g. click-to-call.
type PaymentError struct {
	Endpoint string
}

func (e *PaymentError) Error() string {
	return fmt.Sprintf("sipgate: payment required (http 402) on %s", e.Endpoint)
}

// RateLimitError: sipgate asked to slow down (429) and the retries ran
// out, or it asked for a longer wait than the client allows.
type RateLimitError struct {
	Endpoint string
	// RetryAfter is sipgate's Retry-After (0 when absent).
	RetryAfter time.Duration
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("sipgate: rate limited (http 429, retry after %s) on %s", e.RetryAfter, e.Endpoint)
}

// ServerError: sipgate failed (5xx).
type ServerError struct {
	Endpoint string
	Status   int
}

func (e *ServerError) Error() string {
	return fmt.Sprintf("sipgate: server error (http %d) on %s", e.Status, e.Endpoint)
}

// UnreachableError: no HTTP answer came (DNS, connection, TLS, timeout).
type UnreachableError struct {
	Endpoint string
	Host     string
	Err      error
}

func (e *UnreachableError) Error() string {
	return fmt.Sprintf("sipgate: %s unreachable on %s: %v", e.Host, e.Endpoint, e.Err)
}

func (e *UnreachableError) Unwrap() error { return e.Err }
