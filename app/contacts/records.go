package contacts

import (
	"runtime"
	"strings"
	"sync"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// record is one entry of an imported file.
type record struct {
	line int
	c    Contact // numbers carry Label and Raw until readNumbers
	// vip and blocked are set when the file says (our own exports do).
	vip, blocked *bool
	problems     []Problem
	skip         bool
}

// entry names the record in a report.
func (r *record) entry() string {
	if name := r.c.DisplayName(); name != "" {
		return name
	}
	return "(no name)"
}

func (r *record) problem(reason string) {
	r.problems = append(r.problems, Problem{Line: r.line, Entry: r.entry(), Reason: reason})
}

// readNumbers reads every record's numbers into E.164, spread over the
// CPUs: libphonenumber is the slowest part of a large import. A number
// that cannot be read is left out and reported; a record with no name
// or no number left is skipped.
func (b *Book) readNumbers(recs []record, p *progress) {
	workers := min(runtime.GOMAXPROCS(0), max(len(recs)/256, 1))
	chunk := (len(recs) + workers - 1) / workers
	var wg sync.WaitGroup
	for start := 0; start < len(recs); start += chunk {
		part := recs[start:min(start+chunk, len(recs))]
		wg.Go(func() {
			for i := range part {
				b.readRecord(&part[i])
				if i%64 == 63 {
					p.add(64)
				}
			}
			p.add(len(part) % 64)
		})
	}
	wg.Wait()
}

func (b *Book) readRecord(r *record) {
	c := &r.c
	for _, s := range []*string{&c.FirstName, &c.LastName, &c.Company, &c.City, &c.Country, &c.Note} {
		*s = strings.TrimSpace(*s)
	}
	nums := make([]Number, 0, len(c.Numbers))
	for _, n := range c.Numbers {
		p, err := phone.Parse(n.Raw, b.regionNow())
		if err != nil {
			r.problem("number left out: " + err.Error())
			continue
		}
		n = Number{Label: n.Label, Raw: strings.TrimSpace(n.Raw), E164: p.E164, Switchboard: p.Switchboard}
		if !hasNumber(nums, n) {
			nums = append(nums, n)
		}
	}
	c.Numbers = nums
	switch {
	case c.FirstName == "" && c.LastName == "" && c.Company == "":
		r.skip = true
		r.problem("skipped: no name or company")
	case len(nums) == 0:
		r.skip = true
		r.problem("skipped: no phone number that can be read")
	}
}
