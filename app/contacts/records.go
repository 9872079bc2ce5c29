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
	// fullName is the name as the file has it when it has one name field
	// only (a FRITZ!Box): a contact already called so keeps its split.
	fullName string
	problems []Problem
	skip     bool
}

// entry names the record in a report.
func (r *record) entry() string {
	if name := r.c.DisplayName(); name != "" {
		return name
	}
	return "(no name)"
}

func (r *record) problem(reason Reason) {
	r.problems = append(r.problems, Problem{Line: r.line, Entry: r.entry(), Reason: reason})
}

// readNumbers reads every record's numbers into E.164, spread over the
// CPUs: libphonenumber is the slowest part of a large import.
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
					p.readDone(64)
				}
			}
			p.readDone(len(part) % 64)
		})
	}
	wg.Wait()
}

// readRecord reads a record's numbers. A number that cannot be read is
// left out and reported, one libphonenumber doubts is kept and
// reported; a record with no name is skipped, one with no number left
// is imported all the same and reported.
func (b *Book) readRecord(r *record) {
	c := &r.c
	tidy(c)
	nums := make([]Number, 0, len(c.Numbers))
	for _, n := range c.Numbers {
		raw := strings.TrimSpace(n.Raw)
		p, err := phone.ParseLenient(raw, b.regionNow())
		if err != nil {
			pe, _ := err.(*phone.Error)
			r.problem(Reason{Code: CodeNumberLeftOut, Number: raw, Phone: pe})
			continue
		}
		if p.Unverified != "" {
			r.problem(Reason{Code: CodeNumberUnverified, Number: raw, Phone: p.Doubt()})
		}
		n = Number{Label: n.Label, Raw: raw, E164: p.E164, Switchboard: p.Switchboard, Unverified: p.Unverified}
		if !hasNumber(nums, n) {
			nums = append(nums, n)
		}
	}
	c.Numbers = nums
	switch {
	case c.FirstName == "" && c.LastName == "" && c.Company == "":
		r.skip = true
		r.problem(Reason{Code: CodeNoName})
	case len(nums) == 0:
		r.problem(Reason{Code: CodeNoNumber})
	}
}
