package ui

import (
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/whoiscalling/whoiscalling/app/config"
)

// shotDir is where the screenshot tests write: WHOISCALLING_UI_SHOTS to
// keep the PNG files for review, else a temp dir.
func shotDir(t *testing.T) string {
	if dir := os.Getenv("WHOISCALLING_UI_SHOTS"); dir != "" {
		return dir
	}
	return t.TempDir()
}

// shoot writes what win shows to dir/name.png. The test canvas does not
// lay out again when a minimum size changes, as the app's canvas does
// every frame, so the content is refreshed first.
func shoot(t *testing.T, win fyne.Window, dir, name string) {
	t.Helper()
	// Twice: a wrapping grid knows its height after its first layout.
	win.Content().Refresh()
	win.Content().Refresh()
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img := win.Canvas().Capture()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 200 || b.Dy() < 150 {
		t.Errorf("%s: the window rendered %dx%d pixels, want a usable size", name, b.Dx(), b.Dy())
	}
	if n := colours(img, 64); n < 8 {
		t.Errorf("%s: the window rendered only %d colours: it drew no text or widgets", name, n)
	}
}

// colours counts the distinct colours of img, up to limit.
func colours(img image.Image, limit int) int {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			seen[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// shotApp is a test app with the real theme in the given variant.
func shotApp(t *testing.T, variant fyne.ThemeVariant) fyne.App {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme())
	test.ApplyTheme(t, variantTheme{theme.DefaultTheme(), variant})
	return a
}

// variantTheme forces the light or dark variant of a theme.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (v variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return v.Theme.Color(n, v.variant)
}

func TestScreenshotCalls(t *testing.T) {
	dir := shotDir(t)
	for name, variant := range map[string]fyne.ThemeVariant{"": theme.VariantLight, "-dark": theme.VariantDark} {
		a := shotApp(t, variant)
		b := newBackend(t)
		seed(t, b)
		q := newUIQueue()
		w := newCallsWindow(a, b.tracker, b.book, "DE", q.do, b.clock.Now)
		w.Show()
		w.list.Select(4)
		shoot(t, w.win, dir, "ui-calls"+name)
		w.Close()
	}
}

func TestScreenshotContacts(t *testing.T) {
	dir := shotDir(t)
	a := shotApp(t, theme.VariantLight)
	b := newBackend(t)
	seed(t, b)
	w := newContactsWindow(a, b.book, "DE", newUIQueue().do)
	w.Show()
	w.list.Select(0)
	shoot(t, w.win, dir, "ui-contacts")
	test.Tap(w.detail.remove)
	shoot(t, w.win, dir, "ui-contacts-delete")
	w.detail.confirm.Dismiss()
	q := newUIQueue()
	w.do = q.do
	w.importFrom(io.NopCloser(strings.NewReader(friendsVCF)), "friends.vcf")
	shoot(t, w.win, dir, "ui-contacts-importing")
	q.until(t, "the import is done", func() bool { return !w.transfer.running })
	shoot(t, w.win, dir, "ui-contacts-import")
}

func TestScreenshotContactForm(t *testing.T) {
	dir := shotDir(t)
	a := shotApp(t, theme.VariantLight)
	b := newBackend(t)
	seed(t, b)
	m, _ := b.book.Lookup("+492111234567")
	f := newContactForm(a, b.book, "DE", *m.Contact)
	f.Show()
	test.Tap(f.addNumber)
	test.Type(f.numbers[2].entry, "0171 1")
	test.Tap(f.save)
	shoot(t, f.win, dir, "ui-contactform")
}

func TestScreenshotSettings(t *testing.T) {
	dir := shotDir(t)
	a := shotApp(t, theme.VariantLight)
	store := newFakeSettings(t, config.MapLayer(config.SourceEnv, map[string]string{config.KeyListenHost: "0.0.0.0"}))
	store.err = errors.New("port 80 needs administrator rights: choose a port above 1023, such as 8080")
	q := newUIQueue()
	w := newSettingsWindow(a, store, fakeCaller{msg: "Test call delivered: newCall, answer and hangup answered 200 OK in 4 ms."}, q.do, nil)
	w.Show()
	test.Type(w.field(config.KeyPublicURL).entry, "https://wic.example.org/sipgate")
	test.Tap(w.testCall)
	q.until(t, "the test call is done", func() bool { return !w.testCall.Disabled() })
	port := w.field(config.KeyPort).entry
	port.SetText("80")
	test.Tap(w.save)
	q.until(t, "the save is done", func() bool { return !w.save.Disabled() })
	port.SetText("99999")
	shoot(t, w.win, dir, "ui-settings")
	w.tabs.SelectIndex(1)
	shoot(t, w.win, dir, "ui-settings-notifications")
}
