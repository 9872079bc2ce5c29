package cli

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// A contact added with the command while serve runs on the same data dir
// names the next call from that number, without a restart.
func TestContactAddedByCommandNamesNextCallOnRunningServe(t *testing.T) {
	dir := t.TempDir()
	base, stop := serve(t, dir, map[string]string{"SIPGATE_VERIFY_SIGNATURE": "false"})
	defer stop()
	if code, _, errOut := run(t, dir, nil, "contacts", "add", "--name", "Greta Garbo", "--number", "0211 9876543"); code != 0 {
		t.Fatalf("contacts add = %d, %s", code, errOut)
	}
	deadline := time.Now().Add(20 * time.Second)
	for i := 0; ; i++ {
		id := fmt.Sprintf("LIVE%d", i)
		if code, _ := postBody(t, base, "application/x-www-form-urlencoded",
			"event=newCall&direction=in&from=492119876543&to=4921100000000&user[]=Anna&callId="+id, nil); code != 200 {
			t.Fatalf("newCall = %d", code)
		}
		_, out, _ := run(t, dir, nil, "calls", "--json", "--limit", "1")
		var list []calls.Call
		if json.Unmarshal([]byte(out), &list) == nil && len(list) == 1 && list[0].Key() == id && list[0].Contact == "Greta Garbo" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 20 s the running serve still names the call %q", out)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
