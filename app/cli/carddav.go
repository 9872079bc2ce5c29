package cli

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"

	"golang.org/x/term"

	"github.com/whoiscalling/whoiscalling/app/config"

	"github.com/whoiscalling/whoiscalling/app/contacts/carddav"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// contactsSyncCardDAV is `whoiscalling contacts sync carddav`.
func contactsSyncCardDAV(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "contacts sync carddav")
	if err := fs.parseNone(args); err != nil {
		return err
	}
	cfg, err := loadConfig(env, fs.dataDir)
	if err != nil {
		return err
	}
	if !cfg.CardDAV.Enabled() {
		return usagef("no CardDAV address book is set up: set CARDDAV_URL, CARDDAV_USERNAME and CARDDAV_PASSWORD in the environment or .env (Nextcloud: https://HOST/remote.php/dav, Radicale: http://HOST:5232/USER/, iCloud: https://contacts.icloud.com with an app password)")
	}
	bs, err := openBookWith(env, cfg)
	if err != nil {
		return err
	}
	defer bs.Close()
	asked, err := askCardDAVPassword(env, cfg)
	if err != nil {
		return err
	}
	res, err := service.CardDAVSync(ctx, cfg, bs.book, quietLogger(env, cfg))
	var de *carddav.Error
	if asked && errors.As(err, &de) && de.Kind == carddav.KindLogin {
		// A password the server refused is not kept.
		service.DeleteSecret(cfg.DataDir, config.KeyCardDAVPassword)
	}
	if err != nil {
		return err
	}
	printCardDAVResult(env, cfg.CardDAV.URL, res)
	return nil
}

func printCardDAVResult(env *Env, rawURL string, res carddav.Result) {
	host := rawURL
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		host = u.Host
	}
	fmt.Fprintf(env.Stdout, "Synced %d address book(s) from %s (%d cards, %d downloaded). Added %d, updated %d, removed %d, unchanged %d, skipped %d.\n",
		len(res.AddressBooks), host, res.Cards, res.Fetched, res.Imported, res.Updated, res.Removed, res.Unchanged, res.Skipped)
	if res.Imported+res.Updated+res.Removed == 0 {
		fmt.Fprintln(env.Stdout, "Nothing changed.")
	}
	if res.Unreadable > 0 {
		fmt.Fprintf(env.Stdout, "  %d card(s) could not be read as vCards and were left out.\n", res.Unreadable)
	}
	printProblems(env.Stdout, res.Report, "card")
}

// askCardDAVPassword asks for the password on a terminal when none is
// set or stored, and stores it (keyring, else the 0600 secrets file).
func askCardDAVPassword(env *Env, cfg config.Config) (bool, error) {
	if pw, err := service.Secret(cfg, config.KeyCardDAVPassword); pw != "" || err != nil {
		return false, err
	}
	f, ok := env.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, nil
	}
	fmt.Fprintf(env.Stderr, "Password for %s at %s: ", cfg.CardDAV.Username, cfg.CardDAV.URL)
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(env.Stderr)
	if err != nil || len(b) == 0 {
		return false, err
	}
	place, err := service.StoreSecret(cfg.DataDir, config.KeyCardDAVPassword, string(b))
	if err == nil {
		fmt.Fprintf(env.Stderr, "The password is kept in the %s.\n", map[service.SecretPlace]string{service.InKeyring: "OS keyring", service.InFile: "data dir's " + service.SecretsFile + " (mode 0600; no keyring answered)"}[place])
	}
	return true, err
}
