package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestUnknownDotEnvKeyWarnsOnce(t *testing.T) {
	var out, errOut bytes.Buffer
	dir := t.TempDir()
	e := Env{Stdout: &out, Stderr: &errOut,
		LookupEnv: func(k string) (string, bool) { return "", false },
		DotEnv: func() (map[string]string, error) {
			return map[string]string{"WEBHOOK_SERVER_PROT": "9000", "DEFAULT_REGION": "AT"}, nil
		},
		UserConfigDir: func() (string, error) { return filepath.Join(dir, "config"), nil },
	}
	if code := Run(context.Background(), e, []string{"--data-dir", dir, "lookup", "0316 123456"}); code != 0 {
		t.Fatalf("lookup = %d, %s", code, errOut.String())
	}
	want := "WEBHOOK_SERVER_PROT in .env is not a whoiscalling setting and is ignored: did you mean WEBHOOK_SERVER_PORT?"
	if n := strings.Count(errOut.String(), want); n != 1 {
		t.Errorf("stderr has the warning %d times, want once:\n%s", n, errOut.String())
	}
	if !strings.Contains(out.String(), "Graz") {
		t.Errorf("the known key of the same .env was not applied: %s", out.String())
	}
}
