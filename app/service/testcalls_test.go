package service

import (
	"context"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

func TestRemoveTestCallsKeepsRealOnes(t *testing.T) {
	svc := openTestService(t, map[string]string{"SIPGATE_VERIFY_SIGNATURE": "false"})
	url := "http://" + svc.Status().Addr + "/"
	for range 2 {
		if _, err := SendTestCall(context.Background(), url, svc.secret, time.Now(), 0); err != nil {
			t.Fatal(err)
		}
	}
	if code := postForm(t, svc.Status().Addr, "event=newCall&direction=in&from=4921155501000&to=4921100000000&callId=REAL1&user[]=Anna"); code != 200 {
		t.Fatalf("newCall = %d", code)
	}
	list, _ := svc.Tracker.Recent(context.Background(), calls.Query{Limit: 10})
	tests := 0
	for _, c := range list {
		if IsTestCall(c) {
			tests++
		}
	}
	if len(list) != 3 || tests != 2 {
		t.Fatalf("history = %d calls, %d tests; want 3 and 2", len(list), tests)
	}
	if n, err := RemoveTestCalls(context.Background(), svc.Tracker); n != 2 || err != nil {
		t.Fatalf("RemoveTestCalls = %d, %v", n, err)
	}
	list, _ = svc.Tracker.Recent(context.Background(), calls.Query{Limit: 10})
	if len(list) != 1 || list[0].Key() != "REAL1" {
		t.Errorf("left = %+v", list)
	}
}
