package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLoadDefaults(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatalf("Load() = %v, want no error", err)
	}
	if c.ListenAddr() != "127.0.0.1:8080" {
		t.Errorf("ListenAddr() = %q, want 127.0.0.1:8080", c.ListenAddr())
	}
	if !c.VerifySignature || c.DefaultRegion != "DE" || c.NotifyOutgoing || !c.NotifyMissed {
		t.Errorf("defaults = %+v, want signature on, region DE, outgoing off, missed on", c)
	}
	if c.StaleTimeout != 4*time.Hour || c.HistoryKeep != 100000 {
		t.Errorf("StaleTimeout, HistoryKeep = %v, %d, want 4h, 100000", c.StaleTimeout, c.HistoryKeep)
	}
	if c.Source[KeyPort] != SourceDefault {
		t.Errorf("Source[%s] = %q, want %q", KeyPort, c.Source[KeyPort], SourceDefault)
	}
}

func TestLayerOrder(t *testing.T) {
	env := MapLayer(SourceEnv, map[string]string{KeyPort: "9000"})
	dot := MapLayer(SourceDotEnv, map[string]string{KeyPort: "9001", KeyDefaultRegion: "at"})
	saved := MapLayer(SourceSettings, map[string]string{KeyDefaultRegion: "CH", KeyNotifyUsers: " Anna , Bob,,"})
	c, err := Load(env, dot, saved)
	if err != nil {
		t.Fatal(err)
	}
	if c.Port != 9000 || c.DefaultRegion != "AT" {
		t.Errorf("Port, DefaultRegion = %d, %q, want 9000, AT", c.Port, c.DefaultRegion)
	}
	if got := strings.Join(c.NotifyUsers, "|"); got != "Anna|Bob" {
		t.Errorf("NotifyUsers = %q, want Anna|Bob", got)
	}
	if !c.FromEnvironment(KeyPort) || !c.FromEnvironment(KeyDefaultRegion) || c.FromEnvironment(KeyNotifyUsers) {
		t.Errorf("FromEnvironment wrong: sources %v", c.Source)
	}
}

var checks = []struct {
	key, value string
	ok         bool
}{
	{KeyPort, "8080", true}, {KeyPort, "1", true}, {KeyPort, "65535", true},
	{KeyPort, "99999", false}, {KeyPort, "0", false}, {KeyPort, "http", false}, {KeyPort, "", false},
	{KeyListenHost, "0.0.0.0", true}, {KeyListenHost, "::1", true}, {KeyListenHost, "[::1]", true}, {KeyListenHost, "localhost", true},
	{KeyListenHost, "", false}, {KeyListenHost, "http://x", false}, {KeyListenHost, "a b", false},
	{KeyPublicURL, "", true}, {KeyPublicURL, "https://x.lhr.life/", true}, {KeyPublicURL, "http://host:8080/p?t=a&b=c", true},
	{KeyPublicURL, "x.lhr.life", false}, {KeyPublicURL, "ftp://x", false}, {KeyPublicURL, "https://", false},
	{KeyVerifySignature, "false", true}, {KeyVerifySignature, "TRUE", true}, {KeyVerifySignature, "0", true}, {KeyVerifySignature, "maybe", false},
	{KeyDefaultRegion, "DE", true}, {KeyDefaultRegion, "us", true}, {KeyDefaultRegion, "XX", false}, {KeyDefaultRegion, "DEU", false}, {KeyDefaultRegion, "", false},
	{KeyStaleTimeout, "30m", true}, {KeyStaleTimeout, "4h", true}, {KeyStaleTimeout, "10s", false}, {KeyStaleTimeout, "4", false},
	{KeyHistoryKeep, "100000", true}, {KeyHistoryKeep, "5", false}, {KeyHistoryKeep, "-1", false},
	{KeyLogLevel, "debug", true}, {KeyLogLevel, "WARN", true}, {KeyLogLevel, "info+2", false}, {KeyLogLevel, "loud", false},
	{KeyNotifyUsers, "Anna, Bob", true}, {KeyDataDir, "/tmp/x", true},
}

func TestCheck(t *testing.T) {
	for _, tc := range checks {
		err := Check(tc.key, tc.value)
		if (err == nil) != tc.ok {
			t.Errorf("Check(%s, %q) = %v, want ok=%v", tc.key, tc.value, err, tc.ok)
		}
		var ve *ValueError
		if err != nil && (!errors.As(err, &ve) || !strings.Contains(err.Error(), tc.key)) {
			t.Errorf("Check(%s, %q) = %v, want a ValueError naming the key", tc.key, tc.value, err)
		}
	}
	if err := Check("NO_SUCH_KEY", "1"); err == nil {
		t.Errorf("Check(NO_SUCH_KEY) = nil, want an error")
	}
}

func TestLoadNamesEveryBadValue(t *testing.T) {
	_, err := Load(MapLayer(SourceEnv, map[string]string{KeyPort: "99999", KeyDefaultRegion: "XX", KeyPublicURL: "example.org"}))
	if err == nil {
		t.Fatal("Load with bad values = nil error")
	}
	for _, want := range []string{"WEBHOOK_SERVER_PORT=\"99999\"", "1 to 65535", "DEFAULT_REGION=\"XX\"", "WEBHOOK_SERVER_ADDRESS", "https://", "(set in environment)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Load error %q does not contain %q", err, want)
		}
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if m, err := ReadSettings(dir); err != nil || len(m) != 0 {
		t.Fatalf("ReadSettings(missing) = %v, %v, want empty", m, err)
	}
	want := map[string]string{KeyPort: "9090", KeyNotifyOutgoing: "true"}
	if err := SaveSettings(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := ReadSettings(dir)
	if err != nil || got[KeyPort] != "9090" || got[KeyNotifyOutgoing] != "true" {
		t.Fatalf("ReadSettings = %v, %v, want %v", got, err, want)
	}
	fi, err := os.Stat(filepath.Join(dir, SettingsFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("settings file mode = %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	if err := SaveSettings(dir, map[string]string{KeyPort: "99999"}); err == nil {
		t.Errorf("SaveSettings(bad port) = nil, want an error")
	}
	if got, _ := ReadSettings(dir); got[KeyPort] != "9090" {
		t.Errorf("a rejected save changed the file: port %q, want 9090", got[KeyPort])
	}
}

func TestReadSettingsBroken(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, SettingsFile), []byte("{not json"), 0o600)
	_, err := ReadSettings(dir)
	if err == nil || !strings.Contains(err.Error(), "fix or delete it") {
		t.Errorf("ReadSettings(broken) = %v, want an error that says how to fix it", err)
	}
}

func FuzzCheck(f *testing.F) {
	for _, tc := range checks {
		f.Add(tc.key, tc.value)
	}
	f.Fuzz(func(t *testing.T, key, value string) {
		err := Check(key, value)
		if err == nil {
			c, lerr := Load(MapLayer(SourceEnv, map[string]string{key: value}))
			if lerr != nil {
				t.Errorf("Check(%s, %q) = nil but Load fails: %v", key, value, lerr)
			}
			_ = c.ListenAddr()
		}
	})
}
