package bench

import (
	"bufio"
	"io"
	"strings"
)

// WriteVCards writes contacts 0..n-1 of seed as one vCard 3.0 file, the
// way an address-book export looks: CRLF lines, N/FN/ORG, typed TEL
// lines in the forms people write numbers in, an address and a note.
func WriteVCards(w io.Writer, seed uint64, n int) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	for i := range n {
		writeCard(bw, ContactAt(seed, i))
	}
	return bw.Flush()
}

func writeCard(w *bufio.Writer, p Person) {
	line := func(parts ...string) {
		for _, s := range parts {
			w.WriteString(s)
		}
		w.WriteString("\r\n")
	}
	line("BEGIN:VCARD")
	line("VERSION:3.0")
	line("N:", vesc(p.Last), ";", vesc(p.First), ";;;")
	line("FN:", vesc(p.Name()))
	if p.Company != "" {
		line("ORG:", vesc(p.Company))
	}
	for _, n := range p.Numbers {
		line("TEL;TYPE=", n.Label, ":", n.Written)
	}
	line("ADR;TYPE=work:;;", vesc(p.Street), ";", vesc(p.City), ";;", p.Zip, ";", vesc(p.Country))
	if p.Note != "" {
		line("NOTE:", vesc(p.Note))
	}
	if p.VIP {
		line("X-WHOISCALLING-VIP:yes")
	}
	line("END:VCARD")
}

// vesc escapes a vCard 3.0 text value.
var vesc = strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\n", `\n`).Replace
