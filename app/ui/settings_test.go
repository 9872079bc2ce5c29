package ui

import (
	"context"
	"errors"
	"maps"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/config"
)

// fakeSettings is a SettingsStore over config.Load: the environment and
// .env layers it was made with, then what Save stored.
type fakeSettings struct {
	mu     sync.Mutex
	layers []config.Layer
	saved  map[string]string
	cfg    config.Config
	saves  []map[string]string
	err    error // what Save returns (after storing, like a failed restart)
}

func newFakeSettings(t testing.TB, layers ...config.Layer) *fakeSettings {
	f := &fakeSettings{layers: layers, saved: map[string]string{}}
	if err := f.reload(); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fakeSettings) reload() (err error) {
	f.cfg, err = config.Load(append(f.layers, config.MapLayer(config.SourceSettings, f.saved))...)
	return err
}

func (f *fakeSettings) Current() config.Config {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cfg
}

func (f *fakeSettings) Save(values map[string]string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.saves = append(f.saves, maps.Clone(values))
	maps.Copy(f.saved, values)
	if err := f.reload(); err != nil {
		return err
	}
	return f.err
}

func (f *fakeSettings) savesMade() []map[string]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.saves
}

type fakeCaller struct {
	msg string
	err error
}

func (c fakeCaller) SendTestCall(context.Context) (string, error) { return c.msg, c.err }

func openSettings(t *testing.T, store SettingsStore, caller TestCaller) (*SettingsWindow, uiQueue) {
	t.Helper()
	q := newUIQueue()
	w := newSettingsWindow(test.NewTempApp(t), store, caller, q.do, nil)
	w.Show()
	return w, q
}

// field is the window's field for key.
func (w *SettingsWindow) field(key string) *settingField {
	for _, f := range w.fields {
		if f.key == key {
			return f
		}
	}
	return nil
}

func TestSettingsShowTheValuesInEffect(t *testing.T) {
	w, _ := openSettings(t, newFakeSettings(t), nil)
	for key, want := range map[string]string{config.KeyPort: "8080", config.KeyListenHost: "127.0.0.1",
		config.KeyVerifySignature: "true", config.KeyDefaultRegion: "DE", config.KeyNotifyMissed: "true", config.KeyNotifyOutgoing: "false"} {
		if got := w.field(key).value(); got != want {
			t.Errorf("%s shows %q, want %q", key, got, want)
		}
	}
	if got := w.field(config.KeyPort).hint.Text; got != "TCP port of the webhook listener." {
		t.Errorf("port hint = %q", got)
	}
}

func TestSettingsLockedByTheEnvironment(t *testing.T) {
	store := newFakeSettings(t, config.MapLayer(config.SourceEnv, map[string]string{config.KeyPort: "9000"}),
		config.MapLayer(config.SourceDotEnv, map[string]string{config.KeyDefaultRegion: "AT"}))
	w, q := openSettings(t, store, nil)
	for key, want := range map[string]string{
		config.KeyPort:          "Set by WEBHOOK_SERVER_PORT in the environment",
		config.KeyDefaultRegion: "Set by DEFAULT_REGION in .env",
	} {
		f := w.field(key)
		if !f.entry.Disabled() || !strings.HasPrefix(f.hint.Text, want) {
			t.Errorf("%s: disabled %v, hint %q; want it locked: %q", key, f.entry.Disabled(), f.hint.Text, want)
		}
	}
	if w.field(config.KeyListenHost).entry.Disabled() {
		t.Error("a key the environment does not set is locked")
	}
	test.Tap(w.field(config.KeyNotifyOutgoing).check)
	test.Tap(w.save)
	q.until(t, "the save is done", func() bool { return !w.save.Disabled() })
	if saves := store.savesMade(); len(saves) != 1 || len(saves[0]) != 1 || saves[0][config.KeyNotifyOutgoing] != "true" {
		t.Errorf("saved %v, want only NOTIFY_OUTGOING", saves)
	}
}

func TestSettingsBadValueShowsItsReasonAndSavesNothing(t *testing.T) {
	store := newFakeSettings(t)
	w, _ := openSettings(t, store, nil)
	for _, tc := range []struct{ key, typed, reason string }{
		{config.KeyPort, "70000", "Use a port number from 1 to 65535, such as 8080."},
		{config.KeyPublicURL, "example.org/hook", "Use an absolute http:// or https:// URL"},
		{config.KeyDefaultRegion, "Germany", "Use a two-letter country code"},
	} {
		f := w.field(tc.key)
		f.entry.SetText("")
		test.Type(f.entry, tc.typed)
		if !strings.HasPrefix(f.hint.Text, tc.reason) || f.hint.Importance != widget.DangerImportance {
			t.Errorf("%s=%q: hint %q (%v), want %q", tc.key, tc.typed, f.hint.Text, f.hint.Importance, tc.reason)
		}
		test.Tap(w.save)
		if !strings.HasPrefix(w.status.Text, "Nothing was saved") {
			t.Errorf("%s=%q: status %q", tc.key, tc.typed, w.status.Text)
		}
		f.entry.SetText(f.original)
	}
	if saves := store.savesMade(); len(saves) != 0 {
		t.Errorf("bad values were saved: %v", saves)
	}
}

func TestSettingsSaveSendsTheChangedKeys(t *testing.T) {
	store := newFakeSettings(t)
	w, q := openSettings(t, store, nil)
	port := w.field(config.KeyPort).entry
	port.SetText("")
	test.Type(port, "8081")
	test.Tap(w.field(config.KeyNotifyOutgoing).check)
	test.Type(w.field(config.KeyNotifyUsers).entry, "Anna Mayer, Marcus Satt")
	test.Tap(w.save)
	if !w.save.Disabled() {
		t.Error("Save stays enabled while saving")
	}
	q.until(t, "the save is done", func() bool { return !w.save.Disabled() })
	want := map[string]string{config.KeyPort: "8081", config.KeyNotifyOutgoing: "true", config.KeyNotifyUsers: "Anna Mayer, Marcus Satt"}
	if saves := store.savesMade(); len(saves) != 1 || !maps.Equal(saves[0], want) {
		t.Errorf("saved %v, want %v", saves, want)
	}
	if w.status.Text != "Saved and applied: listening on 127.0.0.1:8081." || w.status.Importance != widget.SuccessImportance {
		t.Errorf("status = %q", w.status.Text)
	}
	test.Tap(w.save)
	if w.status.Text != "Nothing has changed." || len(store.savesMade()) != 1 {
		t.Errorf("a second Save without changes: status %q, %d saves", w.status.Text, len(store.savesMade()))
	}
}

func TestSettingsShowAListenerFailure(t *testing.T) {
	store := newFakeSettings(t)
	store.err = errors.New("port 8081 is already in use by another program: choose another port")
	w, q := openSettings(t, store, nil)
	port := w.field(config.KeyPort).entry
	port.SetText("8081")
	test.Tap(w.save)
	q.until(t, "the save is done", func() bool { return !w.save.Disabled() })
	if w.status.Text != "Port 8081 is already in use by another program: choose another port" || w.status.Importance != widget.DangerImportance {
		t.Errorf("status = %q (%v)", w.status.Text, w.status.Importance)
	}
	store.err = nil
	port.SetText("8080") // back to the old port, which is no longer the one saved
	test.Tap(w.save)
	q.until(t, "the second save is done", func() bool { return !w.save.Disabled() })
	if saves := store.savesMade(); len(saves) != 2 || saves[1][config.KeyPort] != "8080" {
		t.Errorf("saves = %v, want the port back to 8080", saves)
	}
}

func TestSettingsTestCall(t *testing.T) {
	for _, tc := range []struct {
		caller fakeCaller
		want   string
		imp    widget.Importance
	}{
		{fakeCaller{msg: "Test call delivered to http://127.0.0.1:8080/ in 3 ms."}, "Test call delivered to http://127.0.0.1:8080/ in 3 ms.", widget.SuccessImportance},
		{fakeCaller{err: errors.New("nothing listens on 127.0.0.1:8080: start the listener first")}, "Nothing listens on 127.0.0.1:8080: start the listener first", widget.DangerImportance},
	} {
		w, q := openSettings(t, newFakeSettings(t), tc.caller)
		test.Tap(w.testCall)
		q.until(t, "the test call is done", func() bool { return !w.testCall.Disabled() })
		if w.testResult.Text != tc.want || w.testResult.Importance != tc.imp {
			t.Errorf("result = %q (%v), want %q (%v)", w.testResult.Text, w.testResult.Importance, tc.want, tc.imp)
		}
	}
}
