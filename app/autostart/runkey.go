package autostart

import (
	"errors"
	"strings"
)

// The Windows entry is a string value under HKEY_CURRENT_USER's Run key:
// Explorer runs its command line at login. Task Manager's "Disable" keeps
// the value but marks it in the StartupApproved key; an odd first byte of
// that binary value means disabled.
const (
	runKey      = `Software\Microsoft\Windows\CurrentVersion\Run`
	approvedKey = `Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run`
	runValue    = "whoiscalling"
)

// errNoRegistry is what the registry seam answers on other systems.
var errNoRegistry = errors.New("there is no Windows registry on this system")

// regStore is the part of HKEY_CURRENT_USER the Run entry needs. The real
// one is in registry_windows.go; tests use a map.
type regStore interface {
	// String reads a string value; ok is false when it (or its key) is absent.
	String(key, name string) (value string, ok bool, err error)
	// Binary reads a binary value; ok is false when it (or its key) is absent.
	Binary(key, name string) (value []byte, ok bool, err error)
	// SetString writes a string value, creating the key if needed.
	SetString(key, name, value string) error
	// Delete removes a value; an absent one is fine.
	Delete(key, name string) error
}

// runEnabled reports whether the Run value starts a.entry.Exec and Task
// Manager has not disabled it.
func (a *Autostart) runEnabled() (bool, error) {
	cmd, ok, err := a.reg.String(runKey, runValue)
	if err != nil {
		return false, a.regFail("read", err)
	}
	if !ok || !strings.EqualFold(firstWinArg(cmd), a.entry.Exec) {
		return false, nil
	}
	mark, ok, err := a.reg.Binary(approvedKey, runValue)
	if err != nil {
		return false, a.regFail("read", err)
	}
	return !ok || len(mark) == 0 || mark[0]&1 == 0, nil
}

// runEnable writes the Run value and clears a Task Manager "disabled" mark.
func (a *Autostart) runEnable() error {
	if err := a.reg.SetString(runKey, runValue, winCommand(a.entry.Exec, a.entry.Args)); err != nil {
		return a.regFail("write", err)
	}
	if err := a.reg.Delete(approvedKey, runValue); err != nil {
		return a.regFail("write", err)
	}
	return nil
}

// runDisable removes the Run value and its mark.
func (a *Autostart) runDisable() error {
	for _, key := range []string{runKey, approvedKey} {
		if err := a.reg.Delete(key, runValue); err != nil {
			return a.regFail("remove", err)
		}
	}
	return nil
}

// regFail wraps a registry error; Path names the key and value.
func (a *Autostart) regFail(op string, err error) error {
	return &Error{Op: op, Path: a.Path(), Err: err}
}

// winCommand is the command line: the executable always in quotes (paths
// with spaces are the rule on Windows), then the arguments quoted the way
// CommandLineToArgvW reads them.
func winCommand(exe string, args []string) string {
	parts := []string{`"` + exe + `"`}
	for _, arg := range args {
		parts = append(parts, winQuote(arg))
	}
	return strings.Join(parts, " ")
}

// winQuote quotes one argument: backslashes are literal except before a
// double quote, where they must be doubled.
func winQuote(arg string) string {
	if arg != "" && !strings.ContainsAny(arg, " \t\"") {
		return arg
	}
	var b strings.Builder
	b.WriteByte('"')
	slashes := 0
	for i := 0; i < len(arg); i++ {
		switch arg[i] {
		case '\\':
			slashes++
		case '"':
			b.WriteString(strings.Repeat(`\`, slashes+1))
			slashes = 0
		default:
			slashes = 0
		}
		b.WriteByte(arg[i])
	}
	b.WriteString(strings.Repeat(`\`, slashes))
	b.WriteByte('"')
	return b.String()
}

// firstWinArg is the program of a command line: the quoted part, or up to
// the first blank.
func firstWinArg(cmd string) string {
	cmd = strings.TrimLeft(cmd, " \t")
	if rest, ok := strings.CutPrefix(cmd, `"`); ok {
		prog, _, _ := strings.Cut(rest, `"`)
		return prog
	}
	prog, _, _ := strings.Cut(cmd, " ")
	return strings.TrimRight(prog, "\t")
}
