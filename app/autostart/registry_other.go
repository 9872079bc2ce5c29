//go:build !windows

package autostart

// systemRegistry on a system without a registry answers every call with
// errNoRegistry; NewFor("windows", …) is only useful here in tests, which
// replace it.
func systemRegistry() regStore { return noRegistry{} }

type noRegistry struct{}

func (noRegistry) String(string, string) (string, bool, error) { return "", false, errNoRegistry }
func (noRegistry) Binary(string, string) ([]byte, bool, error) { return nil, false, errNoRegistry }
func (noRegistry) SetString(string, string, string) error      { return errNoRegistry }
func (noRegistry) Delete(string, string) error                 { return errNoRegistry }
