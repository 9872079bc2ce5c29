package tunnel

import (
	"strings"
	"testing"
)

func FuzzLocalhostRunURL(f *testing.F) {
	for _, tc := range lhrCases {
		f.Add(tc.line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		u, ok := LocalhostRunURL(line)
		if !ok {
			if u != "" {
				t.Errorf("LocalhostRunURL(%q) = %q with ok false", line, u)
			}
			return
		}
		checkURL(t, line, u)
		host := strings.TrimPrefix(u, "https://")
		if again, _ := LocalhostRunURL(host + " " + lhrMarker + u); again != u {
			t.Errorf("LocalhostRunURL(%q) = %q, but its own tunnel line gives %q", line, u, again)
		}
	})
}

func FuzzCloudflaredURL(f *testing.F) {
	for _, tc := range cloudflaredCases {
		f.Add(tc.line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		u, ok := CloudflaredURL(line)
		if !ok {
			if u != "" {
				t.Errorf("CloudflaredURL(%q) = %q with ok false", line, u)
			}
			return
		}
		checkURL(t, line, u)
		if !strings.HasSuffix(u, ".trycloudflare.com") || strings.HasPrefix(u, "https://api.") {
			t.Errorf("CloudflaredURL(%q) = %q: not a quick tunnel", line, u)
		}
		if again, _ := CloudflaredURL("|  " + u + "  |"); again != u {
			t.Errorf("CloudflaredURL(%q) = %q, but its own box line gives %q", line, u, again)
		}
	})
}
