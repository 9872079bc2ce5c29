//go:build !unix

package instance

import "io/fs"

// restrict does nothing: on Windows the socket lives in the user's data dir
// or in the temp dir, both of which only the user may open.
func restrict(string) error { return nil }

// ownedByOther reports false: see restrict.
func ownedByOther(fs.FileInfo) bool { return false }
