package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

func runContacts(ctx context.Context, env *Env, args []string) error {
	sub, rest := "list", args
	if i := subcommand(args, contactsCommands...); i >= 0 {
		sub, rest = args[i], append(args[:i:i], args[i+1:]...)
	} else if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub = args[0]
	}
	switch sub {
	case "list":
		return contactsList(ctx, env, rest)
	case "add":
		return contactsAdd(ctx, env, rest)
	case "remove", "rm", "delete":
		return contactsRemove(ctx, env, rest)
	case "import":
		return contactsImport(ctx, env, rest)
	case "export":
		return contactsExport(ctx, env, rest)
	case "sync":
		return contactsSync(ctx, env, rest)
	}
	return usagef("unknown contacts command %q: use list, add, remove, import, export or sync", sub)
}

var contactsCommands = []string{"list", "add", "remove", "rm", "delete", "import", "export", "sync"}

// contactsSync syncs the book with a remote one: sipgate's contacts or a
// CardDAV address book.
func contactsSync(ctx context.Context, env *Env, args []string) error {
	switch i := subcommand(args, "sipgate", "carddav"); {
	case i < 0:
		return usagef("contacts sync: name the book to sync: sipgate or carddav")
	case args[i] == "sipgate":
		return contactsSyncSipgate(ctx, env, append(args[:i:i], args[i+1:]...))
	default:
		return contactsSyncCardDAV(ctx, env, append(args[:i:i], args[i+1:]...))
	}
}

func contactsList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "contacts list")
	asJSON := fs.Bool("json", false, "print the contacts as JSON")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	bs, err := openBook(env, fs.dataDir)
	if err != nil {
		return err
	}
	defer bs.Close()
	list, err := bs.book.List(ctx, strings.Join(pos, " "))
	if err != nil {
		return err
	}
	out := make([]contactJSON, len(list))
	for i, c := range list {
		out[i] = toContactJSON(c, bs.cfg.DefaultRegion)
	}
	if *asJSON {
		return writeJSON(env.Stdout, out)
	}
	if len(out) == 0 && len(pos) > 0 {
		fmt.Fprintf(env.Stdout, "No contacts match %q.\n", i18n.Clean(strings.Join(pos, " ")))
		return nil
	}
	if len(out) == 0 {
		fmt.Fprintln(env.Stdout, "No contacts yet. Add one with \"whoiscalling contacts add\" or import a .vcf or .csv file.")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tCOMPANY\tNUMBERS\tCITY\tFLAGS")
	for _, c := range out {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", c.ID, i18n.Clean(c.Name), i18n.Clean(c.Company), numbersText(c.Numbers),
			i18n.Clean(c.City), flagsText(c))
	}
	return tw.Flush()
}

func numbersText(ns []numberJSON) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = i18n.Clean(n.Display + " (" + n.Label + ")")
	}
	return strings.Join(parts, ", ")
}

func flagsText(c contactJSON) string {
	var f []string
	if c.VIP {
		f = append(f, "VIP")
	}
	if c.Blocked {
		f = append(f, "blocked")
	}
	return strings.Join(f, " ")
}

func contactsAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "contacts add")
	var numbers multi
	name := fs.String("name", "", "the contact's name (\"First Last\")")
	fs.Var(&numbers, "number", "a phone number in any format; repeat for more; prefix a label like mobile:0171… (work, mobile, home, other)")
	company := fs.String("company", "", "company")
	city := fs.String("city", "", "city")
	country := fs.String("country", "", "country")
	note := fs.String("note", "", "a note shown in the notification")
	vip := fs.Bool("vip", false, "VIP: pops up even in do-not-disturb")
	blocked := fs.Bool("blocked", false, "blocked: calls are rejected with a busy tone")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("contacts add takes flags only; put %q after --name or --number", pos[0])
	}
	bs, err := openBook(env, fs.dataDir)
	if err != nil {
		return err
	}
	defer bs.Close()
	first, last := splitName(*name)
	c := contacts.Contact{FirstName: first, LastName: last, Company: *company, City: *city, Country: *country, Note: *note, VIP: *vip, Blocked: *blocked}
	for _, n := range numbers {
		c.Numbers = append(c.Numbers, labelled(n, bs.cfg.DefaultRegion))
	}
	saved, err := bs.book.Add(ctx, c)
	if err != nil {
		return usagef("%v", err)
	}
	fmt.Fprintf(env.Stdout, "Added contact %d: %s\n", saved.ID, saved.DisplayName())
	return nil
}

// splitName splits "Anna Maria Mayer" into "Anna Maria" and "Mayer".
func splitName(s string) (first, last string) {
	f := strings.Fields(s)
	if len(f) < 2 {
		return strings.Join(f, " "), ""
	}
	return strings.Join(f[:len(f)-1], " "), f[len(f)-1]
}

// labelled reads "mobile:0171 …"; without a label, a mobile number is
// labelled mobile and any other work.
func labelled(s, region string) contacts.Number {
	for _, l := range []contacts.Label{contacts.LabelWork, contacts.LabelMobile, contacts.LabelHome, contacts.LabelOther} {
		if rest, ok := strings.CutPrefix(s, string(l)+":"); ok {
			return contacts.Number{Label: l, Raw: strings.TrimSpace(rest)}
		}
	}
	label := contacts.LabelWork
	if n, err := phone.Parse(s, region); err == nil && phone.Describe(n.E164, region).LineType.Mobile() {
		label = contacts.LabelMobile
	}
	return contacts.Number{Label: label, Raw: s}
}

func contactsRemove(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "contacts remove")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("contacts remove needs one contact ID (see \"whoiscalling contacts list\")")
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return usagef("%q is not a contact ID: use the number in the ID column of \"whoiscalling contacts list\"", pos[0])
	}
	bs, err := openBook(env, fs.dataDir)
	if err != nil {
		return err
	}
	defer bs.Close()
	c, err := bs.book.Get(id)
	if err != nil {
		return fmt.Errorf("no contact with ID %d: see \"whoiscalling contacts list\"", id)
	}
	if err := bs.book.Remove(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Removed contact %d: %s\n", id, c.DisplayName())
	return nil
}

func contactsImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "contacts import")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("contacts import needs one file: a .vcf (vCard 2.1, 3.0 or 4.0), a .csv with a header row (Google, Outlook or your own), or a FRITZ!Box phone book (.xml)")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", pos[0], err)
	}
	defer f.Close()
	bs, err := openBook(env, fs.dataDir)
	if err != nil {
		return err
	}
	defer bs.Close()
	rep, err := bs.book.Import(ctx, f, filepath.Base(pos[0]), importProgress(env))
	if err != nil {
		return fmt.Errorf("import of %s failed, nothing was changed: %w", pos[0], err)
	}
	fmt.Fprintf(env.Stdout, "Read %s (%s). Imported %d, updated %d, skipped %d.\n", rep.Format.Name(), rep.Encoding,
		rep.Imported, rep.Updated, rep.Skipped)
	printProblems(env.Stdout, rep, "line")
	return nil
}

// printProblems lists the entries an import or sync skipped or noted;
// where says what the entry's number counts ("line", "card").
func printProblems(w io.Writer, rep contacts.Report, where string) {
	for _, p := range rep.Problems {
		what := "note on"
		if p.Reason.Skips() {
			what = "skipped"
		}
		fmt.Fprintf(w, "  %s %s %d (%s): %s\n", what, where, p.Line, i18n.Clean(p.Entry), p.Reason)
	}
}

// importProgress prints "importing… 40%" on stderr for large imports, at
// most every half second.
func importProgress(env *Env) func(done, total int) {
	var last time.Time
	return func(done, total int) {
		if total < 1000 || time.Since(last) < 500*time.Millisecond && done < total {
			return
		}
		last = time.Now()
		fmt.Fprintf(env.Stderr, "importing… %d of %d (%d%%)\n", done, total, done*100/total)
	}
}

func contactsExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "contacts export")
	format := fs.String("format", "vcf", "vcf, csv or fritzbox (a FRITZ!Box phone book)")
	if _, err := fs.parse(args); err != nil {
		return err
	}
	if *format != "vcf" && *format != "csv" && *format != "fritzbox" {
		return usagef("--format %q: use vcf or csv, or fritzbox for a FRITZ!Box phone book", *format)
	}
	bs, err := openBook(env, fs.dataDir)
	if err != nil {
		return err
	}
	defer bs.Close()
	return bs.book.Export(ctx, env.Stdout, *format)
}
