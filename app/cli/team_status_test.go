package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/team"
)

func TestTeamStatusRefusals(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string
	}{
		{"off", nil, []string{"team", "status"}, ExitUsage, "team mode is off: set NATS_URL"},
		{"no subcommand", nil, []string{"team"}, ExitUsage, "team needs a subcommand"},
		{"bad URL", map[string]string{"NATS_URL": "http://nats.example"}, []string{"team", "status"}, ExitUsage, `NATS_URL="http://nats.example" is not usable`},
		{"open listen", map[string]string{"NATS_LISTEN": "0.0.0.0:4222"}, []string{"team", "status", "--json"}, ExitUsage, "NATS_TOKEN"},
		{"unreachable", map[string]string{"NATS_URL": "nats://127.0.0.1:" + freePort(t), "NATS_TOKEN": "s3cret-token"}, []string{"team", "status"}, ExitError, "cannot reach NATS at nats://127.0.0.1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, t.TempDir(), tc.env, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("%v = %d, %q; want %d and %q", tc.args, code, errOut, tc.code, tc.want)
			}
			if strings.Contains(out+errOut, "s3cret-token") {
				t.Errorf("the token was printed: %q %q", out, errOut)
			}
		})
	}
}

func TestTeamStatusUnreachableJSON(t *testing.T) {
	url := "nats://anna:pw-not-shown@127.0.0.1:" + freePort(t)
	st, code, errOut := teamStatus(t, t.TempDir(), map[string]string{"NATS_URL": url})
	if code != ExitError || st.State != team.Unreachable || st.Error == "" {
		t.Errorf("team status --json = %d %+v %q, want exit 1, state unreachable and the error", code, st, errOut)
	}
	if len(st.Servers) != 1 || strings.Contains(st.Servers[0]+errOut, "pw-not-shown") {
		t.Errorf("servers %v / %q: want one, password redacted", st.Servers, errOut)
	}
}

func TestReceiversText(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 20, 0, 0, time.UTC)
	two := now.Add(-2 * time.Minute)
	since := time.Date(2026, 3, 2, 9, 14, 0, 0, time.UTC)
	for _, tc := range []struct {
		st   team.Status
		want string
	}{
		{team.Status{State: team.Unreachable}, "unknown while NATS cannot be reached"},
		{team.Status{State: team.Connected}, "none online (no desk"},
		{team.Status{State: team.Connected, NoReceiverSince: &since}, "none online since " + since.Local().Format("2006-01-02 15:04")},
		{team.Status{State: team.Connected, Receivers: []team.Receiver{{Instance: "srv-01-ab", Host: "srv-01", LastWebhook: &two}}}, "srv-01 (srv-01-ab) online, last webhook 2 min ago"},
		{team.Status{State: team.Connected, Receivers: []team.Receiver{{Instance: "x-1", Host: "x"}}}, "x (x-1) online, no webhook since it started"},
	} {
		if got := receiversText(tc.st, now); !strings.Contains(got, tc.want) {
			t.Errorf("receiversText(%+v) = %q, want %q", tc.st, got, tc.want)
		}
	}
}

func TestServeWithABadTeamValueExitsTwo(t *testing.T) {
	code, _, errOut := run(t, t.TempDir(), map[string]string{"NATS_URL": "http://x", "WEBHOOK_SERVER_PORT": freePort(t)}, "serve")
	if code != 2 || !strings.Contains(errOut, `NATS_URL="http://x" is not usable`) {
		t.Errorf("serve with NATS_URL=http://x = %d, %q", code, errOut)
	}
}
