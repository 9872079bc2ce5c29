package sipgate_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
	"github.com/whoiscalling/whoiscalling/app/sipgate/sipgatefake"
)

func pageSize(n int) func(*sipgate.Config) { return func(c *sipgate.Config) { c.PageSize = n } }

// offsets lists the offset parameter of each request to path.
func offsets(srv *sipgatefake.Server, path string) []string {
	var out []string
	for _, r := range srv.RequestsTo("GET", path) {
		out = append(out, r.Query.Get("offset")+"/"+r.Query.Get("limit"))
	}
	return out
}

func TestContactsPaging(t *testing.T) {
	srv, c, _ := setup(t, pageSize(5))
	srv.Update(func(d *sipgatefake.Data) {
		d.Contacts = nil
		for i := range 12 {
			d.Contacts = append(d.Contacts, sipgatefake.Contact{ID: fmt.Sprint("c", i), Name: fmt.Sprint("Person ", i), Scope: "SHARED"})
		}
	})
	cs, err := c.Contacts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 12 || cs[0].ID != "c0" || cs[11].ID != "c11" {
		t.Fatalf("Contacts = %d entries, first %q", len(cs), cs[0].ID)
	}
	if got, want := offsets(srv, "/contacts"), []string{"0/5", "5/5", "10/5"}; !slices.Equal(got, want) {
		t.Errorf("pages = %v, want %v", got, want)
	}
}

func TestContactsExactMultipleStops(t *testing.T) {
	srv, c, _ := setup(t, pageSize(3))
	cs, err := c.Contacts(context.Background())
	if err != nil || len(cs) != 3 {
		t.Fatalf("Contacts = %d, %v", len(cs), err)
	}
	if got := offsets(srv, "/contacts"); !slices.Equal(got, []string{"0/3"}) {
		t.Errorf("pages = %v, want one: totalCount says there is no more", got)
	}
}

func TestHistoryPaging(t *testing.T) {
	srv, c, _ := setup(t, pageSize(2))
	es, err := c.History(context.Background(), sipgate.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	if want := []string{"h6", "h5", "h4", "h3", "h2", "h1"}; !slices.Equal(ids, want) {
		t.Errorf("ids = %v, want %v", ids, want)
	}
	if got, want := offsets(srv, "/history"), []string{"0/2", "2/2", "4/2"}; !slices.Equal(got, want) {
		t.Errorf("pages = %v, want %v", got, want)
	}
}

func TestHistoryPageCapsLimit(t *testing.T) {
	srv, c, _ := setup(t)
	p, err := c.HistoryPage(context.Background(), sipgate.HistoryFilter{Types: []sipgate.HistoryType{sipgate.TypeVoicemail}}, 0, 5000)
	if err != nil {
		t.Fatal(err)
	}
	if p.TotalCount != 1 || len(p.Items) != 1 || p.Items[0].ID != "h3" {
		t.Errorf("page = %+v", p)
	}
	if got := offsets(srv, "/history"); !slices.Equal(got, []string{"0/1000"}) {
		t.Errorf("pages = %v, want limit capped at 1000", got)
	}
}

// /numbers sends no totalCount: a short page ends the list.
func TestNumbersPagingWithoutTotal(t *testing.T) {
	srv, c, _ := setup(t, pageSize(2))
	srv.Update(func(d *sipgatefake.Data) {
		for i := range 4 {
			d.Numbers = append(d.Numbers, sipgatefake.Number{ID: fmt.Sprint("n", i+1), Number: fmt.Sprint("+492110000001", i)})
		}
	})
	ns, err := c.Numbers(context.Background())
	if err != nil || len(ns) != 5 {
		t.Fatalf("Numbers = %d, %v", len(ns), err)
	}
	if got, want := offsets(srv, "/numbers"), []string{"0/2", "2/2", "4/2"}; !slices.Equal(got, want) {
		t.Errorf("pages = %v, want %v", got, want)
	}
}

func TestPagingErrorNamesOffset(t *testing.T) {
	srv, c, _ := setup(t, pageSize(2))
	srv.Inject(sipgatefake.Fault{Method: "GET", Path: "/history", Status: 500, Skip: 1, Times: 1})
	es, err := c.History(context.Background(), sipgate.HistoryFilter{})
	var se *sipgate.ServerError
	if !errors.As(err, &se) || se.Status != 500 || !strings.Contains(err.Error(), "page at offset 2") {
		t.Fatalf("error = %v, want ServerError 500 at offset 2", err)
	}
	if es != nil {
		t.Errorf("entries = %d, want none with an error", len(es))
	}
}
