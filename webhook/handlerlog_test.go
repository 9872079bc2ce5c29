package webhook

import (
	"bytes"
	"log/slog"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

func serve(h *Handler, c handlerCase) int {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, c.request())
	return w.Code
}

func post(body string) handlerCase {
	return handlerCase{method: "POST", ct: formCT, body: body}
}

func TestHandlerAsksResponderForEveryEvent(t *testing.T) {
	h, rc := newTestHandler(nil)
	bodies := []string{"event=newCall&callId=A", "event=answer&callId=A&user=Ann", "event=dtmf&callId=A", "event=hangup&callId=A&cause=normalClearing"}
	for _, b := range bodies {
		serve(h, post(b))
	}
	var got []EventType
	for _, ev := range rc.seen() {
		got = append(got, ev.Type)
	}
	want := []EventType{NewCall, Answer, DTMF, Hangup}
	if !slices.Equal(got, want) {
		t.Errorf("Responder saw %v, want %v", got, want)
	}
}

// TestHandlerLogs checks the log lines: one per request, personal data only
// at Debug.
func TestHandlerLogs(t *testing.T) {
	v02 := vectorByID(t, "V02")
	personal := []string{"4921112345", "4921155500123", "Jürgen", "Müller", "1234567w0"}
	unsigned := post(v02.Body)
	unsigned.sign = signNone
	tests := []struct {
		name    string
		level   slog.Level
		c       handlerCase
		want    []string
		private bool // personal data may appear
	}{
		{"accepted at Info", slog.LevelInfo, post(v02.Body),
			[]string{"level=INFO", "event=newCall", "direction=in", "status=200", "id=5aada1e696b94cec"}, false},
		{"rejected at Info", slog.LevelInfo, unsigned,
			[]string{"level=WARN", "status=403", `reason="no signature"`, "X-Sipgate-Signature header missing"}, false},
		{"unknown event", slog.LevelInfo, post("event=onHangup&from=4921112345"),
			[]string{"level=WARN", "status=400", `reason="bad event"`, `unknown event`}, false},
		{"accepted at Debug", slog.LevelDebug, post(v02.Body),
			[]string{"level=DEBUG", "event=newCall", "from=+4921112345", "id=5aada1e696b94cec"}, true},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		h, _ := newTestHandler(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: tt.level})))
		serve(h, tt.c)
		out := buf.String()
		if n := strings.Count(out, "\n"); n != 1 {
			t.Errorf("%s: logged %d lines, want 1:\n%s", tt.name, n, out)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: log = %q, want it to contain %q", tt.name, out, w)
			}
		}
		for _, p := range personal {
			if !tt.private && strings.Contains(out, p) {
				t.Errorf("%s: log = %q, contains personal %q", tt.name, out, p)
			}
		}
	}
}

func TestShortID(t *testing.T) {
	tests := []struct {
		ev   Event
		want string
	}{
		{Event{XCID: "8419b3450b75cd19", CallID: "X"}, "8419b3450b75cd19"},
		{Event{CallID: "123456"}, "8d969eef"},                  // sha256("123456")
		{Event{CallID: "B", OrigCallID: "123456"}, "8d969eef"}, // legs of one call share it
		{Event{}, "e3b0c442"},                                  // sha256("")
	}
	for _, tt := range tests {
		if got := ShortID(tt.ev); got != tt.want {
			t.Errorf("ShortID(%+v) = %q, want %q", tt.ev, got, tt.want)
		}
	}
}
