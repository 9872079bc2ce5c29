package contacts

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The text encodings Import tells apart, as the report names them.
const (
	encUTF8   = "UTF-8"
	encUTF16  = "UTF-16"
	enc1252   = "Windows-1252"
	bomUTF8   = "\uFEFF"
	nulSample = 512
)

// toUTF8 turns a file into UTF-8 without a byte order mark and names the
// encoding it was in: UTF-8 (with or without BOM), UTF-16 (with BOM, as
// Outlook and Excel write "Unicode text", or without one when the NUL
// bytes give it away), else Windows-1252, in which every byte sequence
// is valid.
func toUTF8(data []byte) ([]byte, string) {
	if rest, ok := bytes.CutPrefix(data, []byte(bomUTF8)); ok {
		data = rest
	}
	if e, ok := utf16Endian(data); ok {
		dec := unicode.UTF16(e, unicode.UseBOM).NewDecoder()
		if out, err := dec.Bytes(data); err == nil {
			out, _ = bytes.CutPrefix(out, []byte(bomUTF8))
			return out, encUTF16
		}
	}
	if utf8.Valid(data) {
		return data, encUTF8
	}
	out, _ := charmap.Windows1252.NewDecoder().Bytes(data) // cannot fail: every byte is a character
	return out, enc1252
}

// utf16Endian recognises UTF-16 by its byte order mark, or by NUL bytes
// in every other position (text in Latin script).
func utf16Endian(data []byte) (unicode.Endianness, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return unicode.LittleEndian, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.BigEndian, true
	}
	head := data[:min(len(data), nulSample)&^1]
	if len(head) < 4 {
		return unicode.BigEndian, false
	}
	var even, odd int
	for i := 0; i < len(head); i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := len(head) / 2
	switch {
	case odd*10 >= pairs*9 && even == 0:
		return unicode.LittleEndian, true
	case even*10 >= pairs*9 && odd == 0:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}
