//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package store

// diskFree cannot tell the free space on this system; a full disk is
// still recognised by SQLite's SQLITE_FULL and by ENOSPC.
func diskFree(string) (uint64, bool) { return 0, false }
