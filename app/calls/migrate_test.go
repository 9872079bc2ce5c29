package calls_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestMigrateFromV1: a database written by the first schema opens with
// every call intact (version 1, from the webhook), and a call it left
// ringing still takes its hangup.
func TestMigrateFromV1(t *testing.T) {
	st := openStore(t, t.TempDir())
	if err := st.Migrate("calls", []string{readTestdata(t, "calls_v1.sql")}); err != nil {
		t.Fatalf("create the version 1 tables: %v", err)
	}
	if _, err := st.W.Exec(readTestdata(t, "calls_v1_rows.sql")); err != nil {
		t.Fatalf("insert version 1 rows: %v", err)
	}
	clk := newClock()
	clk.Advance(2 * time.Minute)
	tr := openTracker(t, st, clk, calls.Options{})
	if v, err := st.Version("calls"); err != nil || v != 4 {
		t.Errorf("calls schema version after Open = %d, %v, want 4", v, err)
	}
	old := get(t, tr, 1)
	if old.Contact != "Erika Mustermann" || old.Status != calls.StatusAnswered || old.DurationSeconds != 83 ||
		old.Version != 1 || old.Source != calls.FromWebhook || old.Key() != "v1-answered" || len(old.Legs) != 1 {
		t.Errorf("Get(1) after the migration = %s, want Erika's answered call of 83s, version 1, from the webhook", jsonOf(old))
	}
	respond(t, tr, stranger.hangup("v1-ringing", "v1-ringing", "cancel"))
	ended := get(t, tr, 2)
	if ended.Status != calls.StatusMissed || ended.Version != 2 || len(ended.Legs) != 1 {
		t.Errorf("Get(2) after its hangup = %s %d, %d legs, want missed, version 2, 1 leg", ended.Status, ended.Version, len(ended.Legs))
	}
	if all, err := tr.Recent(context.Background(), calls.Query{}); err != nil || len(all) != 2 {
		t.Errorf("Recent() = %v, %v, want the 2 migrated calls", ids(all), err)
	}
}
