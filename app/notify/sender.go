package notify

import "runtime"

// NewSender returns the sender for this desktop: on Linux the
// freedesktop D-Bus service (ErrNoSessionBus when there is no session
// bus), elsewhere beeep. icon is the app icon as PNG bytes; dir is where
// its file goes ("": the user cache dir).
func NewSender(icon []byte, dir string) (Sender, error) {
	b, err := NewBeeep(icon, dir)
	if err != nil {
		b, _ = NewBeeep(nil, dir)
	}
	if runtime.GOOS != "linux" {
		return b, err
	}
	d, derr := NewDBus(b.Icon())
	if derr != nil {
		return nil, derr
	}
	return d, err
}
