package carddav

import (
	"log/slog"
	"os"
	"path/filepath"
	"testing"
)

func TestStateSaveAndLoad(t *testing.T) {
	dir := t.TempDir()
	path := StatePath(dir)
	log := slog.New(slog.DiscardHandler)
	st := loadState(path, "https://dav.example.com/ anna", log)
	st.Books["https://dav.example.com/anna/contacts/"] = &bookState{Token: "t1",
		Cards: map[string]cachedCard{"/anna/contacts/a.vcf": {ETag: "e1", VCard: "BEGIN:VCARD\r\nEND:VCARD\r\n"}}}
	if err := st.save(path); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("state file: %v, mode %v; want 0600", err, fi.Mode())
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".carddav-state-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	back := loadState(path, "https://dav.example.com/ anna", log)
	if bs := back.Books["https://dav.example.com/anna/contacts/"]; bs == nil || bs.Token != "t1" || bs.Cards["/anna/contacts/a.vcf"].ETag != "e1" {
		t.Errorf("loaded state = %+v, want what was saved", back.Books)
	}
	if other := loadState(path, "https://dav.example.com/ bo", log); len(other.Books) != 0 {
		t.Errorf("another account's state = %+v, want empty", other.Books)
	}
	os.WriteFile(path, []byte("{not json"), 0o600)
	if broken := loadState(path, "https://dav.example.com/ anna", log); len(broken.Books) != 0 || broken.Books == nil {
		t.Errorf("a broken state file gives %+v, want an empty state", broken.Books)
	}
}

func TestStale(t *testing.T) {
	bs := &bookState{Cards: map[string]cachedCard{"/a": {ETag: "1"}, "/b": {ETag: "1"}, "/c": {ETag: ""}}}
	got := bs.stale(map[string]string{"/a": "1", "/b": "2", "/c": "", "/d": "1"})
	if len(got) != 3 || got["/b"] != "2" || got["/d"] != "1" {
		t.Errorf("stale = %v, want /b (changed), /c (no ETag) and /d (new)", got)
	}
	if _, ok := got["/c"]; !ok {
		t.Errorf("stale = %v, want /c (no ETag) too", got)
	}
}
