package lineage

import (
	"strings"
	"testing"
)

func TestClosestName(t *testing.T) {
	cases := []struct {
		name       string
		candidates []string
		want       string
	}{
		{"emial", []string{"id", "email", "first_name"}, "email"},
		{"custmers", []string{"orders", "customers", "contacts"}, "customers"},
		{"frist_name", []string{"first_name", "last_name"}, "first_name"},
		{"EMAIL", []string{"email"}, "email"}, // case folded
		{"idd", []string{"id", "ids"}, "id"},  // ties: the first in sort order
		{"zzz", []string{"email", "id"}, ""},  // nothing near
		{"abc", []string{"abcde"}, ""},        // short names: one edit at most
		{"countryy", []string{"country", "count", "county"}, "country"},
	}
	for _, c := range cases {
		got, ok := closestName(c.name, c.candidates)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("closestName(%q, %v) = %q, %v; want %q", c.name, c.candidates, got, ok, c.want)
		}
	}
}

// TestUnknownNamesGetPostgresMessages: a typo gets PostgreSQL's SQLSTATE
// and kind of message, with a did-you-mean from the catalog or the
// statement's scope.
func TestUnknownNamesGetPostgresMessages(t *testing.T) {
	cases := []struct {
		sql, state, msg, hint string
	}{
		{"SELECT emial FROM customers", "42703", `column "emial" does not exist`, `"email"`},
		{"SELECT c.emial FROM customers c", "42703", `column c.emial does not exist`, `"email"`},
		{"SELECT id FROM custmers", "42P01", `relation "custmers" does not exist`, `"customers"`},
		{"SELECT nothing_like_it FROM customers", "42703", `column "nothing_like_it" does not exist`, "retry"},
	}
	for _, c := range cases {
		an, err := Analyze(c.sql, fixSnap, fixRules, PostureStrict)
		if err != nil {
			t.Fatal(err)
		}
		r := an.Refused()
		if r == nil || r.SQLState != c.state || !strings.Contains(r.Message, c.msg) || !strings.Contains(r.Hint, c.hint) {
			t.Errorf("%s: refusal %+v, want %s %q with a hint containing %q", c.sql, r, c.state, c.msg, c.hint)
		}
	}
}

// TestStrictRefusalNamesStandardPosture: a refusal only the strict posture
// makes names the column and says that posture standard allows it.
func TestStrictRefusalNamesStandardPosture(t *testing.T) {
	an, err := Analyze("SELECT id FROM customers WHERE email LIKE 'a%'", fixSnap, fixRules, PostureStrict)
	if err != nil {
		t.Fatal(err)
	}
	r := an.Refused()
	if r == nil || !strings.Contains(r.Message, "email") || !strings.Contains(r.Hint, "posture standard") {
		t.Fatalf("refusal %+v: want the column named and posture standard mentioned", r)
	}
	if an, _ := Analyze("SELECT id FROM customers WHERE email LIKE 'a%'", fixSnap, fixRules, PostureStandard); an.Refused() != nil {
		t.Fatalf("posture standard refuses what the hint says it allows: %+v", an.Refused())
	}
}
