package main

import (
	"regexp"
	"testing"
)

func TestAppIDMatchesFyneAppTOML(t *testing.T) {
	m := regexp.MustCompile(`(?m)^\s*ID\s*=\s*"([^"]+)"`).FindStringSubmatch(fyneAppTOML)
	if m == nil || m[1] != appID {
		t.Errorf("FyneApp.toml ID = %v, want %q (the ID main.go passes to app.NewWithID)", m, appID)
	}
	if v := version(); !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(v) {
		t.Errorf("version() = %q, want the x.y.z Version of FyneApp.toml", v)
	}
}

func TestGUIArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		dir  string
		gui  bool
	}{
		{nil, "", true},
		{[]string{"--data-dir", "/d"}, "/d", true},
		{[]string{"--data-dir=/d"}, "/d", true},
		{[]string{"-data-dir=/d"}, "/d", true},
		{[]string{"serve"}, "", false},
		{[]string{"--version"}, "", false},
		{[]string{"--data-dir", "/d", "serve"}, "", false},
	} {
		dir, gui := guiArgs(tc.args)
		if dir != tc.dir || gui != tc.gui {
			t.Errorf("guiArgs(%q) = %q, %v, want %q, %v", tc.args, dir, gui, tc.dir, tc.gui)
		}
	}
}
