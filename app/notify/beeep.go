package notify

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/gen2brain/beeep"
)

// AppName is the name the desktop shows as the sender of the popups.
const AppName = "whoiscalling"

var setAppName sync.Once

// Beeep sends messages with beeep: on Linux through the
// org.freedesktop.Notifications D-Bus service, elsewhere through the
// system's own notifications (Linux uses DBus instead: see NewSender).
type Beeep struct {
	icon string
}

// NewBeeep returns a sender that shows icon (PNG bytes) as the app icon;
// with no icon the desktop shows its default one. The icon is written
// once to dir, so each popup passes a path rather than the whole image;
// dir "" means the user cache dir + /whoiscalling, else the temp dir.
func NewBeeep(icon []byte, dir string) (*Beeep, error) {
	setAppName.Do(func() { beeep.AppName = AppName })
	if len(icon) == 0 {
		return &Beeep{}, nil
	}
	var path string
	var err error
	if dir != "" {
		path, err = writeIcon(icon, dir)
	} else if path, err = writeIcon(icon, cacheDir()); err != nil {
		path, err = writeIcon(icon, filepath.Join(os.TempDir(), AppName))
	}
	if err != nil {
		return nil, fmt.Errorf("write the notification icon: %w", err)
	}
	return &Beeep{icon: path}, nil
}

// Icon is the path of the icon file the popups name ("": none).
func (b *Beeep) Icon() string { return b.icon }

// Send shows m on the desktop. Such popups cannot be replaced, closed
// or given actions, so a closing message does nothing.
func (b *Beeep) Send(m Message) error {
	if m.Kind == KindEnded {
		return nil
	}
	return beeep.Notify(m.Title, m.Body, b.icon)
}

func cacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return filepath.Join(os.TempDir(), AppName)
	}
	return filepath.Join(d, AppName)
}

// writeIcon leaves icon in dir/icon.png and returns the file's absolute
// path. An up-to-date file is kept; a new one is renamed into place so
// a notification server never reads half a file.
func writeIcon(icon []byte, dir string) (string, error) {
	path, err := filepath.Abs(filepath.Join(dir, "icon.png"))
	if err != nil {
		return "", err
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, icon) {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, "icon-*.png")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(icon)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return "", err
	}
	return path, nil
}
