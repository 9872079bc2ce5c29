package webhook

import (
	"io/fs"
	"syscall"
)

// Windows reports Winsock codes, which the syscall package's portable
// EADDRINUSE and friends do not match.
const (
	wsaEADDRINUSE    syscall.Errno = 10048
	wsaEADDRNOTAVAIL syscall.Errno = 10049
)

// The errnos net.Listen reports for a taken, forbidden or foreign address.
var (
	errAddrInUse    = []error{syscall.EADDRINUSE, wsaEADDRINUSE}
	errPermission   = []error{syscall.EACCES, syscall.WSAEACCES, fs.ErrPermission}
	errAddrNotAvail = []error{syscall.EADDRNOTAVAIL, wsaEADDRNOTAVAIL}
)
