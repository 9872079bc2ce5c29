package store

import (
	"sync"
	"testing"
)

// Two processes opening a new data dir at once (serve and a command)
// migrate it together: each step is applied once, and neither fails.
func TestConcurrentMigrationsApplyEachStepOnce(t *testing.T) {
	dir := t.TempDir()
	steps := []string{`CREATE TABLE t (a INTEGER)`, `ALTER TABLE t ADD COLUMN b TEXT`, `ALTER TABLE t ADD COLUMN c TEXT`}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			st, err := Open(dir)
			if err != nil {
				errs[i] = err
				return
			}
			defer st.Close()
			errs[i] = st.Migrate("race", steps)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("opener %d: %v", i, err)
		}
	}
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, err := st.Version("race"); v != 3 || err != nil {
		t.Errorf("version = %d, %v; want 3", v, err)
	}
}
