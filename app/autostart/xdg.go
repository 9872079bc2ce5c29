package autostart

import (
	"cmp"
	"path/filepath"
	"strings"
)

// xdgPath is the user's autostart entry: $XDG_CONFIG_HOME/autostart/ID.desktop
// (os.UserConfigDir already honours XDG_CONFIG_HOME).
func (a *Autostart) xdgPath() string {
	return filepath.Join(a.configDir, "autostart", ID+".desktop")
}

// desktopEntry is the autostart file, following the Desktop Entry and the
// Desktop Application Autostart specifications.
func (a *Autostart) desktopEntry() []byte {
	var b strings.Builder
	line := func(key, value string) {
		if value != "" {
			b.WriteString(key + "=" + value + "\n")
		}
	}
	b.WriteString("[Desktop Entry]\n")
	line("Type", "Application")
	line("Name", escapeValue(cmp.Or(a.entry.Name, "whoiscalling"))) // the spec requires a Name
	line("Comment", escapeValue(a.entry.Comment))
	line("Exec", escapeValue(execLine(append([]string{a.entry.Exec}, a.entry.Args...))))
	line("Icon", escapeValue(a.entry.Icon))
	line("Terminal", "false")
	line("X-GNOME-Autostart-enabled", "true")
	return []byte(b.String())
}

// xdgEnabled reports whether the autostart file exists, is not switched off,
// and starts a.entry.Exec.
func (a *Autostart) xdgEnabled() (bool, error) {
	data, ok, err := a.readFile(a.xdgPath())
	if !ok || err != nil {
		return false, err
	}
	keys := desktopKeys(string(data))
	if keys["Hidden"] == "true" || keys["X-GNOME-Autostart-enabled"] == "false" {
		return false, nil
	}
	args, err := splitExec(keys["Exec"])
	return err == nil && len(args) > 0 && args[0] == a.entry.Exec, nil
}

// desktopKeys returns the keys of the [Desktop Entry] group, their values
// unescaped. Comments, other groups and malformed lines are skipped.
func desktopKeys(text string) map[string]string {
	keys := map[string]string{}
	group := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			group = strings.TrimSpace(line)
		case group == "[Desktop Entry]":
			if k, v, ok := strings.Cut(line, "="); ok {
				keys[strings.TrimSpace(k)] = unescapeValue(strings.TrimLeft(v, " \t"))
			}
		}
	}
	return keys
}
