package proxy

import (
	"context"
	"encoding/binary"
	"fmt"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// The extended query protocol and the FunctionCall message driven message
// by message, as no driver does: statements and portals reordered, reused,
// suspended and closed, pipelines cut by errors. Every row must come back
// masked exactly as a plain SELECT through the proxy masks it.

// rawConn is an authenticated connection (pgconn does the startup and the
// SCRAM exchange, then hands over the stream) recording what it reads.
type rawConn struct {
	t   *testing.T
	fe  *pgproto3.Frontend
	c   net.Conn
	rec *recordingConn
}

func dialRaw(t *testing.T, dsn string) *rawConn {
	t.Helper()
	pc, rec := dialRecorded(t, dsn)
	hc, err := pc.Hijack()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { hc.Conn.Close() })
	rec.take()
	return &rawConn{t: t, fe: hc.Frontend, c: hc.Conn, rec: rec}
}

// reply is a backend message copied out of the frontend's buffers.
type reply struct {
	kind    string // "DataRow", "ErrorResponse", ...
	values  [][]byte
	code    string // ErrorResponse
	text    string // ErrorResponse message, CommandComplete tag
	formats []int16
	tx      byte // ReadyForQuery
}

func copyMsg(m pgproto3.BackendMessage) reply {
	out := reply{kind: strings.TrimPrefix(fmt.Sprintf("%T", m), "*pgproto3.")}
	switch m := m.(type) {
	case *pgproto3.DataRow:
		for _, v := range m.Values {
			if v == nil {
				out.values = append(out.values, nil)
			} else {
				out.values = append(out.values, append([]byte{}, v...))
			}
		}
	case *pgproto3.ErrorResponse:
		out.code, out.text = m.Code, m.Message
	case *pgproto3.CommandComplete:
		out.text = string(m.CommandTag)
	case *pgproto3.RowDescription:
		for _, f := range m.Fields {
			out.formats = append(out.formats, f.Format)
		}
	case *pgproto3.ReadyForQuery:
		out.tx = m.TxStatus
	case *pgproto3.FunctionCallResponse:
		out.values = [][]byte{append([]byte{}, m.Result...)}
	}
	return out
}

// roundTrip sends one batch and reads its answers: up to a ReadyForQuery
// for every Sync, Query and FunctionCall, or, for a batch ending with
// Flush, until every Execute has completed or been suspended. A proxy that
// hangs fails the test after 10 seconds.
func (c *rawConn) roundTrip(batch ...pgproto3.FrontendMessage) []reply {
	c.t.Helper()
	ready, executes := 0, 0
	for _, m := range batch {
		c.fe.Send(m)
		switch m.(type) {
		case *pgproto3.Sync, *pgproto3.Query, *pgproto3.FunctionCall:
			ready++
		case *pgproto3.Execute:
			executes++
		}
	}
	if err := c.fe.Flush(); err != nil {
		c.t.Fatalf("send: %v", err)
	}
	c.c.SetReadDeadline(time.Now().Add(10 * time.Second))
	defer c.c.SetReadDeadline(time.Time{})
	syncLike := ready > 0
	var out []reply
	for syncLike && ready > 0 || !syncLike && executes > 0 {
		m, err := c.fe.Receive()
		if err != nil {
			c.t.Fatalf("no answer (the proxy hangs or closed the connection): %v; received so far: %v", err, kinds(out))
		}
		cm := copyMsg(m)
		out = append(out, cm)
		switch cm.kind {
		case "ReadyForQuery":
			ready--
		case "CommandComplete", "PortalSuspended", "EmptyQueryResponse", "ErrorResponse":
			executes--
		}
	}
	return out
}

func kinds(ms []reply) []string {
	var k []string
	for i, m := range ms {
		if m.kind == "DataRow" && i > 0 && ms[i-1].kind == "DataRow" {
			continue
		}
		k = append(k, m.kind)
	}
	return k
}

// groups splits the DataRows of an answer by the Execute they answer.
func groups(ms []reply) [][][][]byte {
	var out [][][][]byte
	var cur [][][]byte
	for _, m := range ms {
		switch m.kind {
		case "DataRow":
			cur = append(cur, m.values)
		case "CommandComplete", "PortalSuspended":
			out = append(out, cur)
			cur = nil
		}
	}
	return out
}

func count(ms []reply, kind string) int {
	n := 0
	for _, m := range ms {
		if m.kind == kind {
			n++
		}
	}
	return n
}

// masks maps a customer id to the e-mail a plain SELECT through the proxy
// returns for it.
type masks map[string]string

func plainMasks(t *testing.T, client string) masks {
	t.Helper()
	pc, _ := dialRecorded(t, client)
	res := runSimple(context.Background(), pc, "SELECT id, email FROM customers")
	if res.err != nil || len(res.rows) == 0 {
		t.Fatalf("plain SELECT through the proxy: %v", res.err)
	}
	m := masks{}
	for _, r := range res.rows {
		m[string(r[0])] = string(r[1])
	}
	return m
}

// idText decodes an id column in text or binary (int8) format.
func idText(v []byte, format int16) string {
	if format == 1 && len(v) == 8 {
		return strconv.FormatInt(int64(binary.BigEndian.Uint64(v)), 10)
	}
	return string(v)
}

// checkEmails: every row is (id, email) with the e-mail masked as a plain
// SELECT masks it; want rows in all.
func (m masks) checkEmails(t *testing.T, what string, rows [][][]byte, format int16, want int) {
	t.Helper()
	for _, r := range rows {
		if len(r) != 2 {
			t.Errorf("%s: row of %d columns, want (id, email)", what, len(r))
			return
		}
		id := idText(r[0], format)
		if got, ok := m[id]; !ok || got != string(r[1]) {
			t.Errorf("%s: id %s: e-mail %q, want the plain SELECT's mask %q", what, id, r[1], got)
			return
		}
	}
	if len(rows) != want {
		t.Errorf("%s: %d rows, want %d", what, len(rows), want)
	}
}

const (
	emailsQuery = "SELECT id, email FROM customers ORDER BY id"
	namesQuery  = "SELECT id, first_name FROM customers ORDER BY id"
	keptQuery   = "SELECT id, country FROM customers ORDER BY id"
	// The server reports no base column as the origin of these e-mails:
	// the proxy goes by its analysis of the statement.
	viewQuery  = "SELECT id, contact FROM v_email ORDER BY id"
	unionQuery = "SELECT id, email FROM customers UNION ALL SELECT id, email FROM customers WHERE false ORDER BY 1"
)

func parse(name, sql string) *pgproto3.Parse { return &pgproto3.Parse{Name: name, Query: sql} }
func bind(portal, stmt string, format int16) *pgproto3.Bind {
	return &pgproto3.Bind{DestinationPortal: portal, PreparedStatement: stmt, ResultFormatCodes: []int16{format}}
}
func execute(portal string, maxRows uint32) *pgproto3.Execute {
	return &pgproto3.Execute{Portal: portal, MaxRows: maxRows}
}
func describe(kind byte, name string) *pgproto3.Describe {
	return &pgproto3.Describe{ObjectType: kind, Name: name}
}
func closeMsg(kind byte, name string) *pgproto3.Close {
	return &pgproto3.Close{ObjectType: kind, Name: name}
}
func query(sql string) *pgproto3.Query { return &pgproto3.Query{String: sql} }

var syncMsg = &pgproto3.Sync{}

// interleaving is a scenario: batches of messages, the checks of the
// proxy's answers (one []reply per batch) and whether the same batches sent
// to the server show the canary (the poison control).
type interleaving struct {
	name    string
	batches func(f int16) [][]pgproto3.FrontendMessage
	check   func(t *testing.T, got [][]reply, m masks, f int16, n int)
	control bool
}

var interleavings = []interleaving{
	{name: "Execute without any Describe", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{{parse("", emailsQuery), bind("", "", f), execute("", 0), syncMsg}}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			if count(got[0], "RowDescription") != 0 {
				t.Errorf("a RowDescription nobody asked for reached the client: %v", kinds(got[0]))
			}
			m.checkEmails(t, "rows", groups(got[0])[0], f, n)
		}},
	{name: "reordered Parse Describe Bind Execute", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{{parse("s1", emailsQuery), describe('S', "s1"), bind("p1", "s1", f),
				parse("s2", namesQuery), execute("p1", 0), describe('P', "p1"), bind("p2", "s2", f), describe('S', "s2"),
				execute("p2", 0), syncMsg}}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			g := groups(got[0])
			if len(g) != 2 {
				t.Fatalf("want two results, got %v", kinds(got[0]))
			}
			m.checkEmails(t, "p1", g[0], f, n)
			if len(g[1]) != n {
				t.Errorf("p2: %d rows, want %d", len(g[1]), n)
			}
		}},
	{name: "named statement bound to two portals, then again after Sync", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{
				{parse("s", emailsQuery), bind("a", "s", f), bind("b", "s", f), execute("b", 0), execute("a", 0), syncMsg},
				{bind("", "s", f), execute("", 0), syncMsg},
			}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			g := groups(got[0])
			if len(g) != 2 {
				t.Fatalf("want two results, got %v", kinds(got[0]))
			}
			m.checkEmails(t, "portal b", g[0], f, n)
			m.checkEmails(t, "portal a", g[1], f, n)
			m.checkEmails(t, "rebound after Sync", groups(got[1])[0], f, n)
		}},
	{name: "PortalSuspended and resume in one Sync", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{{parse("", emailsQuery), bind("p", "", f), execute("p", 2), execute("p", 2),
				execute("p", 0), syncMsg}}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			if s := count(got[0], "PortalSuspended"); s != 2 {
				t.Errorf("%d PortalSuspended, want 2: %v", s, kinds(got[0]))
			}
			var all [][][]byte
			for _, g := range groups(got[0]) {
				all = append(all, g...)
			}
			m.checkEmails(t, "all rows", all, f, n)
		}},
	{name: "PortalSuspended and resume across Flush and Sync in a transaction", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{
				{query("BEGIN")},
				{parse("s", emailsQuery), bind("p", "s", f), execute("p", 2), &pgproto3.Flush{}},
				{execute("p", 2), syncMsg},
				{execute("p", 2), describe('P', "p"), syncMsg},
				{execute("p", 0), syncMsg},
				{query("COMMIT")},
			}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			var all [][][]byte
			suspended := 0
			for _, b := range got[1:5] {
				suspended += count(b, "PortalSuspended")
				for _, g := range groups(b) {
					all = append(all, g...)
				}
			}
			if suspended != 3 {
				t.Errorf("%d PortalSuspended, want 3", suspended)
			}
			m.checkEmails(t, "all rows", all, f, n)
		}},
	{name: "pipeline of three statements before one Sync", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{{parse("", keptQuery), bind("", "", f), execute("", 0),
				parse("", emailsQuery), bind("", "", f), describe('P', ""), execute("", 0),
				parse("", namesQuery), bind("", "", f), execute("", 0), syncMsg}}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			g := groups(got[0])
			if len(g) != 3 {
				t.Fatalf("want three results, got %v", kinds(got[0]))
			}
			m.checkEmails(t, "second statement", g[1], f, n)
			if len(g[0]) != n || len(g[2]) != n {
				t.Errorf("rows %d and %d, want %d", len(g[0]), len(g[2]), n)
			}
		}},
	{name: "Describe statement, then Execute in binary", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{
				{parse("s", emailsQuery), describe('S', "s"), syncMsg},
				{&pgproto3.Bind{DestinationPortal: "p", PreparedStatement: "s", ResultFormatCodes: []int16{f, 1}}, execute("p", 0), syncMsg},
			}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			if count(got[0], "RowDescription") != 1 {
				t.Errorf("Describe of the statement: %v", kinds(got[0]))
			}
			m.checkEmails(t, "binary e-mails", groups(got[1])[0], f, n)
		}},
	{name: "unnamed statement replaced after Bind", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{
				{parse("", keptQuery), bind("p", "", f), parse("", emailsQuery), execute("p", 0), bind("", "", f), execute("", 0), syncMsg},
				{parse("", emailsQuery), bind("q", "", f), parse("", keptQuery), execute("q", 0), syncMsg},
			}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			g := groups(got[0])
			if len(g) != 2 {
				t.Fatalf("want two results, got %v", kinds(got[0]))
			}
			m.checkEmails(t, "portal of the replacing statement", g[1], f, n)
			m.checkEmails(t, "portal bound before the replacement", groups(got[1])[0], f, n)
		}},
	{name: "statement closed, its portal executed", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{{parse("s", emailsQuery), bind("p", "s", f), closeMsg('S', "s"), execute("p", 0), syncMsg}}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			m.checkEmails(t, "rows", groups(got[0])[0], f, n)
		}},
	{name: "portal closed, then executed",
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{{parse("", emailsQuery), bind("p", "", f), closeMsg('P', "p"), execute("p", 0), syncMsg}}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			wantOnly(t, got[0], "ParseComplete", "BindComplete", "CloseComplete", "ErrorResponse", "ReadyForQuery")
		}},
	{name: "Execute of a portal never bound",
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{{execute("nowhere", 0), syncMsg}}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			wantOnly(t, got[0], "ErrorResponse", "ReadyForQuery")
		}},
	{name: "refusal in the middle of a pipeline skips to Sync", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{{parse("", emailsQuery), bind("", "", f), execute("", 0),
				parse("", "SELECT id, lower(email) FROM customers"), bind("", "", f), execute("", 0),
				parse("", emailsQuery), bind("", "", f), execute("", 0), describe('S', ""), syncMsg}}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			g := groups(got[0])
			if len(g) != 1 {
				t.Fatalf("want the first result only, got %v", kinds(got[0]))
			}
			m.checkEmails(t, "first statement", g[0], f, n)
			wantTail(t, got[0], "42501")
		}},
	{name: "server error in the middle of a pipeline skips to Sync",
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{{parse("", "SELECT 1/0"), bind("", "", f), execute("", 0),
				parse("", emailsQuery), bind("", "", f), execute("", 0), syncMsg}}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			if count(got[0], "DataRow") != 0 {
				t.Errorf("rows after the error: %v", kinds(got[0]))
			}
			wantTail(t, got[0], "22012")
		}},
	{name: "refused Parse leaves the unnamed statement as it was",
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{
				{parse("", keptQuery), syncMsg},
				{parse("", "SELECT id, lower(email) AS country FROM customers ORDER BY id"), syncMsg},
				{bind("", "", f), execute("", 0), syncMsg},
			}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			wantTail(t, got[1], "42501")
			if g := groups(got[2]); len(g) != 1 || len(g[0]) != n {
				t.Errorf("the earlier statement: %v", kinds(got[2]))
			}
		}},
	{name: "named statement run by SQL EXECUTE", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{{parse("s1", emailsQuery), syncMsg}, {query("EXECUTE s1")}}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			wantTail(t, got[1], "42501")
		}},
	reparsed(viewQuery),
	reparsed(unionQuery),
	// The failed Bind leaves the open portal p as it was (the savepoint
	// makes the transaction usable again): p still holds the e-mails.
	{name: "open named portal bound again, the error rolled back to a savepoint", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{
				{query("BEGIN")},
				{parse("s1", emailsQuery), parse("s2", keptQuery), bind("p", "s1", f), syncMsg},
				{query("SAVEPOINT sp")},
				{bind("p", "s2", f), syncMsg},
				{query("ROLLBACK TO SAVEPOINT sp")},
				{execute("p", 0), syncMsg},
				{query("ROLLBACK")},
			}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			wantTail(t, got[3], "42P03") // the server's: cursor "p" already exists
			if g := groups(got[5]); len(g) != 1 {
				t.Errorf("Execute of p: want its rows, got %v", kinds(got[5]))
			} else {
				m.checkEmails(t, "p after the failed Bind", g[0], f, n)
			}
		}},
	{name: "open named portal bound again, then described and executed", control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{
				{query("BEGIN")},
				{parse("s1", viewQuery), parse("s2", keptQuery), bind("p", "s1", f), syncMsg},
				{query("SAVEPOINT sp")},
				{bind("p", "s2", f), syncMsg},
				{query("ROLLBACK TO SAVEPOINT sp")},
				{describe('P', "p"), execute("p", 0), syncMsg},
				{query("ROLLBACK")},
			}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			wantTail(t, got[3], "42P03")
			if g := groups(got[5]); len(g) == 1 {
				m.checkEmails(t, "p after the failed Bind", g[0], f, n)
			}
		}},
}

// reparsed: the server refuses a second Parse under a name in use (the
// name still holds the first statement, sql); its portal shows e-mails.
func reparsed(sql string) interleaving {
	return interleaving{name: "named statement parsed again under its name: " + sql, control: true,
		batches: func(f int16) [][]pgproto3.FrontendMessage {
			return [][]pgproto3.FrontendMessage{
				{parse("s", sql), syncMsg},
				{parse("s", keptQuery), syncMsg},
				{bind("p", "s", f), execute("p", 0), syncMsg},
			}
		},
		check: func(t *testing.T, got [][]reply, m masks, f int16, n int) {
			wantTail(t, got[1], "42P05") // the server's: prepared statement "s" already exists
			if g := groups(got[2]); len(g) == 1 {
				m.checkEmails(t, "rows of s", g[0], f, n)
			}
		}}
}

// wantOnly: the answer is exactly these messages.
func wantOnly(t *testing.T, got []reply, want ...string) {
	t.Helper()
	if k := kinds(got); strings.Join(k, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", k, want)
	}
}

// wantTail: the answer ends with an error of code and ReadyForQuery, and
// nothing came between the two.
func wantTail(t *testing.T, got []reply, code string) {
	t.Helper()
	if len(got) < 2 || got[len(got)-2].kind != "ErrorResponse" || got[len(got)-2].code != code || got[len(got)-1].kind != "ReadyForQuery" {
		t.Errorf("want ErrorResponse %s then ReadyForQuery at the end, got %v", code, kinds(got))
	}
}

// TestExtendedInterleavings runs every scenario with text and with binary
// results through the proxy (no canary among the bytes, rows masked as a
// plain SELECT masks them, the session usable afterwards) and directly on
// the server (the canary among the bytes).
func TestExtendedInterleavings(t *testing.T) {
	client, upstream, _, srv := startProxyServer(t, "")
	plantCanaries(t, upstream)
	if _, err := pgtest.Connect(t, upstream).Exec(context.Background(),
		"CREATE VIEW v_email AS SELECT id, email AS contact FROM customers"); err != nil {
		t.Fatal(err)
	}
	if err := srv.loadCatalog(context.Background()); err != nil {
		t.Fatal(err)
	}
	m := plainMasks(t, client)
	if m["1"] == "" || strings.Contains(m["1"], canary) {
		t.Fatalf("the plain SELECT does not mask the canary row: %q", m["1"])
	}
	n := len(m)
	forms := canaryForms()
	for _, sc := range interleavings {
		for _, f := range []int16{0, 1} {
			t.Run(fmt.Sprintf("%s/format=%d", sc.name, f), func(t *testing.T) {
				c := dialRaw(t, client)
				var got [][]reply
				for _, b := range sc.batches(f) {
					got = append(got, c.roundTrip(b...))
				}
				if b := c.rec.take(); containsAny(b, forms) {
					t.Errorf("LEAK: a canary reached the client through the proxy: %q", excerpt(b, forms))
				}
				sc.check(t, got, m, f, n)
				after := c.roundTrip(query("SELECT 1"))
				if g := groups(after); len(g) != 1 || len(g[0]) != 1 || string(g[0][0][0]) != "1" {
					t.Errorf("the session does not work after the scenario: %v", kinds(after))
				}
				if !sc.control {
					return
				}
				d := dialRaw(t, upstream)
				for _, b := range sc.batches(f) {
					d.roundTrip(b...)
				}
				if !containsAny(d.rec.take(), forms) {
					t.Error("poison control: the same messages sent to the server show no canary, so this case tests nothing")
				}
			})
		}
	}
}
