package webhook

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
)

const (
	formCT    = "application/x-www-form-urlencoded"
	hookURL   = "https://example.com/hook?t=1&u=2"
	blocked   = "4915199999999"
	xmlPrefix = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	subscribe = xmlPrefix + `<Response onAnswer="https://example.com/hook?t=1&amp;u=2" onHangup="https://example.com/hook?t=1&amp;u=2"/>`
)

// recorder is the Responder of the handler tests: it subscribes to every
// call, rejects the blocked number with a busy tone, fails on callId
// "fail", and remembers what it saw.
type recorder struct {
	mu     sync.Mutex
	events []Event
}

func (rc *recorder) Respond(_ context.Context, ev Event) (Response, error) {
	rc.mu.Lock()
	rc.events = append(rc.events, ev)
	rc.mu.Unlock()
	switch {
	case ev.CallID == "fail":
		return Response{}, errors.New("store is gone")
	case ev.From == "+"+blocked:
		return Response{Reject: BusyTone, OnAnswer: hookURL}, nil
	}
	return Response{OnAnswer: hookURL, OnHangup: hookURL}, nil
}

func (rc *recorder) seen() []Event {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]Event(nil), rc.events...)
}

func newTestHandler(logger *slog.Logger, opts ...Option) (*Handler, *recorder) {
	rc := &recorder{}
	v := AnyOf(NewSignatureVerifier(SipgateKey()), NewTestPushVerifier(testSecret))
	return NewHandler(logger, v, rc, opts...), rc
}

// sign says how a handler test case signs its body.
type sign int

const (
	signTest sign = iota // X-Whoiscalling-Test-Signature with testSecret
	signNone
	signWrong
)

type handlerCase struct {
	name     string
	method   string
	ct       string
	body     string
	sign     sign
	sipgate  string // an X-Sipgate-Signature to send instead
	chunked  bool   // hide the length, as a chunked request does
	broken   bool   // the body fails after its bytes, as a dropped connection does
	status   int
	respCT   string
	respBody string
	allow    string
	reason   Reason // what the counters record; ReasonNone for 200
}

func (c handlerCase) request() *http.Request {
	var body io.Reader = strings.NewReader(c.body)
	if c.chunked {
		body = struct{ io.Reader }{body}
	}
	if c.broken {
		body = io.MultiReader(body, iotest.ErrReader(errors.New("connection reset")))
	}
	r := httptest.NewRequest(c.method, "/sipgate", body)
	if c.ct != "" {
		r.Header.Set("Content-Type", c.ct)
	}
	switch {
	case c.sipgate != "":
		r.Header.Set(SignatureHeader, c.sipgate)
	case c.sign == signTest:
		r.Header.Set(TestSignatureHeader, SignTestPush(testSecret, []byte(c.body)))
	case c.sign == signWrong:
		r.Header.Set(TestSignatureHeader, SignTestPush([]byte("not-the-secret!!"), []byte(c.body)))
	}
	return r
}

func handlerCases(t *testing.T) []handlerCase {
	v01, v10 := vectorByID(t, "V01"), vectorByID(t, "V10")
	huge := "event=hangup&callId=1&pad=" + strings.Repeat("x", MaxBody)
	exact := huge[:MaxBody]
	return []handlerCase{
		{name: "GET", method: "GET", status: 405, allow: "POST", reason: ReasonBadMethod},
		{name: "PUT", method: "PUT", ct: formCT, body: v10.Body, status: 405, allow: "POST", reason: ReasonBadMethod},
		{name: "GET with huge body: method first", method: "GET", ct: "text/plain", body: huge, status: 405, allow: "POST", reason: ReasonBadMethod},
		{name: "over 64 KiB", method: "POST", ct: formCT, body: huge[:MaxBody+1], status: 413, reason: ReasonTooLarge},
		{name: "over 64 KiB chunked", method: "POST", ct: formCT, body: huge, chunked: true, status: 413, reason: ReasonTooLarge},
		{name: "over 64 KiB wrong type: size first", method: "POST", ct: "text/plain", body: huge, sign: signNone, status: 413, reason: ReasonTooLarge},
		{name: "exactly 64 KiB", method: "POST", ct: formCT, body: exact, status: 200},
		{name: "body read fails", method: "POST", ct: formCT, body: v10.Body, broken: true, status: 400, reason: ReasonUnreadableBody},
		{name: "no content type", method: "POST", body: v10.Body, status: 415, reason: ReasonBadContentType},
		{name: "text/plain unsigned: type before signature", method: "POST", ct: "text/plain", body: v10.Body, sign: signNone, status: 415, reason: ReasonBadContentType},
		{name: "multipart", method: "POST", ct: "multipart/form-data; boundary=x", body: v10.Body, status: 415, reason: ReasonBadContentType},
		{name: "form type prefix only", method: "POST", ct: formCT + "x", body: v10.Body, status: 415, reason: ReasonBadContentType},
		{name: "json", method: "POST", ct: "application/json", body: `{"event":"answer"}`, status: 415, reason: ReasonBadContentType},
		{name: "unsigned", method: "POST", ct: formCT, body: v10.Body, sign: signNone, status: 403, reason: ReasonNoSignature},
		{name: "wrong test signature", method: "POST", ct: formCT, body: v10.Body, sign: signWrong, status: 403, reason: ReasonBadSignature},
		{name: "garbage unsigned: signature before parse", method: "POST", ct: formCT, body: "%zz", sign: signNone, status: 403, reason: ReasonNoSignature},
		{name: "V01 + newline with its signature", method: "POST", ct: formCT, body: v01.Body + "\n", sipgate: v01.Signature, status: 403, reason: ReasonBadSignature},
		{name: "bad escape", method: "POST", ct: formCT, body: "event=newCall&from=%zz", status: 400, reason: ReasonBadForm},
		{name: "no event", method: "POST", ct: formCT, body: "from=4921112345", status: 400, reason: ReasonBadEvent},
		{name: "unknown event", method: "POST", ct: formCT, body: "event=onHangup&callId=1", status: 400, reason: ReasonBadEvent},
		{name: "responder error", method: "POST", ct: formCT, body: "event=hangup&callId=fail", status: 500, reason: ReasonResponderFailed},
		{name: "V01 signed by sipgate", method: "POST", ct: formCT + "; charset=UTF-8", body: v01.Body, sipgate: v01.Signature,
			status: 200, respCT: "application/xml; charset=utf-8", respBody: subscribe},
		{name: "newCall, upper-case type", method: "POST", ct: "Application/X-WWW-Form-URLEncoded;charset=utf-8", body: "event=newCall&callId=2",
			status: 200, respCT: "application/xml; charset=utf-8", respBody: subscribe},
		{name: "blocked caller", method: "POST", ct: formCT, body: "event=newCall&direction=in&from=" + blocked,
			status: 200, respCT: "application/xml; charset=utf-8", respBody: xmlPrefix + `<Response><Reject reason="busy"/></Response>`},
		{name: "answer", method: "POST", ct: formCT, body: v10.Body, status: 200},
		{name: "hangup", method: "POST", ct: formCT, body: "event=hangup&cause=cancel&callId=1", status: 200},
		{name: "dtmf", method: "POST", ct: formCT, body: "event=dtmf&dtmf=0&callId=1", status: 200},
	}
}

func TestHandler(t *testing.T) {
	for _, c := range handlerCases(t) {
		h, _ := newTestHandler(nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, c.request())
		res := w.Result()
		body := w.Body.String()
		if c.status != 200 {
			body, c.respBody = "", "" // error bodies are net/http's text
		}
		if res.StatusCode != c.status || body != c.respBody {
			t.Errorf("ServeHTTP(%s) = %d %q, want %d %q", c.name, res.StatusCode, body, c.status, c.respBody)
		}
		if c.status == 200 && res.Header.Get("Content-Type") != c.respCT {
			t.Errorf("ServeHTTP(%s) Content-Type = %q, want %q", c.name, res.Header.Get("Content-Type"), c.respCT)
		}
		if got := res.Header.Get("Allow"); got != c.allow {
			t.Errorf("ServeHTTP(%s) Allow = %q, want %q", c.name, got, c.allow)
		}
		checkCounted(t, c, h.Counters().Snapshot())
	}
}

// checkCounted asserts that one request was counted, as accepted or under
// its reason, and that the reason's status is the one answered.
func checkCounted(t *testing.T, c handlerCase, s Stats) {
	t.Helper()
	if c.status == 200 {
		if s.Accepted != 1 || s.Rejected != 0 || s.LastAccepted.IsZero() {
			t.Errorf("ServeHTTP(%s) counted %+v, want 1 accepted", c.name, s)
		}
		return
	}
	if s.Accepted != 0 || s.Rejected != 1 || s.Refused[c.reason] != 1 || s.LastReason != c.reason || s.LastRejected.IsZero() {
		t.Errorf("ServeHTTP(%s) counted %+v, want 1 rejected for %v", c.name, s, c.reason)
	}
	if c.reason.Status() != c.status {
		t.Errorf("%v.Status() = %d, want %d", c.reason, c.reason.Status(), c.status)
	}
}
