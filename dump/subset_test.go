package dump

import (
	"strings"
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
)

// whereTree parses cond as the WHERE of a SELECT from t and returns the
// expression with every location zeroed, so trees from different texts
// compare by meaning.
func whereTree(t testing.TB, table relname.Name, cond string) *pg_query.Node {
	t.Helper()
	tree, err := pg_query.Parse("SELECT FROM " + table.Quoted() + " WHERE (" + cond + ")")
	if err != nil {
		t.Fatalf("parse %q: %v", cond, err)
	}
	if len(tree.Stmts) != 1 {
		t.Fatalf("parse %q: %d statements", cond, len(tree.Stmts))
	}
	w := tree.Stmts[0].GetStmt().GetSelectStmt().GetWhereClause()
	if w == nil {
		t.Fatalf("parse %q: no WHERE", cond)
	}
	zeroLocations(w.ProtoReflect())
	return w
}

func zeroLocations(m protoreflect.Message) {
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.Name() == "location" && fd.Kind() == protoreflect.Int32Kind:
			m.Clear(fd)
		case fd.Message() != nil && fd.IsList():
			for i := 0; i < v.List().Len(); i++ {
				zeroLocations(v.List().Get(i).Message())
			}
		case fd.Message() != nil && !fd.IsMap():
			zeroLocations(v.Message())
		}
		return true
	})
}

func TestParseSubsetAccepts(t *testing.T) {
	customers := relname.Name{Schema: "public", Name: "customers"}
	tests := []struct {
		arg   string
		table relname.Name
		cond  string // what the condition means, written by hand
	}{
		{"public.customers: id = 42", customers, "id = 42"},
		{"customers: id IN (1,2)", customers, "id IN (1, 2)"},
		{"customers:id=42", customers, "id = 42"},
		{"  Customers  :  ID = 42 ", customers, "id = 42"},
		{"customers: created_at > '2024-01-01' AND country = 'IT'", customers, "created_at > '2024-01-01' AND country = 'IT'"},
		{`"My Schema"."Odd:Table": "Col" = 1`, relname.Name{Schema: "My Schema", Name: "Odd:Table"}, `"Col" = 1`},
		{`"we""ird".t: "a b" IS NULL`, relname.Name{Schema: `we"ird`, Name: "t"}, `"a b" IS NULL`},
		{"customers: customers.id = 1", customers, "customers.id = 1"},
		{"customers: public.customers.id = 1", customers, "public.customers.id = 1"},
		// A closing parenthesis in the condition still leaves one expression.
		{"customers: 1=1) OR (1=1", customers, "(1 = 1) OR (1 = 1)"},
		// Semicolons and comment markers inside string literals are data.
		{"customers: email = 'x''; DROP TABLE users; --'", customers, "email = 'x''; DROP TABLE users; --'"},
		{"customers: lower(email) LIKE '%@example.com'", customers, "lower(email) LIKE '%@example.com'"},
		{"customers: email LIKE 'a!%%' ESCAPE '!'", customers, "email LIKE 'a!%%' ESCAPE '!'"},
		{"customers: extract(year from created_at) = 2024", customers, "EXTRACT(year FROM created_at) = 2024"},
		{"customers: profile->>'tier' = 'gold'", customers, "(profile ->> 'tier') = 'gold'"},
		{"tickets: 'vip' = ANY(tags)", relname.Name{Schema: "public", Name: "tickets"}, "'vip' = ANY (tags)"},
		{"customers: birth_date BETWEEN '1980-01-01' AND '1990-01-01'", customers, "birth_date BETWEEN '1980-01-01' AND '1990-01-01'"},
		{"customers: id::text = '42'", customers, "CAST(id AS text) = '42'"},
		{"customers: created_at > now() - interval '1 day'", customers, "created_at > now() - '1 day'::interval"},
		{"customers: (id, country) IN ((1,'IT'),(2,'FR'))", customers, "(id, country) IN ((1, 'IT'), (2, 'FR'))"},
		{"customers: coalesce(fax, phone) IS NOT NULL", customers, "COALESCE(fax, phone) IS NOT NULL"},
		{"customers: CASE WHEN id > 1 THEN true ELSE false END", customers, "CASE WHEN id > 1 THEN true ELSE false END"},
		{"customers: current_date > birth_date AND id IS DISTINCT FROM 3", customers, "CURRENT_DATE > birth_date AND id IS DISTINCT FROM 3"},
		{"customers: true", customers, "true"},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			got, err := ParseSubset(tt.arg)
			if err != nil {
				t.Fatalf("ParseSubset: %v", err)
			}
			if got.Table != tt.table {
				t.Fatalf("table = %v, want %v", got.Table, tt.table)
			}
			if want, have := whereTree(t, tt.table, tt.cond), whereTree(t, tt.table, got.Where); !proto.Equal(want, have) {
				t.Fatalf("Where %q does not mean %q", got.Where, tt.cond)
			}
			// What ParseSubset emits is accepted again, unchanged.
			again, err := ParseSubset(got.Table.Quoted() + ": " + got.Where)
			if err != nil || again != got {
				t.Fatalf("re-parse of %q: %+v, %v", got.Where, again, err)
			}
		})
	}
}

func TestParseSubsetRefuses(t *testing.T) {
	tests := []struct{ arg, msg string }{
		{"", "want 'schema.table: condition'"},
		{"customers", "want 'schema.table: condition'"},
		{`"customers: id = 1`, "want 'schema.table: condition'"},
		{": id = 1", "empty table name"},
		{"customers:", "empty condition"},
		{"customers:   \t", "empty condition"},
		// Table names that are more than a name.
		{"customers c: id = 1", "not a table name"},
		{"ONLY customers: id = 1", "not a table name"},
		{"db.public.customers: id = 1", "not a table name"},
		{"customers; DROP TABLE users: id = 1", "not a table name"},
		{"customers WHERE false: id = 1", "not a table name"},
		{"customers TABLESAMPLE system(1): true", "not a table name"},
		// Injection through the condition.
		{"customers: 1=1); DROP TABLE customers; --", "several statements"},
		{"customers: 1=1); DROP TABLE customers; SELECT (1", "several statements"},
		{"customers: 1=1) UNION SELECT FROM users WHERE (true", "one expression"},
		{"customers: id = 1) ORDER BY (1", "sort clause"},
		{"customers: id = 1) LIMIT (1", "it adds limit count, limit option to the query"},
		{"customers: id = 1) ORDER BY (1) LIMIT (1", "it adds sort clause, limit count, limit option to the query"},
		{"customers: id = 1) OFFSET (1", "limit offset"},
		{"customers: id = 1) GROUP BY (id", "group clause"},
		{"customers: id = 1) HAVING (true", "having clause"},
		{"customers: id = 1) WINDOW w AS (", "window clause"},
		{"customers: id = 1) FOR UPDATE --", "locking clause"},
		{"customers: id = 1 --", "syntax error"},
		{"customers: id = 1 /*", "unterminated /* comment"},
		{"customers: id = 1; SELECT 1", "syntax error"},
		{"customers: id = 1)", "syntax error"},
		{"customers: (id = 1", "syntax error"},
		{"customers: id = ", "syntax error"},
		{"customers: true) AND pg_sleep(10) IS NOT NULL AND (true", `function "pg_sleep" is not allowed`},
		{"customers: set_config('role', 'x', false) = 'x'", `function "set_config" is not allowed`},
		{"customers: public.lower(email) = 'x'", "only pg_catalog functions"},
		{"customers: id OPERATOR(public.=) 1", "only unqualified or pg_catalog operators"},
		{"customers: id = $1", "parameters"},
		// Sub-selects, in every shape.
		{"customers: id = (SELECT max(id) FROM customers)", "sub-selects"},
		{"customers: EXISTS (SELECT 1 FROM users)", "sub-selects"},
		{"customers: id IN (SELECT customer_id FROM tickets)", "sub-selects"},
		{"customers: id = ANY (ARRAY(SELECT 1))", "sub-selects"},
		// Other tables.
		{"customers: users.id = 1", "names another table"},
		{"customers: public.users.id = 1", "names another table"},
		{"customers: other.customers.id = 1", "names another table"},
		{"customers: db.public.customers.id = 1", "names another table"},
		{"customers: customers.* IS NOT NULL", "* is not allowed"},
		// Aggregates and windows.
		{"customers: count(*) > 1", `function "count" is not allowed`},
		{"customers: lower(DISTINCT email) = 'x'", "aggregate and window syntax"},
		{"customers: lower(email) OVER () = 'x'", "aggregate and window syntax"},
		{"customers: GROUPING(id) = 0", "GroupingFunc is not allowed"},
		{"customers: xmlelement(name x) IS NOT NULL", "XmlExpr is not allowed"},
		// Constants that cannot be a boolean.
		{"customers: 42", "constant"},
		{"customers: 1.5", "constant"},
		{"customers: " + strings.Repeat("NOT ", 600) + "true", "nested too deeply"},
	}
	for _, tt := range tests {
		name := tt.arg
		if len(name) > 60 {
			name = name[:60]
		}
		t.Run(name, func(t *testing.T) {
			got, err := ParseSubset(tt.arg)
			if err == nil {
				t.Fatalf("accepted as %+v", got)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("error %q does not say %q", err, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), "subset") {
				t.Fatalf("error %q lacks the subset context", err)
			}
		})
	}
}

// Errors must not quote the condition: it may hold personal data.
func TestParseSubsetErrorsHideCondition(t *testing.T) {
	secret := "alice.secret@example.com"
	for _, arg := range []string{
		"customers: email = '" + secret + "' AND pg_sleep(1) IS NULL",
		"customers: email = '" + secret + "'; DROP TABLE x",
		"customers: users.email = '" + secret + "'",
	} {
		_, err := ParseSubset(arg)
		if err == nil {
			t.Fatalf("%q accepted", arg)
		}
		if strings.Contains(err.Error(), secret) {
			t.Fatalf("error quotes the condition: %v", err)
		}
	}
}

// The semantics of Filter's literal: tids format as the server reads them.
func TestSubsetFilterAndRows(t *testing.T) {
	tbl := &catalog.Table{Name: relname.Name{Schema: "public", Name: "t"}, OID: 4242, Kind: catalog.KindTable}
	other := relname.Name{Schema: "public", Name: "empty"}
	s := &Subset{tables: map[relname.Name]*rowSet{
		tbl.Name: {table: tbl, rows: map[tid]bool{tid(3<<16 | 7): false, tid(0<<16 | 1): true, tid(70000<<16 | 65535): false}},
		other:    {table: &catalog.Table{Name: other}, rows: map[tid]bool{}},
	}}
	got, ok := s.Filter(tbl.Name)
	if !ok {
		t.Fatal("Filter: no rows")
	}
	want := `tableoid = 4242::oid AND ctid = ANY ('{"(0,1)","(3,7)","(70000,65535)"}'::tid[])`
	if got != want {
		t.Fatalf("Filter = %s\nwant     %s", got, want)
	}
	if _, ok := s.Filter(other); ok {
		t.Fatal("Filter of a table without rows reports rows")
	}
	if _, ok := s.Filter(relname.Name{Schema: "public", Name: "missing"}); ok {
		t.Fatal("Filter of an unknown table reports rows")
	}
	if n := s.Rows(tbl.Name); n != 3 {
		t.Fatalf("Rows = %d, want 3", n)
	}
	if tabs := s.Tables(); len(tabs) != 1 || tabs[0] != tbl.Name {
		t.Fatalf("Tables = %v, want only %v", tabs, tbl.Name)
	}
}

func FuzzParseSubset(f *testing.F) {
	for _, s := range []string{
		"public.customers: id = 42",
		"customers: id IN (1,2) AND lower(email) LIKE '%x'",
		"customers: 1=1) OR (1=1",
		"customers: 1=1); DROP TABLE customers; --",
		`"a:b"."c""d": "e" = 'f'`,
		"customers: id = (SELECT 1)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		spec, err := ParseSubset(arg)
		if err != nil {
			return
		}
		// An accepted condition embeds as one expression over its table and
		// is a fixed point of ParseSubset.
		tree, err := pg_query.Parse("SELECT tableoid, ctid FROM " + spec.Table.Quoted() + " WHERE (" + spec.Where + ")")
		if err != nil || len(tree.Stmts) != 1 {
			t.Fatalf("Where %q does not embed: %v", spec.Where, err)
		}
		sel := tree.Stmts[0].GetStmt().GetSelectStmt()
		if sel == nil || len(sel.FromClause) != 1 || sel.WhereClause == nil || len(sel.TargetList) != 2 ||
			sel.Op != pg_query.SetOperation_SETOP_NONE || len(sel.SortClause) > 0 || len(sel.LockingClause) > 0 {
			t.Fatalf("Where %q changes the query", spec.Where)
		}
		again, err := ParseSubset(spec.Table.Quoted() + ": " + spec.Where)
		if err != nil || again != spec {
			t.Fatalf("re-parse of %+v: %+v, %v", spec, again, err)
		}
	})
}
