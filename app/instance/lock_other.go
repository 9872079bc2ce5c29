//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package instance

import "os"

// lockFile only opens path on systems without flock or LockFileEx: there,
// every start takes itself for the primary once the socket is gone, and a
// second start while one runs replaces its socket.
func lockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
}
