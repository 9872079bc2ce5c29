package autostart

import (
	"errors"
	"strings"
)

// The Desktop Entry spec quotes Exec in two layers: each argument that holds
// a reserved character is put in double quotes (with " ` $ \ escaped by a
// backslash, and % doubled everywhere), then the whole line is escaped like
// any string value (\ → \\, newline → \n, …).

// reserved are the characters that force an argument into quotes.
const reserved = " \t\n\"'\\><~|&;$*?#()`"

// execLine is the Exec command line for args, before the string escaping.
func execLine(args []string) string {
	quoted := make([]string, len(args))
	for i, arg := range args {
		quoted[i] = quoteArg(arg)
	}
	return strings.Join(quoted, " ")
}

// quoteArg quotes one argument when the spec asks for it.
func quoteArg(arg string) string {
	arg = strings.ReplaceAll(arg, "%", "%%")
	if arg != "" && !strings.ContainsAny(arg, reserved) {
		return arg
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(arg); i++ {
		if strings.IndexByte("\"`$\\", arg[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(arg[i])
	}
	b.WriteByte('"')
	return b.String()
}

var errQuote = errors.New("unterminated quote in Exec")

// splitExec splits an Exec line (already unescaped as a string value) into
// its arguments, undoing quoteArg. Field codes other than %% stay as they are.
func splitExec(line string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inArg, quoted := false, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quoted && c == '\\' && i+1 < len(line) && strings.IndexByte("\"`$\\", line[i+1]) >= 0:
			i++
			cur.WriteByte(line[i])
		case quoted && c == '"':
			quoted = false
		case !quoted && c == '"':
			quoted, inArg = true, true
		case !quoted && (c == ' ' || c == '\t'):
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		case c == '%' && i+1 < len(line) && line[i+1] == '%':
			i++
			cur.WriteByte('%')
			inArg = true
		default:
			cur.WriteByte(c)
			inArg = true
		}
	}
	if quoted {
		return nil, errQuote
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args, nil
}

// escapeValue escapes s as a desktop-entry string value.
func escapeValue(s string) string {
	s = strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`, "\r", `\r`).Replace(s)
	if strings.HasPrefix(s, " ") {
		s = `\s` + s[1:]
	}
	return s
}

// unescapeValue undoes escapeValue; unknown escapes are kept as they are.
func unescapeValue(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 's':
			b.WriteByte(' ')
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '\\':
			b.WriteByte('\\')
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
