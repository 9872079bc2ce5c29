// Package clocale lets whoiscalling start quietly under the C locale.
//
// Debian's containers and many services run with LANG=C.UTF-8. Fyne's
// lang package reads the locale while it initialises and logs "Error
// parsing user locale C" for it, on every command, because "C" is not a
// language tag. Imported for its side effect by main.go, this package
// initialises before Fyne's (it imports only os and strings, and Go
// initialises ready packages in import-path order) and, under a C or POSIX
// locale with an encoding, asks for English through LANGUAGE: what the C
// locale means anyway. Other locales are left alone.
package clocale

import (
	"os"
	"strings"
)

func init() { Apply(os.Getenv, os.Setenv) }

// Apply sets LANGUAGE=en when the locale in effect (the first of LC_ALL,
// LC_MESSAGES and LANG that is set) is C or POSIX with an encoding, such
// as C.UTF-8, and LANGUAGE is unset.
func Apply(getenv func(string) string, setenv func(string, string) error) {
	if getenv("LANGUAGE") != "" {
		return
	}
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(key)
		if v == "" {
			continue
		}
		base, _, hasEncoding := strings.Cut(v, ".")
		if hasEncoding && (base == "C" || base == "POSIX") {
			setenv("LANGUAGE", "en")
		}
		return
	}
}
