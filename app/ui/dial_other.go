//go:build !linux

package ui

import "context"

// telHandler reports whether tel: links can be opened: macOS and Windows
// report a missing handler when the link is opened.
func telHandler(context.Context) bool { return true }
