package sipgate_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

func TestCallSendsBody(t *testing.T) {
	for _, tc := range []struct {
		name string
		req  sipgate.CallRequest
		want string
	}{
		{"device", sipgate.CallRequest{Caller: "e0", Callee: "+4921155501000"},
			`{"caller":"e0","callee":"+4921155501000"}`},
		{"number with device", sipgate.CallRequest{DeviceID: "e0", Caller: "+4921100000000", Callee: "+4921155501000", CallerID: "+4921100000000"},
			`{"deviceId":"e0","caller":"+4921100000000","callee":"+4921155501000","callerId":"+4921100000000"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, c, _ := setup(t)
			id, err := c.Call(context.Background(), tc.req)
			if err != nil {
				t.Fatal(err)
			}
			if id != "fake-session-1" {
				t.Errorf("session id = %q", id)
			}
			if got := string(only(t, srv, "POST", "/sessions/calls").Body); !jsonEqual(got, tc.want) {
				t.Errorf("body = %s, want %s", got, tc.want)
			}
		})
	}
}

func jsonEqual(a, b string) bool {
	var x, y any
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	ja, _ := json.Marshal(x)
	jb, _ := json.Marshal(y)
	return string(ja) == string(jb)
}

func TestCallChecksBeforeSending(t *testing.T) {
	srv, c, _ := setup(t)
	for _, r := range []sipgate.CallRequest{
		{Callee: "+4921155501000"},
		{Caller: "e0"},
		{Caller: "+4921100000000", Callee: "+4921155501000"},
	} {
		if _, err := c.Call(context.Background(), r); !errors.Is(err, sipgate.ErrInvalidArgument) {
			t.Errorf("Call(%+v) error = %v, want ErrInvalidArgument", r, err)
		}
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("requests = %d, want 0", n)
	}
}

func TestCallIsNeverRetried(t *testing.T) {
	srv, c, _ := setup(t)
	srv.InjectStatus("POST", "/sessions/calls", 503, "0")
	_, err := c.Call(context.Background(), sipgate.CallRequest{Caller: "e0", Callee: "+4921155501000"})
	var se *sipgate.ServerError
	if !errors.As(err, &se) || se.Status != 503 {
		t.Fatalf("error = %v, want ServerError 503", err)
	}
	if n := len(srv.RequestsTo("POST", "/sessions/calls")); n != 1 {
		t.Errorf("POST requests = %d, want 1: a call must not be started twice", n)
	}
}

func TestBlockList(t *testing.T) {
	srv, c, _ := setup(t)
	ctx := context.Background()
	e, err := c.Block(ctx, "+4915100000007")
	if err != nil {
		t.Fatal(err)
	}
	if e.PhoneNumber != "+4915100000007" || !e.IsBlock {
		t.Errorf("Block = %+v", e)
	}
	if got := string(only(t, srv, "POST", "/blacklist/incoming").Body); !jsonEqual(got, `{"phoneNumber":"+4915100000007","isBlock":true}`) {
		t.Errorf("POST body = %s", got)
	}
	if _, err := c.Block(ctx, "+4915100000007"); !errors.Is(err, sipgate.ErrConflict) {
		t.Errorf("second Block error = %v, want ErrConflict", err)
	}
	list, err := c.BlockedNumbers(ctx)
	if err != nil || len(list) != 2 || list[1].PhoneNumber != "+4915100000007" {
		t.Fatalf("BlockedNumbers = %+v, %v", list, err)
	}
	if err := c.Unblock(ctx, "+4930999999999"); err != nil {
		t.Fatal(err)
	}
	only(t, srv, "DELETE", "/blacklist/incoming/+4930999999999")
	if err := c.Unblock(ctx, "+4930999999999"); !errors.Is(err, sipgate.ErrNotFound) {
		t.Errorf("second Unblock error = %v, want ErrNotFound", err)
	}
	if d := srv.Data().Blacklist; len(d) != 1 || d[0].PhoneNumber != "+4915100000007" {
		t.Errorf("stored block list = %+v", d)
	}
	if err := c.Unblock(ctx, "a/b"); !errors.Is(err, sipgate.ErrInvalidArgument) {
		t.Errorf("Unblock(a/b) error = %v, want ErrInvalidArgument", err)
	}
}
