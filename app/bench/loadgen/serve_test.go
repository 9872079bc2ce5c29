package main

import (
	"slices"
	"testing"
)

func TestSplitFlags(t *testing.T) {
	tests := []struct {
		in        []string
		own, rest []string
	}{
		{[]string{"--cpuprofile", "c.prof", "--data-dir", "D"}, []string{"--cpuprofile", "c.prof"}, []string{"--data-dir", "D"}},
		{[]string{"--data-dir=D", "-memprofile=m.prof"}, []string{"-memprofile=m.prof"}, []string{"--data-dir=D"}},
		{[]string{"--data-dir", "D"}, nil, []string{"--data-dir", "D"}},
		{[]string{"--cpuprofile"}, []string{"--cpuprofile"}, nil},
		{[]string{"cpuprofile", "x"}, nil, []string{"cpuprofile", "x"}},
	}
	for _, tt := range tests {
		own, rest := splitFlags(tt.in, "cpuprofile", "memprofile")
		if !slices.Equal(own, tt.own) || !slices.Equal(rest, tt.rest) {
			t.Errorf("splitFlags(%q) = %q, %q; want %q, %q", tt.in, own, rest, tt.own, tt.rest)
		}
	}
}
