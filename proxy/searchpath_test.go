package proxy

import (
	"testing"

	"github.com/jackc/pgx/v5/pgproto3"
)

// The search_path the analysis resolves names with must be the server's at
// every statement. Each test here makes them differ unless the proxy
// follows the server: a schema shadow whose view customers has the masked
// public.customers.email as its country column, which the rules keep for
// public.customers. Were the proxy to believe public while the server
// reads shadow, the view would report itself as the origin, the lineage
// (public.customers.country, kept) would decide, and the e-mails would go
// out as they are.

// shadowFixtures create the shadow schema and its view over the e-mails.
var shadowFixtures = []string{
	`CREATE SCHEMA shadow`,
	`CREATE VIEW shadow.customers AS SELECT id, email AS country FROM public.customers`,
}

// TestSetLocalSearchPathDefaultReadsServerPath: SET LOCAL search_path TO
// DEFAULT sets the path, for the rest of the transaction, to the session's
// default (the database's here, "shadow, public"), not to the value of the
// session's last SET (public). The proxy must read the path from the
// server instead of going on with the SET value. Simple protocol.
func TestSetLocalSearchPathDefaultReadsServerPath(t *testing.T) {
	client, upstream := canaryProxy(t, append(shadowFixtures,
		`ALTER DATABASE "{{dbname}}" SET search_path = shadow, public`)...)
	runStepsNoCanary(t, client, upstream, []string{
		"SET search_path = public",
		"BEGIN",
		"SET LOCAL search_path TO DEFAULT",
		"SELECT country FROM customers",
	})
}

// TestSetAfterSetLocalSearchPathTakesEffect: inside a transaction, a plain
// SET after a SET LOCAL of search_path takes effect at once (PostgreSQL:
// "SET overrides any prior action at same nest level"); the proxy must not
// keep analysing under the SET LOCAL value until the transaction ends.
// Simple protocol, one statement per Query.
func TestSetAfterSetLocalSearchPathTakesEffect(t *testing.T) {
	client, upstream := canaryProxy(t, shadowFixtures...)
	runStepsNoCanary(t, client, upstream, []string{
		"BEGIN",
		"SET LOCAL search_path = public",
		"SET search_path = shadow, public",
		"SELECT country FROM customers",
	})
}

// TestSearchPathReadMidBatchKeepsImplicitTransaction: after an Execute of
// SET the proxy reads search_path again before the next analysis. When a
// Flush ends the client's messages in the middle of an extended-protocol
// batch, that read happens inside the implicit transaction that lasts until
// Sync, where SET LOCAL search_path = public holds. The read must neither
// end that transaction (the server's path would go back to the session's
// "shadow, public") nor take the local value for the session's: the next
// Parse, sent before Sync, is analysed under the path the server parses it
// with.
func TestSearchPathReadMidBatchKeepsImplicitTransaction(t *testing.T) {
	client, _ := canaryProxy(t, shadowFixtures...)
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
