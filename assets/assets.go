// Package assets holds the app's icons, embedded in the binary so the
// tray, the windows and the notifications need no files next to it.
package assets

import _ "embed"

// Icon is the app icon (256×256 PNG): a handset with ring waves.
//
//go:embed icon.png
var Icon []byte

// IconSVG is the app icon as SVG, for the desktop entry's icon theme.
//
//go:embed icon.svg
var IconSVG []byte

// IconDown is the tray icon while the listener is down: grey, with a cross.
//
//go:embed icon-down.png
var IconDown []byte

// IconDND is the tray icon while do-not-disturb is on: a red no-entry badge.
//
//go:embed icon-dnd.png
var IconDND []byte
