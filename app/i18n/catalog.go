package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2/lang"
)

//go:embed translations/*.json
var files embed.FS

// languageKey is a catalog entry that names the catalog's language: what
// Fyne's localizer returns for it says which language it chose.
const languageKey = "whoiscalling:language"

// catalog is one language's translations: plain texts, and texts with
// plural forms ("one", "other").
type catalog struct {
	texts   map[string]string
	plurals map[string]map[string]string
}

// catalogs are the embedded translations by language code.
var catalogs = mustLoad()

func mustLoad() map[string]*catalog {
	out := map[string]*catalog{}
	for _, code := range Languages {
		c, err := parseCatalog(code)
		if err != nil {
			panic(err) // the files are embedded: a test catches this
		}
		out[code] = c
	}
	if err := lang.AddTranslationsFS(files, "translations"); err != nil {
		panic(fmt.Errorf("register the translations with Fyne: %w", err))
	}
	return out
}

func parseCatalog(code string) (*catalog, error) {
	data, err := files.ReadFile("translations/" + code + ".json")
	if err != nil {
		return nil, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("translations/%s.json: %w", code, err)
	}
	c := &catalog{texts: map[string]string{}, plurals: map[string]map[string]string{}}
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			c.texts[k] = s
			continue
		}
		var forms map[string]string
		if err := json.Unmarshal(v, &forms); err != nil || forms["other"] == "" {
			return nil, fmt.Errorf("translations/%s.json: %q is neither a text nor plural forms with \"other\"", code, k)
		}
		c.plurals[k] = forms
	}
	return c, nil
}

// text is the translation of s, or s.
func (c *catalog) text(s string) string {
	if c == nil {
		return s
	}
	if t, ok := c.texts[s]; ok {
		return t
	}
	return s
}

// plural is the form of s for count; languages here have one and other.
func (c *catalog) plural(s string, count int) string {
	forms := c.plurals[s]
	if forms == nil {
		return c.text(s)
	}
	if count == 1 && forms["one"] != "" {
		return forms["one"]
	}
	return forms["other"]
}

// system is the language Fyne chose from the system's locales at start,
// among those whoiscalling speaks; English when none of them fits. It is
// read once, before SetLanguage may change LANGUAGE.
var system = func() string {
	if l := lang.L(languageKey); catalogs[l] != nil {
		return l
	}
	return "en"
}()

func systemLanguage() string { return system }

// SetLanguage picks the language of the texts: "de", "en", or "auto"
// (or "") for the system's. It is safe to call at any time; texts made
// afterwards use it. On Linux it also tells Fyne, through LANGUAGE, so
// the toolkit's own dialogs (the file chooser) speak the same language.
func SetLanguage(code string) error {
	code = strings.ToLower(strings.TrimSpace(code))
	switch {
	case code == "" || code == "auto":
		chosen.Store("")
		return nil
	case catalogs[code] == nil:
		return fmt.Errorf("unknown language %q: use auto, de or en", code)
	}
	chosen.Store(code)
	if runtime.GOOS == "linux" && os.Getenv("LANGUAGE") != code {
		os.Setenv("LANGUAGE", code)
		// Registering again makes Fyne read the locale anew.
		return lang.AddTranslationsFS(files, "translations")
	}
	return nil
}

// Catalog is a copy of the plain texts of language code, keyed by the
// English text: tests use it to find text left in another language.
func Catalog(code string) map[string]string {
	c := catalogs[code]
	if c == nil {
		return nil
	}
	out := make(map[string]string, len(c.texts))
	for k, v := range c.texts {
		out[k] = v
	}
	return out
}
