package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

// lookupResult is the JSON of `lookup --json` (documented in the README).
type lookupResult struct {
	Input         string       `json:"input"`
	Number        string       `json:"number"`
	Display       string       `json:"display"`
	Known         bool         `json:"known"`
	Match         string       `json:"match,omitempty"`
	MatchedNumber string       `json:"matched_number,omitempty"`
	Contact       *contactJSON `json:"contact,omitempty"`
	Region        string       `json:"region,omitempty"`
	// matchedDisplay is the matched book number as people write it
	// ("030 123456-0" for a switchboard).
	matchedDisplay string
	Country        string         `json:"country,omitempty"`
	LineType       phone.LineType `json:"line_type,omitempty"`
}

func runLookup(_ context.Context, env *Env, args []string) error {
	fs := newFlags(env, "lookup")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("lookup needs a number, e.g. whoiscalling lookup 02111234567")
	}
	input := strings.Join(pos, " ") // "0211 123 4567" typed without quotes
	bs, err := openBook(env, fs.dataDir)
	if err != nil {
		return err
	}
	defer bs.Close()
	res, err := resolve(bs, input)
	if err != nil {
		return usagef("%q is not a phone number: %v", input, err)
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	printLookup(env, res)
	return nil
}

func resolve(bs *bookSession, input string) (lookupResult, error) {
	region := bs.cfg.DefaultRegion
	n, err := phone.Parse(input, region)
	if err != nil {
		return lookupResult{}, err
	}
	res := lookupResult{Input: input, Number: n.E164, Display: phone.Display(n.E164, region)}
	if m, ok := bs.book.Lookup(n.E164); ok {
		c, err := bs.book.Get(m.Contact.ID) // in full: a Match carries no times
		if err != nil {
			return lookupResult{}, err
		}
		cj := toContactJSON(c, region)
		res.Known, res.Match, res.MatchedNumber, res.Contact = true, string(m.Kind), m.Number, &cj
		res.matchedDisplay = phone.Number{E164: m.Entry.E164, Switchboard: m.Entry.Switchboard}.Display(region)
		return res, nil
	}
	info := phone.Describe(n.E164, region)
	res.Region, res.Country, res.LineType = info.Place, info.Country, info.LineType
	return res, nil
}

func printLookup(env *Env, r lookupResult) {
	w := env.Stdout
	if !r.Known {
		fmt.Fprintf(w, "%s is not in your contacts.\n", r.Display)
		if where := joinNonEmpty(" · ", r.Region, i18n.LineType(r.LineType)); where != "" {
			fmt.Fprintf(w, "  %s\n", where)
		}
		return
	}
	c := r.Contact
	fmt.Fprintf(w, "%s is %s\n", r.Display, i18n.Clean(joinNonEmpty(" — ", c.Name, c.Company)))
	how := "the exact number"
	if r.Match == string(contacts.MatchSwitchboard) {
		how = "an extension of the switchboard"
	}
	fmt.Fprintf(w, "  matched as %s %s\n", how, r.matchedDisplay)
	if where := joinNonEmpty(", ", c.City, c.Country); where != "" {
		fmt.Fprintf(w, "  %s\n", i18n.Clean(where))
	}
	if c.Note != "" {
		fmt.Fprintf(w, "  note: %s\n", i18n.Clean(c.Note))
	}
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
