package contacts

import (
	"bytes"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/store"
)

const benchContacts = 100_000

// benchVCards is a file of n cards: a fixed line in international form,
// a mobile in national form, every tenth a company switchboard instead,
// and the usual fields.
func benchVCards(n int) []byte {
	var buf bytes.Buffer
	for i := range n {
		fmt.Fprintf(&buf, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Name%d;Vorname;;;\r\nFN:Vorname Name%d\r\nORG:Firma %d GmbH\r\n", i, i, i%977)
		if i%10 == 0 {
			fmt.Fprintf(&buf, "TEL;TYPE=work:+49 221 %05d-0\r\n", 10000+i/10)
		} else {
			fmt.Fprintf(&buf, "TEL;TYPE=work:+49 211 1%06d\r\n", i)
		}
		fmt.Fprintf(&buf, "TEL;TYPE=cell:0171 2%06d\r\nADR;TYPE=work:;;Straße %d;Düsseldorf;;40212;Deutschland\r\n", i, i)
		fmt.Fprintf(&buf, "NOTE:Kunde seit %d\r\nEND:VCARD\r\n", 2000+i%25)
	}
	return buf.Bytes()
}

// benchBook is a book of benchContacts contacts, made once for all
// lookup benchmarks; TestMain removes its directory.
var (
	benchOnce sync.Once
	benchDir  string
	benchB    *Book
)

func bigBook(b *testing.B) *Book {
	benchOnce.Do(func() {
		var err error
		if benchDir, err = os.MkdirTemp("", "contacts-bench"); err != nil {
			b.Fatal(err)
		}
		st, err := store.Open(benchDir)
		if err != nil {
			b.Fatal(err)
		}
		if benchB, err = Open(st, "DE", quiet); err != nil {
			b.Fatal(err)
		}
		if _, err := benchB.Import(ctx, bytes.NewReader(benchVCards(benchContacts)), "bench.vcf", nil); err != nil {
			b.Fatal(err)
		}
	})
	if benchB.Count() != benchContacts {
		b.Fatalf("book has %d contacts, want %d", benchB.Count(), benchContacts)
	}
	return benchB
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func benchLookup(b *testing.B, numbers []string, want MatchKind) {
	book := bigBook(b)
	for _, n := range numbers {
		if m, ok := book.Lookup(n); !ok || m.Kind != want {
			b.Fatalf("Lookup(%s) = %+v, %v; want %s", n, m, ok, want)
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		book.Lookup(numbers[i%len(numbers)])
		i++
	}
}

func BenchmarkLookupExact(b *testing.B) {
	benchLookup(b, []string{"+492111000001", "492111054321", "+491712099999", "+491712000007"}, MatchExact)
}

// BenchmarkLookupColdHit looks up 10,000 different callers in turn, so
// each hit builds its contact (the index keeps only the last few built).
func BenchmarkLookupColdHit(b *testing.B) {
	numbers := make([]string, 0, 10_000)
	for i := range 10_000 {
		numbers = append(numbers, fmt.Sprintf("+49171%07d", 2000000+i*7))
	}
	benchLookup(b, numbers, MatchExact)
}

func BenchmarkLookupSwitchboard(b *testing.B) {
	benchLookup(b, []string{"+4922110000123", "4922119999789", "+492211500042"}, MatchSwitchboard)
}

func BenchmarkLookupMiss(b *testing.B) {
	book := bigBook(b)
	b.ReportAllocs()
	for b.Loop() {
		book.Lookup("+4930123456789")
	}
}

func BenchmarkLookupParallel(b *testing.B) {
	book := bigBook(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			book.Lookup("+4922110000123")
		}
	})
}

// BenchmarkImport100k imports benchContacts vCards into an empty book.
func BenchmarkImport100k(b *testing.B) {
	data := benchVCards(benchContacts)
	b.SetBytes(int64(len(data)))
	for range b.N {
		b.StopTimer()
		st, err := store.Open(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		book, err := Open(st, "DE", quiet)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := book.Import(ctx, bytes.NewReader(data), "bench.vcf", nil)
		if err != nil || rep.Imported != benchContacts {
			b.Fatalf("Import = %+v, %v", rep, err)
		}
		b.StopTimer()
		st.Close()
	}
}
