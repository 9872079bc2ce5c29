package contacts

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// BenchmarkOpenBook100k opens a book of benchContacts contacts (imported
// once, before the loop) and reports the live heap the loaded book
// holds, in MiB, beside its time and allocations.
func BenchmarkOpenBook100k(b *testing.B) {
	st, err := store.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	book, err := Open(st, "DE", quiet)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := book.Import(ctx, bytes.NewReader(benchVCards(benchContacts)), "bench.vcf", nil); err != nil {
		b.Fatal(err)
	}
	book = nil
	b.ReportAllocs()
	var live uint64
	var runs int
	var ms runtime.MemStats
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.HeapAlloc
		b.StartTimer()
		book, err := Open(st, "DE", quiet)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		if book.Count() != benchContacts {
			b.Fatalf("book has %d contacts, want %d", book.Count(), benchContacts)
		}
		runtime.KeepAlive(book)
		live += ms.HeapAlloc - before
		runs++
		b.StartTimer()
	}
	b.ReportMetric(float64(live)/float64(runs)/(1<<20), "live-MiB")
}
