package contacts

import "testing"

// BenchmarkList100k lists the book of benchContacts contacts as the
// contacts window's search box does: everything, a word that many
// contacts have, a name that one has, and a part of a number.
func BenchmarkList100k(b *testing.B) {
	book := bigBook(b)
	for _, q := range []struct {
		name, query string
		want        int
	}{
		{"all", "", benchContacts},
		{"company", "firma 976", 399},
		{"name", "name12345", 1},
		{"number", "0171 2012345", 1},
	} {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				list, err := book.List(ctx, q.query)
				if err != nil || len(list) != q.want {
					b.Fatalf("List(%q) = %d contacts, %v; want %d", q.query, len(list), err, q.want)
				}
			}
		})
	}
}
