package relname

import (
	"slices"
	"testing"
)

func TestName(t *testing.T) {
	for _, tc := range []struct {
		n           Name
		str, quoted string
	}{
		{Name{"public", "t"}, "public.t", `"public"."t"`},
		{Name{"My Schema", `we"ird`}, `My Schema.we"ird`, `"My Schema"."we""ird"`},
		{Name{"app", "a.b"}, "app.a.b", `"app"."a.b"`},
	} {
		if got := tc.n.String(); got != tc.str {
			t.Errorf("%#v.String() = %q, want %q", tc.n, got, tc.str)
		}
		if got := tc.n.Quoted(); got != tc.quoted {
			t.Errorf("%#v.Quoted() = %q, want %q", tc.n, got, tc.quoted)
		}
	}
}

func TestOrder(t *testing.T) {
	names := []Name{{"b", "a"}, {"a", "z"}, {"a", "b"}, {"A", "z"}, {"a", "b"}}
	slices.SortFunc(names, Name.Compare)
	want := []Name{{"A", "z"}, {"a", "b"}, {"a", "b"}, {"a", "z"}, {"b", "a"}}
	if !slices.Equal(names, want) {
		t.Fatalf("sorted %v, want %v", names, want)
	}
	for i := range want {
		for j := range want {
			if got, wantLess := want[i].Less(want[j]), want[i].Compare(want[j]) < 0; got != wantLess {
				t.Errorf("%v.Less(%v) = %v, Compare says %v", want[i], want[j], got, wantLess)
			}
		}
	}
	if (Name{"a", "b"}).Less(Name{"a", "b"}) {
		t.Error("a name is not less than itself")
	}
}
