package cli

import (
	"encoding/json"
	"io"
)

// writeJSON writes v as indented JSON with a final newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// openBook opens the store and the contact book for a one-shot command.
// The returned close function closes both.
func openBook(env *Env, dataDirFlag string) (*bookSession, error) {
	cfg, err := LoadConfig(env, dataDirFlag)
	if err != nil {
		return nil, err
	}
	return openBookWith(env, cfg)
}
