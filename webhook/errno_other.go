//go:build !windows

package webhook

import (
	"io/fs"
	"syscall"
)

// The errnos net.Listen reports for a taken, forbidden or foreign address.
var (
	errAddrInUse    = []error{syscall.EADDRINUSE}
	errPermission   = []error{syscall.EACCES, fs.ErrPermission}
	errAddrNotAvail = []error{syscall.EADDRNOTAVAIL}
)
