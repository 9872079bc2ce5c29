package config

import "testing"

// Every key's Value, loaded again, gives the same configuration: what the
// Settings window shows is what it saves.
func TestValueRoundTrips(t *testing.T) {
	set := map[string]string{
		KeyPort: "9090", KeyPublicURL: "https://x.example/", KeyNotifyUsers: "Anna, Ben", KeyStaleTimeout: "90m",
		KeySipgateSyncInterval: "2h", KeyTunnel: "localhost.run", KeyNATSURL: "nats://a:4222", KeyTeamName: "office",
		KeyCardDAVURL: "https://dav.example/", KeyCardDAVSyncInterval: "15m", KeySipgateDevice: "e0", KeyUILanguage: "de",
		KeySipgateToken: "secret-value",
	}
	c, err := Load(MapLayer(SourceSettings, set))
	if err != nil {
		t.Fatal(err)
	}
	again := map[string]string{}
	for _, k := range Keys {
		if v := c.Value(k.Name); v != "" {
			again[k.Name] = v
		}
	}
	if again[KeySipgateToken] != "" {
		t.Errorf("Value shows a secret")
	}
	c2, err := Load(MapLayer(SourceSettings, again))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Keys {
		if k.Name == KeySipgateToken {
			continue
		}
		if c.Value(k.Name) != c2.Value(k.Name) {
			t.Errorf("%s: %q, then %q", k.Name, c.Value(k.Name), c2.Value(k.Name))
		}
	}
	if c.Value(KeyStaleTimeout) != "1h30m" || c.Value(KeySipgateSyncInterval) != "2h" || c.Value(KeyCardDAVSyncInterval) != "15m" {
		t.Errorf("durations: %q %q %q", c.Value(KeyStaleTimeout), c.Value(KeySipgateSyncInterval), c.Value(KeyCardDAVSyncInterval))
	}
}
