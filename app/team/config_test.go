package team

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// configCases are environments and what ParseConfig makes of them;
// "CREDS" in a value stands for a readable creds file.
var configCases = []struct {
	env     map[string]string
	want    Config
	wantErr error
	errKey  string
}{
	{env: map[string]string{}, want: Config{Team: "default", MaxAge: DefaultMaxAge, Replicas: 1}},
	{env: map[string]string{"NATS_URL": " nats://a:4222, tls://user:pw@b.example ,"},
		want: Config{URLs: []string{"nats://a:4222", "tls://user:pw@b.example"}, Team: "default", MaxAge: DefaultMaxAge, Replicas: 1}},
	{env: map[string]string{"NATS_URL": "nats://a", "NATS_TOKEN": "t0k", "TEAM_NAME": "office-2", "NATS_REPLICAS": "3", "NATS_MAX_AGE": "30d"},
		want: Config{URLs: []string{"nats://a"}, Token: "t0k", Team: "office-2", MaxAge: 30 * 24 * time.Hour, Replicas: 3}},
	{env: map[string]string{"NATS_LISTEN": "4222", "NATS_MQTT_LISTEN": "localhost:1883", "NATS_MAX_AGE": "720h"},
		want: Config{Listen: "127.0.0.1:4222", MQTTListen: "localhost:1883", Team: "default", MaxAge: 720 * time.Hour, Replicas: 1}},
	{env: map[string]string{"NATS_LISTEN": "0.0.0.0:4222", "NATS_TOKEN": "t"},
		want: Config{Listen: "0.0.0.0:4222", Token: "t", Team: "default", MaxAge: DefaultMaxAge, Replicas: 1}},
	{env: map[string]string{"NATS_URL": "tls://x", "NATS_CREDS": "CREDS"},
		want: Config{URLs: []string{"tls://x"}, CredsFile: "CREDS", Team: "default", MaxAge: DefaultMaxAge, Replicas: 1}},
	{env: map[string]string{"NATS_URL": "http://a"}, wantErr: ErrURL, errKey: KeyURL},
	{env: map[string]string{"NATS_URL": "nats://"}, wantErr: ErrURL, errKey: KeyURL},
	{env: map[string]string{"NATS_URL": "nats://a:99999"}, wantErr: ErrURL, errKey: KeyURL},
	{env: map[string]string{"NATS_URL": "nats://a/path"}, wantErr: ErrURL, errKey: KeyURL},
	{env: map[string]string{"NATS_URL": "a:4222"}, wantErr: ErrURL, errKey: KeyURL},
	{env: map[string]string{"NATS_CREDS": "/no/such/file.creds"}, wantErr: ErrCreds, errKey: KeyCreds},
	{env: map[string]string{"NATS_LISTEN": "localhost"}, wantErr: ErrListen, errKey: KeyListen},
	{env: map[string]string{"NATS_LISTEN": "127.0.0.1:70000"}, wantErr: ErrListen, errKey: KeyListen},
	{env: map[string]string{"TEAM_NAME": "my.team"}, wantErr: ErrTeamName, errKey: KeyTeam},
	{env: map[string]string{"TEAM_NAME": "a>b"}, wantErr: ErrTeamName, errKey: KeyTeam},
	{env: map[string]string{"TEAM_NAME": strings.Repeat("x", 65)}, wantErr: ErrTeamName, errKey: KeyTeam},
	{env: map[string]string{"NATS_REPLICAS": "7"}, wantErr: ErrReplicas, errKey: KeyReplicas},
	{env: map[string]string{"NATS_MAX_AGE": "-1h"}, wantErr: ErrMaxAge, errKey: KeyMaxAge},
	{env: map[string]string{"NATS_MAX_AGE": "ninety"}, wantErr: ErrMaxAge, errKey: KeyMaxAge},
	{env: map[string]string{"NATS_LISTEN": ":4222"}, wantErr: ErrInsecureListen, errKey: KeyListen},
	{env: map[string]string{"NATS_LISTEN": "192.168.1.5:4222"}, wantErr: ErrInsecureListen, errKey: KeyListen},
	{env: map[string]string{"NATS_LISTEN": "127.0.0.1:4222", "NATS_MQTT_LISTEN": "0.0.0.0:1883"}, wantErr: ErrInsecureListen, errKey: KeyMQTTListen},
	{env: map[string]string{"NATS_MQTT_LISTEN": "127.0.0.1:1883"}, wantErr: ErrMQTTNeedsListen, errKey: KeyMQTTListen},
	{env: map[string]string{"NATS_URL": "nats://a", "NATS_LISTEN": "127.0.0.1:4222"}, wantErr: ErrListenAndURL, errKey: KeyListen},
	{env: map[string]string{"NATS_URL": "nats://a", "NATS_TOKEN": "t", "NATS_CREDS": "CREDS"}, wantErr: ErrTokenAndCreds, errKey: KeyCreds},
}

func credsFile(t testing.TB) string {
	path := filepath.Join(t.TempDir(), "user.creds")
	if err := os.WriteFile(path, []byte("-----BEGIN NATS USER JWT-----\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestParseConfig(t *testing.T) {
	creds := credsFile(t)
	for _, tc := range configCases {
		getenv := func(k string) string { return strings.ReplaceAll(tc.env[k], "CREDS", creds) }
		got, err := ParseConfig(getenv)
		var ce *ConfigError
		if tc.wantErr != nil {
			if !errors.Is(err, tc.wantErr) || !errors.As(err, &ce) || ce.Key != tc.errKey {
				t.Errorf("ParseConfig(%v) = %v, want a ConfigError for %s: %v", tc.env, err, tc.errKey, tc.wantErr)
			}
			continue
		}
		if tc.want.CredsFile != "" {
			tc.want.CredsFile = creds
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseConfig(%v) = %+v, %v; want %+v", tc.env, got, err, tc.want)
		}
	}
}

func TestConfigErrorsHideSecrets(t *testing.T) {
	_, err := ParseConfig(func(k string) string {
		return map[string]string{"NATS_URL": "nats://anna:hunter2@a, http://b"}[k]
	})
	if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "NATS_URL") {
		t.Errorf("error %q must name NATS_URL and hide the password", err)
	}
}

func FuzzParseConfig(f *testing.F) {
	keys := []string{KeyURL, KeyListen, KeyMQTTListen, KeyTeam, KeyReplicas, KeyMaxAge}
	for _, tc := range configCases {
		for i, k := range keys {
			if v, ok := tc.env[k]; ok {
				f.Add(i, v)
			}
		}
	}
	f.Fuzz(func(t *testing.T, i int, v string) {
		if i < 0 || i >= len(keys) {
			return
		}
		c, err := ParseConfig(func(k string) string {
			if k == keys[i] {
				return v
			}
			return ""
		})
		if err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.Key == "" {
				t.Fatalf("ParseConfig(%s=%q) = %v, want a *ConfigError", keys[i], v, err)
			}
			return
		}
		if err := c.Check(); err != nil {
			t.Fatalf("ParseConfig(%s=%q) accepted a config that Check refuses: %v", keys[i], v, err)
		}
		if c.Listen != "" && !loopback(c.Listen) && c.Token == "" {
			t.Fatalf("ParseConfig(%s=%q) accepted a non-loopback listen without token", keys[i], v)
		}
	})
}
