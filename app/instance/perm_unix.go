//go:build unix

package instance

import (
	"io/fs"
	"os"
	"syscall"
)

// restrict lets only the user connect to the socket: the fallback socket
// lives in a temp dir that everyone may list.
func restrict(path string) error { return os.Chmod(path, 0o600) }

// ownedByOther reports whether the file belongs to another user, who could
// otherwise make every start of ours believe it is the second one.
func ownedByOther(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) != os.Getuid()
}
