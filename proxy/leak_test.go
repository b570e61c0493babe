package proxy

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// canary is planted in sensitive columns; no form of it may reach a client
// of the proxy.
const canary = "zqcanary7leak"

// canaryForms are the spellings a transformed canary takes on the wire.
func canaryForms() [][]byte {
	email := canary + "@example.com"
	sum := md5.Sum([]byte(email))
	rev := []byte(canary)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return [][]byte{
		[]byte(canary), []byte(strings.ToUpper(canary)), rev,
		[]byte(base64.StdEncoding.EncodeToString([]byte(email))[:12]),
		[]byte(hex.EncodeToString([]byte(canary))),
		[]byte(hex.EncodeToString(sum[:])),
	}
}

// recordingConn keeps every byte the client reads.
type recordingConn struct {
	net.Conn
	mu  sync.Mutex
	buf bytes.Buffer
}

func (c *recordingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.mu.Lock()
	c.buf.Write(p[:n])
	c.mu.Unlock()
	return n, err
}

func (c *recordingConn) take() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	b := append([]byte(nil), c.buf.Bytes()...)
	c.buf.Reset()
	return b
}

// plantCanaries writes canary values into sensitive columns upstream.
func plantCanaries(t *testing.T, upstream string) {
	t.Helper()
	c := pgtest.Connect(t, upstream)
	for _, sql := range []string{
		`UPDATE customers SET email = '` + canary + `@example.com', first_name = '` + canary + `',
		   profile = jsonb_set(coalesce(profile, '{}'), '{email}', '"` + canary + `@example.com"')
		 WHERE id = (SELECT min(id) FROM customers)`,
		`UPDATE contacts SET note = 'call ` + canary + `@example.com today' WHERE id = (SELECT min(id) FROM contacts)`,
		`ANALYZE customers`,
	} {
		if _, err := c.Exec(context.Background(), sql); err != nil {
			t.Fatalf("plant canary: %v", err)
		}
	}
}

type leakCase struct {
	class, sql string
	// direct: running the statement directly on the server shows a canary,
	// which proves the case exercises a real leak path (the poison control).
	direct bool
}

var leakCases = []leakCase{
	// Values computed from sensitive columns.
	{"expression", "SELECT email FROM customers ORDER BY id", true},
	{"expression", "SELECT email || '' FROM customers", true},
	{"expression", "SELECT lower(email) FROM customers", true},
	{"expression", "SELECT email::varchar(200) FROM customers", true},
	{"expression", "SELECT substr(email, 1, 40) FROM customers", true},
	{"expression", "SELECT format('%s', email) FROM customers", true},
	{"expression", "SELECT concat(first_name, '') FROM customers", true},
	{"expression", "SELECT CASE WHEN id > 0 THEN email END FROM customers", true},
	{"expression", "SELECT coalesce(email, 'x') FROM customers", true},
	{"expression", "SELECT reverse(email) FROM customers", true},
	{"expression", "SELECT encode(convert_to(email, 'UTF8'), 'base64') FROM customers", true},
	{"expression", "SELECT md5(email) FROM customers", true},
	{"expression", `SELECT email COLLATE "C" FROM customers`, true},
	{"alias", "SELECT email AS id FROM customers", true},
	{"alias", "SELECT first_name AS country, email AS created_at FROM customers", true},
	{"whole-row", "SELECT c FROM customers c", true},
	{"whole-row", "SELECT c.*::text FROM customers c", true},
	{"whole-row", "SELECT row_to_json(c) FROM customers c", true},
	{"whole-row", "SELECT to_jsonb(c) FROM customers c", true},
	{"whole-row", "SELECT ROW(c.*) FROM customers c", true},
	{"whole-row", "SELECT (c).email FROM customers c", true},
	{"whole-row", "SELECT json_agg(c) FROM customers c", true},
	{"aggregate", "SELECT max(email) FROM customers", true},
	{"aggregate", "SELECT string_agg(email, ',') FROM customers", true},
	{"aggregate", "SELECT array_agg(first_name) FROM customers", true},
	{"aggregate", "SELECT id, max(email) FROM customers GROUP BY id", true},
	{"window", "SELECT first_value(email) OVER (ORDER BY id) FROM customers", true},
	{"window", "SELECT lag(email) OVER (ORDER BY id) FROM customers", true},
	{"constructor", "SELECT ARRAY[email] FROM customers", true},
	{"constructor", "SELECT json_build_object('e', email) FROM customers", true},
	{"constructor", "SELECT xmlelement(name x, email) FROM customers", true},
	{"json", "SELECT profile->>'email' FROM customers", true},
	{"json", "SELECT jsonb_path_query(profile, '$.email') FROM customers", true},
	{"json", "SELECT profile FROM customers", true},
	// Queries that hide where a column comes from.
	{"subquery", "SELECT e FROM (SELECT email AS e FROM customers) s", true},
	{"cte", "WITH x AS (SELECT email FROM customers) SELECT * FROM x", true},
	{"cte", "WITH RECURSIVE r(e, n) AS (SELECT email, 1 FROM customers UNION ALL SELECT e, n + 1 FROM r WHERE n < 2) SELECT e FROM r", true},
	{"lateral", "SELECT x.e FROM customers c, LATERAL (SELECT c.email AS e) x", true},
	{"scalar subquery", "SELECT (SELECT email FROM customers ORDER BY id LIMIT 1)", true},
	{"set operation", "SELECT email FROM customers UNION SELECT 'x'", true},
	{"set operation", "SELECT 'x' UNION ALL SELECT email FROM customers", true},
	{"set operation", "SELECT email FROM customers INTERSECT SELECT email FROM customers", true},
	{"identifier", `SELECT U&"\0065mail" FROM customers`, true},
	{"identifier", `SELECT "email" FROM "public"."customers"`, true},
	{"identifier", `SELECT t.f FROM customers AS t(i, c, f)`, true},
	{"multi-statement", "SELECT 1; SELECT email FROM customers", true},
	{"natural join", "SELECT * FROM customers NATURAL JOIN (SELECT id FROM customers) x", true},
	{"using join", "SELECT * FROM customers JOIN customers c2 USING (email)", true},
	// Rows without a RowDescription.
	{"copy", "COPY customers TO STDOUT", true},
	{"copy", "COPY (SELECT email FROM customers) TO STDOUT", true},
	{"copy", "COPY customers TO STDOUT (FORMAT csv)", true},
	// Text channels around the rows.
	{"error text", "SELECT email::int FROM customers WHERE id = (SELECT min(id) FROM customers)", true},
	{"error text", "SELECT first_name::numeric FROM customers WHERE id = (SELECT min(id) FROM customers)", true},
	{"error text", "SELECT 1 / 0 FROM customers WHERE email = '" + canary + "@example.com'", false},
	{"raise", "DO $$ BEGIN RAISE NOTICE '%', (SELECT email FROM customers ORDER BY id LIMIT 1); END $$", true},
	{"raise", "DO $$ BEGIN RAISE EXCEPTION '%', (SELECT email FROM customers ORDER BY id LIMIT 1); END $$", true},
	{"notify", "SELECT pg_notify('x', email) FROM customers", false},
	// Catalogs and functions that hold or fetch data.
	{"statistics", "SELECT histogram_bounds::text FROM pg_stats WHERE attname = 'email'", true},
	{"statistics", "SELECT * FROM pg_stats", true},
	{"activity", "SELECT query FROM pg_stat_activity", false},
	{"sql from string", "SELECT query_to_xml('select email from customers', true, true, '')", true},
	{"sql from string", "SELECT table_to_xml('customers', true, true, '')", true},
	// Writes used to copy data somewhere unmasked.
	{"write", "CREATE TEMP TABLE leak AS SELECT email FROM customers", false},
	{"write", "SELECT email INTO TEMP leak2 FROM customers", false},
	{"write", "UPDATE customers SET email = email RETURNING email", false},
	{"write", "SET default_transaction_read_only = off", false},
	{"write", "BEGIN READ WRITE", false},
}

// TestLeaks runs every case through the proxy with the simple query
// protocol and with the extended protocol in text and in binary result
// format, and asserts that no form of the canary is among the bytes the
// client received; the direct run on the server is the poison control.
func TestLeaks(t *testing.T) {
	client, upstream, _ := startProxy(t)
	plantCanaries(t, upstream)
	forms := canaryForms()
	ctx := context.Background()

	pc, rec := dialRecorded(t, client)
	direct, err := pgconn.Connect(ctx, upstream)
	if err != nil {
		t.Fatal(err)
	}
	defer direct.Close(ctx)

	contains := func(b []byte) bool {
		for _, f := range forms {
			if bytes.Contains(b, f) {
				return true
			}
		}
		return false
	}
	protocols := []struct {
		name string
		run  func(sql string)
	}{
		{"simple", func(sql string) { pc.Exec(ctx, sql).ReadAll() }},
		{"extended-text", func(sql string) { pc.ExecParams(ctx, sql, nil, nil, nil, nil).Read() }},
		{"extended-binary", func(sql string) { pc.ExecParams(ctx, sql, nil, nil, nil, []int16{1}).Read() }},
	}
	for _, lc := range leakCases {
		t.Run(lc.class+"/"+lc.sql, func(t *testing.T) {
			for _, proto := range protocols {
				rec.take()
				proto.run(lc.sql)
				if got := rec.take(); contains(got) {
					t.Errorf("%s protocol: canary reached the client through the proxy (%d bytes received)", proto.name, len(got))
				}
				if pc.IsClosed() {
					t.Fatalf("%s protocol: the proxy closed the session", proto.name)
				}
			}
			if !pc.IsClosed() {
				// The session must still work after a refusal.
				if _, err := pc.Exec(ctx, "SELECT 1").ReadAll(); err != nil {
					t.Fatalf("session broken after the case: %v", err)
				}
			}
			if lc.direct {
				// Poison control: the same statement on the server itself
				// shows the canary, so the case exercises a real path.
				var seen bytes.Buffer
				mrr := direct.Exec(ctx, lc.sql)
				res, err := mrr.ReadAll()
				for _, r := range res {
					for _, row := range r.Rows {
						for _, v := range row {
							seen.Write(v)
						}
					}
				}
				if err != nil {
					seen.WriteString(err.Error())
					if pe, ok := err.(*pgconn.PgError); ok {
						seen.WriteString(pe.Detail + pe.Where)
					}
				}
				if !contains(seen.Bytes()) && !strings.HasPrefix(lc.sql, "COPY") && !strings.HasPrefix(lc.sql, "DO") {
					t.Errorf("poison control: the statement shows no canary even on the server, so this case tests nothing")
				}
			}
		})
	}
}
