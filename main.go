// Command whoiscalling tells the person at the desk who is calling on their
// sipgate phone: it answers sipgate.io's webhooks, looks the caller up in a
// local contact book and shows a desktop notification and a call list.
//
// main.go is the composition root: it alone touches the process (args,
// environment, .env, signals, exit code) and creates the Fyne app; the
// tray app and every command run on app/service.
package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"github.com/joho/godotenv"

	// clocale must initialise before Fyne's lang package: see its doc.
	_ "github.com/whoiscalling/whoiscalling/app/i18n/clocale"

	"github.com/whoiscalling/whoiscalling/app/cli"
	"github.com/whoiscalling/whoiscalling/app/instance"
	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/app/ui"
)

// appID must equal the ID in FyneApp.toml (a test checks it).
const appID = "io.github.whoiscalling"

//go:embed FyneApp.toml
var fyneAppTOML string

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr *os.File) int {
	env := cli.Env{
		Stdout: stdout, Stderr: stderr,
		LookupEnv: os.LookupEnv, DotEnv: readDotEnv, UserConfigDir: os.UserConfigDir, Executable: os.Executable,
		Version: version(),
	}
	if dataDir, ok := guiArgs(args); ok {
		return runGUI(ctx, env, dataDir)
	}
	return cli.Run(ctx, env, args)
}

// guiArgs reports whether args start the tray app: no command, only
// --data-dir.
func guiArgs(args []string) (dataDir string, ok bool) {
	switch {
	case len(args) == 0:
		return "", true
	case len(args) == 2 && (args[0] == "--data-dir" || args[0] == "-data-dir"):
		return args[1], true
	case len(args) == 1:
		for _, prefix := range []string{"--data-dir=", "-data-dir="} {
			if dir, ok := strings.CutPrefix(args[0], prefix); ok {
				return dir, true
			}
		}
	}
	return "", false
}

func runGUI(ctx context.Context, env cli.Env, dataDir string) int {
	a := app.NewWithID(appID)
	svcEnv := service.Env{LookupEnv: env.LookupEnv, DotEnv: env.DotEnv, UserConfigDir: env.UserConfigDir}
	cfg, err := service.LoadConfig(svcEnv, dataDir)
	if err != nil {
		return ui.Fatal(a, err, env.Stderr)
	}
	logger := service.NewLogger(env.Stderr, cfg)
	service.WarnUnknown(logger, cfg)
	slog.SetDefault(logger)
	// A second start asks this one to show itself; until the UI exists
	// (the book may still be loading) there is nothing to show yet.
	var shown atomic.Pointer[ui.UI]
	inst, err := instance.Acquire(cfg.DataDir, func() {
		if u := shown.Load(); u != nil {
			fyne.Do(u.ShowRecentCalls)
		}
	})
	if err != nil {
		return ui.Fatal(a, err, env.Stderr)
	}
	if inst == nil {
		fmt.Fprintln(env.Stdout, "whoiscalling is already running: its recent-calls window is in front now.")
		return 0
	}
	defer inst.Close()
	svc, err := service.Open(service.Options{Config: cfg, Env: svcEnv, Logger: logger, Popups: true})
	if err != nil {
		return ui.Fatal(a, err, env.Stderr)
	}
	if err := svc.Run(ctx); err != nil {
		svc.Close()
		return ui.Fatal(a, err, env.Stderr)
	}
	u := ui.New(a, ui.Deps{Backend: svc, Calls: svc.Tracker, Book: svc.Book, Login: loginEntry(&env, dataDir, logger), Logger: logger})
	shown.Store(u)
	keepSmall(env.LookupEnv, func() { svc.Ready() }, a.Lifecycle())
	a.Lifecycle().SetOnStopped(func() { svc.Close() })
	u.Run(ctx, svc.Status().Err)
	return 0
}

// loginEntry is the start-at-login switch's entry; nil (no switch) when
// this program's path is unknown.
func loginEntry(env *cli.Env, dataDir string, logger *slog.Logger) ui.StartAtLogin {
	a, err := cli.LoginEntry(env, dataDir)
	if err != nil {
		logger.Warn("no start-at-login switch", "err", err)
		return nil
	}
	return a
}

// readDotEnv reads .env in the working directory; a missing file is fine.
func readDotEnv() (map[string]string, error) {
	m, err := godotenv.Read(".env")
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf(".env: %w", err)
	}
	return m, nil
}

var versionRE = regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`)

// version is the Version of FyneApp.toml.
func version() string {
	if m := versionRE.FindStringSubmatch(fyneAppTOML); m != nil {
		return m[1]
	}
	return "unknown"
}

// keepSmall keeps the tray app, which idles all day beside other
// programs, small: the GC runs at half the default heap growth (unless
// GOGC says otherwise), and start-up's garbage goes back to the OS as
// soon as loaded() returns (loading the book allocates about twenty times
// what it keeps), and once more when the UI has started (its first
// window and fonts are set up by then), rather than staying as GC
// headroom.
func keepSmall(lookupEnv func(string) (string, bool), loaded func(), lc fyne.Lifecycle) {
	if _, set := lookupEnv("GOGC"); !set {
		debug.SetGCPercent(50)
	}
	started := make(chan struct{})
	var once sync.Once
	lc.SetOnStarted(func() { once.Do(func() { close(started) }) })
	go func() {
		loaded()
		select {
		case <-started:
		default:
			debug.FreeOSMemory()
			<-started
		}
		debug.FreeOSMemory()
	}()
}
