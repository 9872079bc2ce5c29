package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/webhook"
)

// seedShowcase adds the contacts of the README's screenshots.
func seedShowcase(t *testing.T, bin string, env []string) {
	for _, args := range [][]string{
		{"--name", "Erika Mustermann", "--company", "Muster GmbH", "--number", "0211 1234567", "--number", "mobile:0171 2345678", "--city", "Düsseldorf", "--country", "Germany", "--note", "Prefers calls before noon.", "--vip"},
		{"--name", "Lisbeth Salander", "--company", "Milton Security", "--number", "+46 8 123 456 78", "--city", "Stockholm", "--country", "Sweden"},
		{"--name", "Ingrid Hansen", "--company", "Nordlys AS", "--number", "+47 22 12 34 56", "--city", "Oslo", "--country", "Norway"},
		{"--name", "Zentrale", "--company", "Spree AG", "--number", "030 123456-0", "--city", "Berlin"},
		{"--name", "Gewinnspiel Hotline", "--number", "01522 3456789", "--note", "Sales calls", "--blocked"},
	} {
		add := exec.Command(bin, append([]string{"contacts", "add"}, args...)...)
		add.Env = env
		if out, err := add.CombinedOutput(); err != nil {
			t.Fatalf("contacts add %q: %v\n%s", args, err, out)
		}
	}
}

// postShowcase plays a morning of calls, signed with the data dir's test
// key as whoiscalling test-call signs them.
func postShowcase(t *testing.T, port int, dataDir string) {
	key := readTestKey(t, dataDir)
	base := fmt.Sprintf("http://127.0.0.1:%d/", port)
	in := func(id, from, users string) string {
		return "direction=in&from=" + from + "&to=4921155500123&callId=" + id + "&origCallId=" + id + users
	}
	steps := []struct {
		body  string
		pause time.Duration
	}{
		{"event=newCall&" + in("S1", "46812345678", "&user%5B%5D=J%C3%BCrgen+M%C3%BCller"), time.Second},
		{"event=answer&user=J%C3%BCrgen+M%C3%BCller&" + in("S1", "46812345678", ""), 3 * time.Second},
		{"event=hangup&cause=normalClearing&" + in("S1", "46812345678", ""), 0},
		{"event=newCall&" + in("S2", "14155550132", "&user%5B%5D=Anna+Mayer&user%5B%5D=Marcus+Satt"), time.Second},
		{"event=hangup&cause=cancel&" + in("S2", "14155550132", ""), 0},
		{"event=newCall&" + in("S3", "493012345678", "&user%5B%5D=J%C3%BCrgen+M%C3%BCller"), time.Second},
		{"event=hangup&cause=forwarded&" + in("S3", "493012345678", ""), 0},
		{"event=newCall&direction=in&from=493012345678&to=4921155500123&callId=S3b&origCallId=S3&user%5B%5D=voicemail&diversion=4921155500123", time.Second},
		{"event=answer&user=&direction=in&from=493012345678&to=4921155500123&callId=S3b&origCallId=S3", 2 * time.Second},
		{"event=hangup&cause=normalClearing&direction=in&from=493012345678&to=4921155500123&callId=S3b&origCallId=S3", 0},
		{"event=newCall&" + in("S4", "4915223456789", "&user%5B%5D=Anna+Mayer"), 0},
		{"event=newCall&direction=out&from=4921155500123&to=4722123456&callId=S5&origCallId=S5&user%5B%5D=Anna+Mayer", time.Second},
		{"event=answer&direction=out&from=4921155500123&to=4722123456&callId=S5&origCallId=S5&answeringNumber=4722123456", 2 * time.Second},
		{"event=hangup&cause=normalClearing&direction=out&from=4921155500123&to=4722123456&callId=S5&origCallId=S5", 0},
		{"event=newCall&" + in("S6", "anonymous", "&user%5B%5D=Anna+Mayer"), time.Second},
		{"event=hangup&cause=cancel&" + in("S6", "anonymous", ""), 0},
		{"event=newCall&" + in("S7", "492111234567", "&user%5B%5D=Anna+Mayer"), time.Second},
		{"event=answer&user=Anna+Mayer&" + in("S7", "492111234567", ""), 4 * time.Second},
		{"event=hangup&cause=normalClearing&" + in("S7", "492111234567", ""), 0},
	}
	for _, s := range steps {
		req, _ := http.NewRequest(http.MethodPost, base, strings.NewReader(s.body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set(webhook.TestSignatureHeader, webhook.SignTestPush(key, []byte(s.body)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("POST %s = %d", s.body, resp.StatusCode)
		}
		time.Sleep(s.pause)
	}
}

func readTestKey(t *testing.T, dataDir string) []byte {
	b, err := os.ReadFile(filepath.Join(dataDir, "test-call.key"))
	if err != nil {
		t.Fatalf("read the test-call key: %v", err)
	}
	return b
}
