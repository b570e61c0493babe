package proxy

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// Findings of a security review of the proxy (session 2): each test
// reproduces a leak that existed, and fails if it comes back.
//
//	go test ./proxy -run 'TestReview' -count=1 -v

// reviewEnv is a proxy over the sample with canaries planted; fixtures run
// on the server before the proxy re-reads its catalog.
func reviewEnv(t *testing.T, fixtures ...string) (client, upstream string) {
	t.Helper()
	client, upstream, _ = reviewEnvServer(t, fixtures...)
	return client, upstream
}

// reviewEnvServer is reviewEnv that also returns the server.
func reviewEnvServer(t *testing.T, fixtures ...string) (client, upstream string, srv *Server) {
	t.Helper()
	client, upstream, _, srv = startProxyServer(t, "")
	plantCanaries(t, upstream)
	uc := pgtest.Connect(t, upstream)
	ctx := context.Background()
	u, _ := url.Parse(upstream)
	db := strings.TrimPrefix(u.Path, "/")
	for _, f := range fixtures {
		if _, err := uc.Exec(ctx, strings.ReplaceAll(f, "{{dbname}}", db)); err != nil {
			t.Fatalf("fixture %q: %v", f, err)
		}
	}
	if err := srv.loadCatalog(ctx); err != nil {
		t.Fatal(err)
	}
	return client, upstream, srv
}

// TestReviewStandardConformingStringsOff: with standard_conforming_strings
// off, a backslash before a quote escapes it for the server and not for
// pg_query, which always lexes with it on: text pgveil analyses as one
// string constant would be code for the server (smuggled runs email::text
// over customers). The SET is refused, and a database whose default is off
// gets no session at all; either way no canary reaches the client.
func TestReviewStandardConformingStringsOff(t *testing.T) {
	client, upstream := reviewEnv(t)
	ctx := context.Background()
	smuggled := `SELECT 'x\'' || email::text FROM customers -- '`
	for _, mode := range protoModes {
		t.Run(mode.name, func(t *testing.T) {
			pc, rec := dialRecorded(t, client)
			_, err := pc.Exec(ctx, "SET standard_conforming_strings = off").ReadAll()
			if pe := (*pgconn.PgError)(nil); !errors.As(err, &pe) || pe.Code != "42501" {
				t.Fatalf("SET standard_conforming_strings = off: want the gate's 42501, got %v", err)
			}
			rec.take()
			o := mode.run(ctx, pc, smuggled)
			if got := rec.take(); containsAny(got, canaryForms()) {
				t.Errorf("LEAK (%s): %q answered with %s; canary on the wire: %q", mode.name, smuggled, o, excerpt(got, canaryForms()))
			}
		})
	}
	t.Run("database default", func(t *testing.T) {
		uc := pgtest.Connect(t, upstream)
		u, _ := url.Parse(upstream)
		db := strings.TrimPrefix(u.Path, "/")
		if _, err := uc.Exec(ctx, `ALTER DATABASE "`+db+`" SET standard_conforming_strings = off`); err != nil {
			t.Fatal(err)
		}
		defer uc.Exec(ctx, `ALTER DATABASE "`+db+`" RESET standard_conforming_strings`)
		_, err := pgconn.Connect(ctx, client)
		if pe := (*pgconn.PgError)(nil); !errors.As(err, &pe) || pe.Severity != "FATAL" || pe.Code != "0A000" {
			t.Fatalf("session with standard_conforming_strings off upstream: want FATAL 0A000, got %v", err)
		}
	})
}

// TestReviewSetLocalDefaultPath: SET LOCAL search_path TO DEFAULT sets the
// path, for the rest of the transaction, to the session's default (the
// database's here), not to the value of the session's last SET. The proxy
// drops its local value (noteStatement: localPath = nil), goes on with
// the SET value and does not read the path again. With the database
// default "shadow, public" and shadow.customers a view whose country is
// public.customers.email, the proxy believes "customers" is
// public.customers (country: keep) while the server reads the view: the
// view reports itself as origin, so the lineage (Direct =
// public.customers.country, kept) decides and the emails go out as they
// are. Simple protocol (the extended protocol reads the path again after
// any SET).
func TestReviewSetLocalDefaultPath(t *testing.T) {
	client, upstream := reviewEnv(t,
		`CREATE SCHEMA shadow`,
		`CREATE VIEW shadow.customers AS SELECT id, email AS country FROM public.customers`,
		`ALTER DATABASE "{{dbname}}" SET search_path = shadow, public`,
	)
	steps := []string{
		"SET search_path = public",
		"BEGIN",
		"SET LOCAL search_path TO DEFAULT",
		"SELECT country FROM customers",
	}
	runStepsNoCanary(t, client, upstream, steps)
}

// runStepsNoCanary runs steps, one simple Query each, on the server (the
// poison control: the canary must show) and through the proxy (no canary
// may reach the client).
func runStepsNoCanary(t *testing.T, client, upstream string, steps []string) {
	t.Helper()
	ctx := context.Background()
	direct, drec := dialRecorded(t, upstream)
	for _, s := range steps {
		direct.Exec(ctx, s).ReadAll()
	}
	if !containsAny(drec.take(), canaryForms()) {
		t.Fatal("poison control: the steps show no canary on the server")
	}
	pc, rec := dialRecorded(t, client)
	var last outcome
	for _, s := range steps {
		last = runSimple(ctx, pc, s)
	}
	if got := rec.take(); containsAny(got, canaryForms()) {
		t.Errorf("LEAK: %s answered with %s; canary on the wire: %q", strings.Join(steps, " | "), last, excerpt(got, canaryForms()))
	}
}

// TestReviewCachePositionViaParam: pg_query's normalisation (the cache key
// when quickKey gives up, here on the comment or the $) turns a DISTINCT
// ON or GROUPING SETS position into $n, the same text as a parameter in
// that place. The parameter's verdict (a constant: allowed, not
// constDependent, so stored) is then served for the position, which under
// the strict posture must be refused (ordering/grouping by a masked
// column). The cache is shared across sessions: one session warms it, the
// other reads. The first statement fails on the server (no parameter $1 in
// a simple query) after the analysis stored its verdict.
func TestReviewCachePositionViaParam(t *testing.T) {
	client, _ := reviewEnv(t)
	ctx := context.Background()
	for _, p := range [][2]string{
		{`SELECT DISTINCT ON ($1) id, email FROM customers -- k`, `SELECT DISTINCT ON (2) id, email FROM customers -- k`},
		{`SELECT email, count(*) FROM customers GROUP BY ROLLUP($1) -- k`, `SELECT email, count(*) FROM customers GROUP BY ROLLUP(1) -- k`},
	} {
		t.Run(p[1], func(t *testing.T) {
			cold, _ := dialRecorded(t, client)
			if o := runSimple(ctx, cold, p[1]); !o.refusedByProxy("42501") {
				t.Fatalf("control: %q on a cold cache: want the strict posture's refusal, got %s", p[1], o)
			}
			warm, _ := dialRecorded(t, client)
			runSimple(ctx, warm, p[0]) // analysed, stored, then failed by the server
			victim, _ := dialRecorded(t, client)
			if o := runSimple(ctx, victim, p[1]); !o.refusedByProxy("42501") {
				t.Errorf("after %q, %q: want the strict posture's refusal, got %s", p[0], p[1], o)
			}
		})
	}
}

// TestReviewSetAfterSetLocal: inside a transaction, a plain SET after a SET
// LOCAL of search_path takes effect at once (PostgreSQL: "SET overrides any
// prior action at same nest level"), but the proxy records it as the
// session value and keeps analysing under the SET LOCAL value
// (currentPath prefers localPath) until the transaction ends. Here the
// proxy believes public (country: keep) while the server reads
// shadow.customers, whose country is public.customers.email. No database
// default needed: only the shadow view of leak_cases_test.go. Simple
// protocol, one statement per Query.
func TestReviewSetAfterSetLocal(t *testing.T) {
	client, upstream := reviewEnv(t,
		`CREATE SCHEMA shadow`,
		`CREATE VIEW shadow.customers AS SELECT id, email AS country FROM public.customers`,
	)
	steps := []string{
		"BEGIN",
		"SET LOCAL search_path = public",
		"SET search_path = shadow, public",
		"SELECT country FROM customers",
	}
	runStepsNoCanary(t, client, upstream, steps)
}

// TestReviewQueryInsideExtendedBatch: a Query message sent while extended
// messages are still unanswered (no Sync yet) makes simpleQuery flush them
// with its own Query and read their answers as its own: the RowDescription
// of the client's Describe of a portal gets the simple statement's lineage.
// The portal selects masked emails without an origin (a scalar subquery);
// the simple statement is one non-sensitive constant column: the portal's
// rows are passed as they are.
func TestReviewQueryInsideExtendedBatch(t *testing.T) {
	client, _ := reviewEnv(t)
	c := dialRaw(t, client)
	// Parse and Bind, answered up to a Flush: the portal stays open (no Sync).
	c.fe.Send(&pgproto3.Parse{Query: "SELECT (SELECT email FROM customers c2 WHERE c2.id = c.id) AS email FROM customers c"})
	c.fe.Send(&pgproto3.Bind{})
	c.fe.Send(&pgproto3.Flush{})
	if err := c.fe.Flush(); err != nil {
		t.Fatal(err)
	}
	c.c.SetReadDeadline(time.Now().Add(10 * time.Second))
	for _, want := range []string{"ParseComplete", "BindComplete"} {
		m, err := c.fe.Receive()
		if err != nil || copyMsg(m).kind != want {
			t.Fatalf("want %s, got %v %v", want, m, err)
		}
	}
	c.rec.take()
	for _, m := range []pgproto3.FrontendMessage{
		&pgproto3.Describe{ObjectType: 'P'},
		&pgproto3.Execute{},
		&pgproto3.Query{String: "SELECT 'x'::text AS email"},
	} {
		c.fe.Send(m)
	}
	if err := c.fe.Flush(); err != nil {
		t.Fatal(err)
	}
	c.c.SetReadDeadline(time.Now().Add(10 * time.Second))
	var got []reply
	for {
		m, err := c.fe.Receive()
		if err != nil {
			break // the proxy may end the session afterwards
		}
		got = append(got, copyMsg(m))
		if _, ok := m.(*pgproto3.ReadyForQuery); ok {
			break
		}
	}
	if b := c.rec.take(); containsAny(b, canaryForms()) {
		t.Errorf("LEAK: Describe P + Execute + Query %q; answers %v; canary on the wire: %q",
			"SELECT 'x'::text AS email", kinds(got), excerpt(b, canaryForms()))
	}
}

// TestReviewDomainCheckRunsUserCode: a cast runs code pgveil never judges
// when its target is a domain whose CHECK calls a user function (casts
// are "taken to compute from their operands"). Like the fixture views that
// call leaky functions (v_raise), an administrator's domain can raise the
// data it reads; the statement touches no masked column, so the error
// text is relayed as it is. Outside the reviewed diff (casts predate it),
// the same class as its "views calling unknown functions refused".
func TestReviewDomainCheckRunsUserCode(t *testing.T) {
	client, _ := reviewEnv(t,
		`CREATE FUNCTION review_canary() RETURNS text LANGUAGE sql STABLE AS 'SELECT email FROM customers ORDER BY id LIMIT 1'`,
		`CREATE FUNCTION review_raise(i bigint) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%', review_canary(); END $$`,
		`CREATE DOMAIN review_dom AS bigint CHECK (review_raise(VALUE))`,
	)
	ctx := context.Background()
	for _, mode := range protoModes {
		pc, rec := dialRecorded(t, client)
		o := mode.run(ctx, pc, "SELECT 1::review_dom")
		if got := rec.take(); containsAny(got, canaryForms()) {
			t.Errorf("LEAK (%s): SELECT 1::review_dom answered with %s; canary on the wire: %q", mode.name, o, excerpt(got, canaryForms()))
		}
	}
}

// TestReviewClientEncodingSJIS: the same lexing split through
// client_encoding: PostgreSQL converts the text from SJIS before lexing it,
// pg_query lexes the bytes as UTF-8. E3 82 83 5C is U+3083 and a backslash
// in UTF-8, but two SJIS characters (E3 82, 83 5C) for the server, so inside
// E'...' pg_query would see an escaped quote where the server has none. The
// SET is refused, and so is a session asking for SJIS at startup.
func TestReviewClientEncodingSJIS(t *testing.T) {
	client, _ := reviewEnv(t)
	ctx := context.Background()
	smuggled := "SELECT E'\xe3\x82\x83\x5c' || email::text FROM customers -- '"
	for _, mode := range protoModes {
		t.Run(mode.name, func(t *testing.T) {
			pc, rec := dialRecorded(t, client)
			_, err := pc.Exec(ctx, "SET client_encoding = 'SJIS'").ReadAll()
			if pe := (*pgconn.PgError)(nil); !errors.As(err, &pe) || pe.Code != "42501" {
				t.Fatalf("SET client_encoding = 'SJIS': want the gate's 42501, got %v", err)
			}
			rec.take()
			o := mode.run(ctx, pc, smuggled)
			if got := rec.take(); containsAny(got, canaryForms()) {
				t.Errorf("LEAK (%s): %q answered with %s; canary on the wire: %q", mode.name, smuggled, o, excerpt(got, canaryForms()))
			}
		})
	}
	t.Run("startup packet", func(t *testing.T) {
		for _, enc := range []string{"SJIS", "BIG5", "GBK"} {
			_, err := pgconn.Connect(ctx, client+"&client_encoding="+enc)
			if pe := (*pgconn.PgError)(nil); !errors.As(err, &pe) || pe.Severity != "FATAL" || pe.Code != "0A000" {
				t.Errorf("startup with client_encoding %s: want FATAL 0A000, got %v", enc, err)
			}
		}
		c, err := pgconn.Connect(ctx, client+"&client_encoding=LATIN1")
		if err != nil {
			t.Fatalf("startup with client_encoding LATIN1 (safe): %v", err)
		}
		c.Close(ctx)
	})
}

// readTo reads answers up to and including one of the given kinds (or an
// error of the connection).
func (c *rawConn) readTo(kinds ...string) []reply {
	c.t.Helper()
	c.c.SetReadDeadline(time.Now().Add(10 * time.Second))
	defer c.c.SetReadDeadline(time.Time{})
	var out []reply
	for {
		m, err := c.fe.Receive()
		if err != nil {
			return out
		}
		r := copyMsg(m)
		out = append(out, r)
		for _, k := range kinds {
			if r.kind == k {
				return out
			}
		}
	}
}

func (c *rawConn) send(ms ...pgproto3.FrontendMessage) {
	c.t.Helper()
	for _, m := range ms {
		c.fe.Send(m)
	}
	if err := c.fe.Flush(); err != nil {
		c.t.Fatal(err)
	}
}

// TestReviewShowEndsImplicitTransaction: after an Execute of SET the proxy
// reads search_path again (SHOW search_path, a simple Query) before the
// next analysis once its queue is empty, which a Flush makes happen in
// the middle of the client's extended-protocol batch, inside the implicit
// transaction that lasts until Sync. The SHOW reads the SET LOCAL value and
// then, being a simple Query, commits that implicit transaction: the
// server's path goes back to the session value, while the proxy (status
// 'I') records the value read as the session's path and stops watching
// (pathTouched false). The next Parse is analysed under public
// (country: keep) and parsed by the server under shadow, public: the view
// reports itself, the lineage passes public.customers.country, the emails
// go out.
func TestReviewShowEndsImplicitTransaction(t *testing.T) {
	client, _ := reviewEnv(t,
		`CREATE SCHEMA shadow`,
		`CREATE VIEW shadow.customers AS SELECT id, email AS country FROM public.customers`,
	)
	c := dialRaw(t, client)
	c.send(&pgproto3.Query{String: "SET search_path = shadow, public"})
	c.readTo("ReadyForQuery")
	c.send(&pgproto3.Parse{Query: "SET LOCAL search_path = public"}, &pgproto3.Bind{}, &pgproto3.Execute{}, &pgproto3.Flush{})
	first := c.readTo("CommandComplete", "ErrorResponse")
	c.rec.take()
	c.send(&pgproto3.Parse{Name: "s2", Query: "SELECT country FROM customers"}, &pgproto3.Bind{PreparedStatement: "s2"},
		&pgproto3.Execute{}, &pgproto3.Sync{})
	got := c.readTo("ReadyForQuery")
	if b := c.rec.take(); containsAny(b, canaryForms()) {
		t.Errorf("LEAK: Query SET search_path = shadow, public | Parse/Bind/Execute SET LOCAL search_path = public, Flush (%v) | "+
			"Parse/Bind/Execute SELECT country FROM customers, Sync: answers %v; canary on the wire: %q",
			kinds(first), kinds(got), excerpt(b, canaryForms()))
	}
}
