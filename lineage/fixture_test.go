package lineage

import (
	"strings"
	"testing"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// The fixture: a hand-built catalog snapshot and rules, no database.
//
//	customers(id keep, email email, first_name first_name, profile json, country keep)
//	accounts(id keep, customer_id keep, iban iban)
//	contacts(id keep, customer_id keep, email email)
//	audit_log rows: none
//	remote_customers: a foreign table
//	events (partitioned, default keep) with partition events_2024 masking note
//	logs (partitioned) with a foreign partition logs_remote
//	private.customers(id keep, email keep): same name in another schema
//	views and materialized views over them (see views below)

const fixtureRules = `
version: 1
key:
  env: PGVEIL_KEY
unlisted: mask
tables:
  public.customers:
    columns:
      id: keep
      email: email
      first_name: first_name
      profile: {mask: json, paths: {"$.email": email}}
      country: keep
  public.accounts:
    columns:
      id: keep
      customer_id: keep
      iban: iban
  public.contacts:
    columns:
      id: keep
      customer_id: keep
      email: email
  public.audit_log:
    rows: none
  public.events:
    default: keep
  public.events_2024:
    columns:
      id: keep
      note: redact
  private.customers:
    default: keep
`

var oid uint32 = 16384

func table(schema, name string, kind byte, viewDef string, cols ...string) *catalog.Table {
	oid++
	t := &catalog.Table{Name: relname.Name{Schema: schema, Name: name}, OID: oid, Kind: kind, ViewDef: viewDef}
	for i, c := range cols {
		typ := "text"
		switch c {
		case "id", "customer_id":
			typ = "int4"
		case "profile":
			typ = "jsonb"
		}
		t.Columns = append(t.Columns, catalog.Column{Name: c, Num: int16(i + 1), Type: anonymize.Column{Type: typ}, TypeSQL: typ})
	}
	return t
}

func fixtureSnapshot() *catalog.Snapshot {
	events := table("public", "events", catalog.KindPartitioned, "", "id", "note")
	events2024 := table("public", "events_2024", catalog.KindTable, "", "id", "note")
	events2024.Parent, events2024.Partition = &events.Name, true
	logs := table("public", "logs", catalog.KindPartitioned, "", "id", "note")
	logsRemote := table("public", "logs_remote", catalog.KindForeign, "", "id", "note")
	logsRemote.Parent, logsRemote.Partition = &logs.Name, true
	tables := []*catalog.Table{
		table("public", "customers", catalog.KindTable, "", "id", "email", "first_name", "profile", "country"),
		table("public", "accounts", catalog.KindTable, "", "id", "customer_id", "iban"),
		table("public", "contacts", catalog.KindTable, "", "id", "customer_id", "email"),
		table("public", "audit_log", catalog.KindTable, "", "id", "action", "payload"),
		table("public", "remote_customers", catalog.KindForeign, "", "id", "email"),
		table("private", "customers", catalog.KindTable, "", "id", "email"),
		events, events2024, logs, logsRemote,
		table("public", "v_customers", catalog.KindView,
			" SELECT customers.id,\n    customers.email AS contact\n   FROM customers;", "id", "contact"),
		table("public", "v_nested", catalog.KindView,
			" SELECT v_customers.contact AS c,\n    v_customers.id\n   FROM v_customers;", "c", "id"),
		table("public", "v_lower", catalog.KindView,
			" SELECT customers.id,\n    lower(customers.email) AS e\n   FROM customers;", "id", "e"),
		table("public", "v_udf", catalog.KindView,
			" SELECT customers.id,\n    get_email(customers.id) AS e\n   FROM customers;", "id", "e"),
		table("public", "v_audit", catalog.KindView,
			" SELECT audit_log.id\n   FROM audit_log;", "id"),
		table("public", "v_stats", catalog.KindView,
			" SELECT pg_stats.attname\n   FROM pg_stats;", "attname"),
		table("public", "v_union", catalog.KindView,
			" SELECT customers.id AS x\n   FROM customers\nUNION ALL\n SELECT customers.email AS x\n   FROM customers;", "x"),
		table("public", "v_cycle_a", catalog.KindView, " SELECT v_cycle_b.x\n   FROM v_cycle_b;", "x"),
		table("public", "v_cycle_b", catalog.KindView, " SELECT v_cycle_a.x\n   FROM v_cycle_a;", "x"),
		table("public", "mv_emails", catalog.KindMatView,
			" SELECT customers.id,\n    customers.email,\n    lower(customers.email) AS email_lower\n   FROM customers;", "id", "email", "email_lower"),
		table("public", "mv_countries", catalog.KindMatView,
			" SELECT customers.country,\n    count(*) AS n\n   FROM customers\n  GROUP BY customers.country;", "country", "n"),
	}
	s := &catalog.Snapshot{Tables: map[relname.Name]*catalog.Table{}, ByOID: map[uint32]*catalog.Table{}}
	for _, t := range tables {
		s.Tables[t.Name] = t
		s.ByOID[t.OID] = t
	}
	return s
}

var (
	fixSnap  = fixtureSnapshot()
	fixRules = mustRules()
)

func mustRules() *rules.Rules {
	r, err := rules.Parse("fixture.yaml", []byte(fixtureRules), rules.Options{Getenv: func(string) string { return "0123456789abcdef0123" }})
	if err != nil {
		panic(err)
	}
	return r
}

// analyzeOne analyses a single statement.
func analyzeOne(t *testing.T, sql string, p Posture) Statement {
	t.Helper()
	an, err := Analyze(sql, fixSnap, fixRules, p)
	if err != nil {
		t.Fatalf("Analyze(%q): %v", sql, err)
	}
	if len(an.Statements) != 1 {
		t.Fatalf("Analyze(%q): %d statements, want 1", sql, len(an.Statements))
	}
	st := an.Statements[0]
	checkInvariants(t, sql, st)
	return st
}

// keeps reports whether the rules keep a base column of the table the
// reference names, computed here independently of the analysis. (A parent
// read without ONLY is also governed by its children's rules; when they
// disagree the analysis never makes the column Direct, so a Direct column's
// sensitivity is its own table's rule.)
func keeps(ref ColumnRef) bool {
	g, _ := fixRules.Governing(ref.Table, fixSnap)
	return fixRules.Column(g.Schema, g.Name, ref.Column).Keeps()
}

// checkInvariants holds for every verdict: a refused statement has class
// refused; an allowed one never outputs a value derived from a masked
// column unless it is that column itself (Direct, to be masked).
func checkInvariants(t *testing.T, sql string, st Statement) {
	t.Helper()
	if (st.Refusal != nil) != (st.Class == ClassRefused) {
		t.Errorf("%q: refusal %v with class %v", sql, st.Refusal, st.Class)
	}
	if st.Refusal != nil {
		if !strings.HasPrefix(st.Refusal.Message, "pgveil: ") || st.Refusal.SQLState == "" {
			t.Errorf("%q: malformed refusal %+v", sql, st.Refusal)
		}
		return
	}
	for _, c := range st.Columns {
		masked := c.Uncertain
		for _, s := range c.Sources {
			masked = masked || !keeps(s)
		}
		if masked && !c.Sensitive {
			t.Errorf("%q: column %q not sensitive but sources %v are masked", sql, c.Name, c.Sources)
		}
		if c.Direct != nil && c.Sensitive == keeps(*c.Direct) {
			t.Errorf("%q: column %q Direct %v with Sensitive=%v", sql, c.Name, *c.Direct, c.Sensitive)
		}
		if c.Direct != nil && (len(c.Sources) != 1 || c.Sources[0] != *c.Direct || c.Many) {
			t.Errorf("%q: column %q Direct %v with sources %v", sql, c.Name, *c.Direct, c.Sources)
		}
		if c.Sensitive && c.Direct == nil {
			t.Errorf("%q: allowed statement outputs column %q derived from masked data %v", sql, c.Name, c.Sources)
		}
	}
}

func ref(s string) ColumnRef {
	p := strings.Split(s, ".")
	return ColumnRef{Table: relname.Name{Schema: p[0], Name: p[1]}, Column: p[2]}
}
