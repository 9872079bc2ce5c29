package i18n

import (
	"github.com/whoiscalling/whoiscalling/app/config"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// Both files have the same keys, every text is translated, plural texts
// have the forms one and other in both, and a translation keeps every
// placeholder of its English text.
func TestCatalogsMatch(t *testing.T) {
	en, de := catalogs["en"], catalogs["de"]
	if !slices.Equal(slices.Sorted(maps.Keys(en.texts)), slices.Sorted(maps.Keys(de.texts))) {
		for k := range en.texts {
			if _, ok := de.texts[k]; !ok {
				t.Errorf("de.json lacks %q", k)
			}
		}
		for k := range de.texts {
			if _, ok := en.texts[k]; !ok {
				t.Errorf("en.json lacks %q", k)
			}
		}
	}
	for k, v := range de.texts {
		if strings.TrimSpace(v) == "" || strings.TrimSpace(en.texts[k]) == "" {
			t.Errorf("%q has an empty translation", k)
		}
		if got, want := placeholders(v), placeholders(en.texts[k]); !slices.Equal(got, want) {
			t.Errorf("%q: German has placeholders %v, English %v", k, got, want)
		}
	}
	for _, code := range Languages {
		for k, forms := range catalogs[code].plurals {
			if forms["one"] == "" || forms["other"] == "" {
				t.Errorf("%s.json: %q lacks the forms one and other", code, k)
			}
		}
	}
	if !slices.Equal(slices.Sorted(maps.Keys(en.plurals)), slices.Sorted(maps.Keys(de.plurals))) {
		t.Errorf("plural texts differ: en %v, de %v", slices.Sorted(maps.Keys(en.plurals)), slices.Sorted(maps.Keys(de.plurals)))
	}
}

var placeholderRE = regexp.MustCompile(`{{\.[A-Za-z]+}}`)

func placeholders(s string) []string {
	return slices.Sorted(slices.Values(placeholderRE.FindAllString(s, -1)))
}

// Fyne's lang package reads the files too: they must stay in its format
// (no reserved keys such as "Other").
func TestFyneReadsTheCatalogs(t *testing.T) {
	if err := lang.AddTranslationsFS(files, "translations"); err != nil {
		t.Fatalf("lang.AddTranslationsFS = %v", err)
	}
}

// sourceTexts are the English texts passed as literals to T and N in the
// packages that show text: the windows, the popups and this package.
func sourceTexts(t *testing.T) (texts, plurals map[string]string) {
	texts, plurals = map[string]string{}, map[string]string{}
	for _, dir := range []string{".", "../ui", "../notify", "../cli", "../service"} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if fn, s, ok := textCall(n, dir == "."); ok {
					if fn == "N" {
						plurals[s] = name
					} else {
						texts[s] = name
					}
				}
				return true
			})
		}
	}
	return texts, plurals
}

// textCall recognises T("…") and N("…", …) (i18n.T outside this package).
func textCall(n ast.Node, local bool) (fn, text string, ok bool) {
	call, isCall := n.(*ast.CallExpr)
	if !isCall || len(call.Args) == 0 {
		return "", "", false
	}
	switch f := call.Fun.(type) {
	case *ast.Ident:
		if local {
			fn = f.Name
		}
	case *ast.SelectorExpr:
		if x, isIdent := f.X.(*ast.Ident); isIdent && x.Name == "i18n" {
			fn = f.Sel.Name
		}
	}
	lit, isLit := call.Args[0].(*ast.BasicLit)
	if (fn != "T" && fn != "N") || !isLit || lit.Kind != token.STRING {
		return "", "", false
	}
	text, err := strconv.Unquote(lit.Value)
	return fn, text, err == nil
}

// Every text the code asks for has a German translation.
func TestEveryTextIsTranslated(t *testing.T) {
	texts, plurals := sourceTexts(t)
	if len(texts) < 100 {
		t.Fatalf("found only %d texts in the sources: the scan is broken", len(texts))
	}
	for _, words := range []map[string]string{lineWordsText(), statusWordsText(), causeWordsText(), reasonWordsText(), phoneReasonsText()} {
		for w := range words {
			texts[w] = "a word table"
		}
	}
	for _, w := range append(weekdays[:], months[:]...) {
		texts[w] = "dates.go"
	}
	for s, where := range texts {
		if _, ok := catalogs["de"].texts[s]; !ok {
			if _, plural := catalogs["de"].plurals[s]; !plural {
				t.Errorf("%s: %q has no German translation", where, s)
			}
		}
	}
	for s, where := range plurals {
		if _, ok := catalogs["de"].plurals[s]; !ok {
			t.Errorf("%s: plural text %q has no German forms one and other", where, s)
		}
	}
}

func lineWordsText() map[string]string {
	out := map[string]string{}
	for _, w := range lineWords {
		out[w] = ""
	}
	return out
}

func statusWordsText() map[string]string {
	out := map[string]string{}
	for _, w := range statusWords {
		out[w] = ""
	}
	return out
}

func causeWordsText() map[string]string {
	out := map[string]string{}
	for _, w := range causeWords {
		out[w] = ""
	}
	return out
}

func reasonWordsText() map[string]string {
	out := map[string]string{}
	for _, w := range reasonWords {
		out[w] = ""
	}
	return out
}

func phoneReasonsText() map[string]string {
	out := map[string]string{}
	for _, w := range phoneReasons {
		out[w] = ""
	}
	return out
}

// The Settings window shows each key's meaning under its field: every
// one has German.
func TestEveryKeyMeaningIsTranslated(t *testing.T) {
	for _, k := range config.Keys {
		if _, ok := catalogs["de"].texts[k.Meaning]; !ok {
			t.Errorf("%s: meaning %q has no German translation", k.Name, k.Meaning)
		}
	}
}
