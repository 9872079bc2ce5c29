package autostart

import (
	"bytes"
	"encoding/xml"
	"path/filepath"
	"strings"
)

// agentPath is the user's LaunchAgent: ~/Library/LaunchAgents/ID.plist.
func (a *Autostart) agentPath() string {
	return filepath.Join(a.home, "Library", "LaunchAgents", ID+".plist")
}

// plist is the LaunchAgent: launchd runs ProgramArguments once at login
// (RunAtLoad) and does not restart it when the user quits. ProcessType
// Interactive gives it the resources of an app the user started.
func (a *Autostart) plist() []byte {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">` + "\n")
	b.WriteString("<plist version=\"1.0\">\n<dict>\n")
	b.WriteString("\t<key>Label</key>\n\t<string>" + xmlText(ID) + "</string>\n")
	b.WriteString("\t<key>ProgramArguments</key>\n\t<array>\n")
	for _, arg := range append([]string{a.entry.Exec}, a.entry.Args...) {
		b.WriteString("\t\t<string>" + xmlText(arg) + "</string>\n")
	}
	b.WriteString("\t</array>\n")
	b.WriteString("\t<key>RunAtLoad</key>\n\t<true/>\n")
	b.WriteString("\t<key>ProcessType</key>\n\t<string>Interactive</string>\n")
	b.WriteString("</dict>\n</plist>\n")
	return []byte(b.String())
}

// xmlText escapes s as XML character data.
func xmlText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s)) // writes to a bytes.Buffer never fail
	return b.String()
}

// agentEnabled reports whether the LaunchAgent exists, runs at load, is not
// disabled and starts a.entry.Exec.
func (a *Autostart) agentEnabled() (bool, error) {
	data, ok, err := a.readFile(a.agentPath())
	if !ok || err != nil {
		return false, err
	}
	d, err := parsePlist(data)
	if err != nil {
		return false, nil // not ours, or damaged: Enable replaces it
	}
	args := d["ProgramArguments"].Strings
	return d["RunAtLoad"].XMLName.Local == "true" && d["Disabled"].XMLName.Local != "true" &&
		len(args) > 0 && args[0] == a.entry.Exec, nil
}

// plistValue is one value of the top-level dict: its element name tells
// the type (string, true, false, array, …).
type plistValue struct {
	XMLName xml.Name
	Text    string   `xml:",chardata"`
	Strings []string `xml:"string"` // of an <array>
}

// parsePlist returns the top-level dict of an XML property list by key.
func parsePlist(data []byte) (map[string]plistValue, error) {
	var raw struct {
		Dict struct {
			Items []plistValue `xml:",any"`
		} `xml:"dict"`
	}
	if err := xml.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	d := map[string]plistValue{}
	items := raw.Dict.Items
	for i := 0; i+1 < len(items); i += 2 {
		if items[i].XMLName.Local == "key" {
			d[items[i].Text] = items[i+1]
		}
	}
	return d, nil
}
