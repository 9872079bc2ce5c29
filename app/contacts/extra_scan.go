package contacts

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
)

// scanExtra reads the table in ID ranges, one per CPU, at once: for
// many contacts, reading the rows is most of List's time.
func (b *Book) scanExtra(ctx context.Context, byID []*Contact) (missing int, err error) {
	parts := min(runtime.GOMAXPROCS(0), 4, len(byID))
	found := make([]int, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		part := byID[p*len(byID)/parts : (p+1)*len(byID)/parts]
		wg.Go(func() {
			ex := extraReader{rest: part}
			errs[p] = ex.read(b.st.R.QueryContext(ctx, `SELECT `+extraColumns+` FROM contacts
				WHERE id BETWEEN ? AND ? ORDER BY id`, part[0].ID, part[len(part)-1].ID))
			found[p] = ex.found
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return 0, fmt.Errorf("read the contacts: %w", err)
	}
	missing = len(byID)
	for _, f := range found {
		missing -= f
	}
	return missing, nil
}
