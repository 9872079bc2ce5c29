package service

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/webhook"
)

func postForm(t *testing.T, addr, body string) int {
	t.Helper()
	resp, err := http.Post("http://"+addr+"/", "application/x-www-form-urlencoded", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// Saving a setting keeps the listener's counters: the tray's "last
// webhook" and the refusals.
func TestCountersSurviveSave(t *testing.T) {
	svc := openTestService(t, map[string]string{})
	addr := svc.Status().Addr
	if code := postForm(t, addr, "event=newCall&direction=in&from=492111234567&to=4921155500123&callId=A&origCallId=A&user%5B%5D=Anna"); code != http.StatusForbidden {
		t.Fatalf("unsigned push = %d, want 403 (signature check on)", code)
	}
	if err := svc.Save(map[string]string{config.KeyVerifySignature: "false"}); err != nil {
		t.Fatal(err)
	}
	if code := postForm(t, addr, "event=newCall&direction=in&from=492111234567&to=4921155500123&callId=B&origCallId=B&user%5B%5D=Anna"); code != http.StatusOK {
		t.Fatalf("push after turning the check off = %d", code)
	}
	if err := svc.Save(map[string]string{config.KeyDoNotDisturb: "true"}); err != nil {
		t.Fatal(err)
	}
	st := svc.Status().Webhooks
	if st.LastAccepted.IsZero() || st.Accepted != 1 || st.Rejected != 1 || st.LastReason != webhook.ReasonNoSignature {
		t.Errorf("after two saves the counters are %+v; want 1 accepted with its time, 1 refused for no signature", st)
	}
}

// A contact saved after its number called names the calls already shown.
func TestNewContactNamesRecentCalls(t *testing.T) {
	svc := openTestService(t, map[string]string{config.KeyVerifySignature: "false"})
	sub := svc.Tracker.Subscribe(16)
	defer sub.Close()
	if code := postForm(t, svc.Status().Addr, "event=newCall&direction=in&from=492111234567&to=4921155500123&callId=N&origCallId=N&user%5B%5D=Anna"); code != http.StatusOK {
		t.Fatalf("newCall = %d", code)
	}
	if _, err := svc.Book.Add(context.Background(), contacts.Contact{FirstName: "Lisbeth", LastName: "Salander", City: "Stockholm",
		Numbers: []contacts.Number{{Label: contacts.LabelWork, Raw: "+49 211 1234567"}}}); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(10 * time.Second)
	for {
		select {
		case c := <-sub.C():
			if c.Contact == "Lisbeth Salander" && c.City == "Stockholm" {
				got, err := svc.Tracker.Recent(context.Background(), calls.Query{Limit: 1})
				if err != nil || len(got) != 1 || got[0].Contact != "Lisbeth Salander" {
					t.Errorf("Recent after the rename = %+v, %v", got, err)
				}
				return
			}
		case <-deadline:
			t.Fatal("the call was not named after its number was saved as a contact")
		}
	}
}

// Consumers registered on the service get call changes; Close stops them.
func TestConsumersFollowCalls(t *testing.T) {
	svc := openTestService(t, map[string]string{config.KeyVerifySignature: "false"})
	got := make(chan calls.Call, 8)
	stopped := make(chan struct{})
	svc.OnCall("test", func(ctx context.Context, changes <-chan calls.Call) {
		defer close(stopped)
		for {
			select {
			case <-ctx.Done():
				return
			case c, ok := <-changes:
				if !ok {
					return
				}
				got <- c
			}
		}
	})
	postForm(t, svc.Status().Addr, "event=newCall&direction=in&from=492111234567&to=4921155500123&callId=K&origCallId=K&user%5B%5D=Anna")
	select {
	case c := <-got:
		if c.Status != calls.StatusRinging || c.Source != calls.FromWebhook {
			t.Errorf("consumer got %+v, want a ringing call from the webhook", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the consumer got no call change")
	}
	svc.Close()
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not stop the consumer")
	}
}
