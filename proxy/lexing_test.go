package proxy

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// Settings under which the server lexes a statement otherwise than the
// analysis (pg_query lexes UTF-8 with standard_conforming_strings on): text
// the analysis takes for one string constant would be code for the server.
// The proxy refuses them, as a SET and as the session's start-up value.

// TestStandardConformingStringsOffRefused: with standard_conforming_strings
// off, a backslash before a quote escapes it for the server and not for
// pg_query (smuggled runs email::text over customers). The SET is refused,
// and a database whose default is off gets no session at all; either way no
// canary reaches the client.
func TestStandardConformingStringsOffRefused(t *testing.T) {
	client, upstream := canaryProxy(t)
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

// TestClientEncodingSJISRefused: the same lexing split through
// client_encoding: PostgreSQL converts the text from SJIS before lexing it,
// pg_query lexes the bytes as UTF-8. E3 82 83 5C is U+3083 and a backslash
// in UTF-8, but two SJIS characters (E3 82, 83 5C) for the server, so
// inside E'...' pg_query would see an escaped quote where the server has
// none. The SET is refused, and so is a session asking at startup for an
// encoding whose multibyte characters can end in a backslash or a quote
// byte (SJIS, BIG5, GBK); LATIN1 is safe and accepted.
func TestClientEncodingSJISRefused(t *testing.T) {
	client, _ := canaryProxy(t)
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
