package sipgate

import (
	"encoding/json"
	"net/http"
	"time"
)

// errorBody is sipgate's ErrorResponse.
type errorBody struct {
	Errors []struct {
		Title  string `json:"title"`
		Detail string `json:"detail"`
		Source struct {
			Pointer string `json:"pointer"`
		} `json:"source"`
	} `json:"errors"`
}

// classify turns a non-2xx answer into the typed error of its class.
func classify(ep endpoint, resp *http.Response, body []byte) error {
	name := ep.String()
	switch s := resp.StatusCode; {
	case s == http.StatusUnauthorized:
		return &AuthError{Endpoint: name}
	case s == http.StatusPaymentRequired:
		return &PaymentError{Endpoint: name}
	case s == http.StatusForbidden && ep.pattern == epSettingsGet.pattern:
		return &NotBookedError{Endpoint: name, Scope: ep.scope}
	case s == http.StatusForbidden && ep.scope != "":
		return &ScopeError{Endpoint: name, Scope: ep.scope}
	case s == http.StatusTooManyRequests:
		d, _ := retryAfter(resp.Header.Get("Retry-After"), time.Now())
		return &RateLimitError{Endpoint: name, RetryAfter: d}
	case s >= 500:
		return &ServerError{Endpoint: name, Status: s}
	}
	e := &APIError{Endpoint: name, Status: resp.StatusCode}
	var eb errorBody
	if json.Unmarshal(body, &eb) == nil && len(eb.Errors) > 0 {
		e.Title, e.Detail, e.Pointer = eb.Errors[0].Title, eb.Errors[0].Detail, eb.Errors[0].Source.Pointer
	}
	return e
}
