package proxy

import (
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

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

// send writes messages and flushes them.
func (c *rawConn) send(ms ...pgproto3.FrontendMessage) {
	c.t.Helper()
	for _, m := range ms {
		c.fe.Send(m)
	}
	if err := c.fe.Flush(); err != nil {
		c.t.Fatal(err)
	}
}

// TestQueryInsideExtendedBatchKeepsPortalPlan: a Query message sent while
// extended-protocol messages are still unanswered (no Sync yet) must not
// take their answers for its own: the RowDescription of the client's
// Describe of a portal, and the portal's rows, belong to the portal's
// statement. Here the portal selects masked e-mails without an origin (a
// scalar subquery) and the simple statement is one non-sensitive constant
// column: judged under the simple statement's lineage, the portal's rows
// would go out as they are.
func TestQueryInsideExtendedBatchKeepsPortalPlan(t *testing.T) {
	client, _ := canaryProxy(t)
	c := dialRaw(t, client)
	// Parse and Bind, answered up to a Flush: the portal stays open (no Sync).
	c.send(&pgproto3.Parse{Query: "SELECT (SELECT email FROM customers c2 WHERE c2.id = c.id) AS email FROM customers c"},
		&pgproto3.Bind{}, &pgproto3.Flush{})
	if got := c.readTo("BindComplete", "ErrorResponse"); len(got) != 2 || got[0].kind != "ParseComplete" || got[1].kind != "BindComplete" {
		t.Fatalf("want ParseComplete, BindComplete; got %v", kinds(got))
	}
	c.rec.take()
	c.send(&pgproto3.Describe{ObjectType: 'P'}, &pgproto3.Execute{}, &pgproto3.Query{String: "SELECT 'x'::text AS email"})
	got := c.readTo("ReadyForQuery")
	if b := c.rec.take(); containsAny(b, canaryForms()) {
		t.Errorf("LEAK: Describe P + Execute + Query %q; answers %v; canary on the wire: %q",
			"SELECT 'x'::text AS email", kinds(got), excerpt(b, canaryForms()))
	}
}
