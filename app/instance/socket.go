package instance

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
)

// maxSocketPath is the longest socket path every system takes: sun_path
// holds 104 bytes on macOS and the BSDs (108 on Linux and Windows), and Go
// needs one for the terminating NUL on macOS.
const maxSocketPath = 103

// socketPath is dataDir/instance.sock, or, when that is too long for a
// socket, whoiscalling-<uid>-<hash of dataDir>.sock in the temp dir.
func socketPath(dataDir string) (string, error) {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return "", say(err, "cannot find the data directory %s: %s — give it as an absolute path with --data-dir", dataDir, cause(err))
	}
	if p := filepath.Join(abs, "instance.sock"); len(p) <= maxSocketPath {
		return p, nil
	}
	sum := sha256.Sum256([]byte(abs))
	name := "whoiscalling-" + hex.EncodeToString(sum[:8]) + ".sock"
	if uid := os.Getuid(); uid >= 0 { // -1 on Windows, whose temp dir is per user
		name = "whoiscalling-" + strconv.Itoa(uid) + "-" + hex.EncodeToString(sum[:8]) + ".sock"
	}
	p := filepath.Join(os.TempDir(), name)
	if len(p) > maxSocketPath {
		return "", say(nil, "cannot start: the data directory's path and the temp dir %s are both too long for a socket — choose a shorter --data-dir or TMPDIR", os.TempDir())
	}
	return p, nil
}
