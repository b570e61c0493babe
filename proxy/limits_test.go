package proxy

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestProxyLimits: a session idle past proxy.idle_timeout and a message over
// proxy.max_message_size end with a FATAL error that says why (SQLSTATE and
// hint), and other sessions go on.
func TestProxyLimits(t *testing.T) {
	client, _, _ := startProxyWith(t, "  idle_timeout: 300ms\n  max_message_size: 8192\n")
	ctx := context.Background()
	fatal := func(err error) *pgconn.PgError {
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Severity != "FATAL" {
			t.Fatalf("want a FATAL error from the proxy, got %v", err)
		}
		return pe
	}

	t.Run("idle timeout", func(t *testing.T) {
		c, err := pgconn.Connect(ctx, client)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "SELECT 1").ReadAll(); err != nil {
			t.Fatal(err)
		}
		// A busy session is not idle: a query that usually runs longer than
		// the timeout.
		if _, err := c.Exec(ctx, "SELECT count(*) FROM generate_series(1, 8000000)").ReadAll(); err != nil {
			t.Fatalf("a statement running past the idle timeout was cut: %v", err)
		}
		time.Sleep(900 * time.Millisecond)
		_, err = c.Exec(ctx, "SELECT 1").ReadAll()
		if err == nil {
			t.Fatal("the idle session still works")
		}
		// The FATAL came before the close; pgconn reads it on the next use.
		if pe := fatal(err); pe.Code != "57P05" || pe.Hint == "" {
			t.Errorf("idle timeout: %s %q hint %q", pe.Code, pe.Message, pe.Hint)
		}
	})

	t.Run("message too large", func(t *testing.T) {
		c, err := pgconn.Connect(ctx, client)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		_, err = c.Exec(ctx, "SELECT '"+strings.Repeat("x", 20000)+"'").ReadAll()
		pe := fatal(err)
		if pe.Code != "08P01" || !strings.Contains(pe.Message, "over the limit of 8192") || pe.Hint == "" {
			t.Errorf("too large: %s %q hint %q", pe.Code, pe.Message, pe.Hint)
		}
		if strings.Contains(pe.Message, "xxxx") {
			t.Error("the refused message's content was echoed")
		}
		// Another session is unaffected.
		d, err := pgconn.Connect(ctx, client)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close(ctx)
		if _, err := d.Exec(ctx, "SELECT '"+strings.Repeat("y", 1000)+"'").ReadAll(); err != nil {
			t.Errorf("a message under the limit: %v", err)
		}
	})
}
