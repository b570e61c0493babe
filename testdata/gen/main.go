// Command gen writes the pgveil sample database as SQL: the schema (unless
// -schema=false) and deterministic, realistic-looking personal data for the
// support database of a bank-software vendor, loaded with COPY.
//
//	go run ./testdata/gen -scale 0.01 | psql -v ON_ERROR_STOP=1 -d sample
//
// The same -scale and -seed always give byte-identical output. Rows are
// derived from their index alone, so memory stays constant at any scale.
// Scale 1 is about 10 MB of table data.
package main

import (
	"bufio"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

//go:embed schema.sql
var schemaSQL string

const postDataMarker = "-- pgveil:post-data\n"

const defaultSeed = 20240611

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scale := fs.Float64("scale", 1, "size factor: 1 is about 10 MB of table data, row counts scale linearly (min 1 row per table)")
	seed := fs.Uint64("seed", defaultSeed, "random seed; the same scale and seed give identical output")
	withSchema := fs.Bool("schema", true, "write the schema around the data (tables first, keys and indexes after the data)")
	schemaOnly := fs.Bool("schema-only", false, "write only the schema (testdata/schema.sql) and exit")
	labelsFile := fs.String("labels", "", "also write FILE: one JSON line per personal value planted in free text (byte offsets into the stored text)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *schemaOnly {
		_, err := io.WriteString(stdout, schemaSQL)
		return err
	}
	if math.IsNaN(*scale) || math.IsInf(*scale, 0) || *scale <= 0 {
		return fmt.Errorf("-scale must be a positive number, not %v", *scale)
	}
	n := countsFor(*scale)
	if n.accounts >= maxAccounts || n.cards >= maxCards || n.customers >= maxCustomers || n.users >= badgeSpace ||
		n.users > math.MaxInt32 {
		return fmt.Errorf("-scale %v is too large for the unique-code spaces (max about 10000)", *scale)
	}
	out := bufio.NewWriterSize(stdout, 4<<20)
	g := newGen(*seed, n)
	var lf *os.File
	if *labelsFile != "" {
		f, err := os.Create(*labelsFile)
		if err != nil {
			return err
		}
		defer f.Close()
		lf = f
		g.lw = &labelWriter{out: bufio.NewWriterSize(f, 1<<20)}
	}
	if err := write(out, g, *scale, *withSchema); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if lf != nil {
		if err := g.lw.out.Flush(); err != nil {
			return fmt.Errorf("write labels: %w", err)
		}
		if err := lf.Close(); err != nil {
			return fmt.Errorf("write labels: %w", err)
		}
	}
	return nil
}

type table struct {
	name, columns string
	rows          func(*gen, *rowWriter) int64
	idColumn      string
}

// Load order follows the foreign keys, so the data also loads into a
// database that already has every constraint (-schema=false).
var tables = []table{
	{"public.customers", "id, customer_code, first_name, last_name, email, phone, fax, birth_date, street, postcode, city, country, profile, created_at", (*gen).writeCustomers, "id"},
	{"public.users", "id, login_email, badge_code, display_name, role, created_at", (*gen).writeUsers, "id"},
	{"public.contacts", "id, customer_id, role, first_name, last_name, email, phone, note", (*gen).writeContacts, "id"},
	{"public.accounts", "id, customer_id, iban, currency, balance, opened_on", (*gen).writeAccounts, "id"},
	{"public.payment_cards", "id, account_id, card_number, holder_name, expires_on", (*gen).writeCards, "id"},
	{"public.tickets", "id, customer_id, assigned_to, subject, body, status, opened_at, tags", (*gen).writeTickets, "id"},
	{"public.audit_log", "id, user_id, action, detail, at", (*gen).writeAudit, "id"},
}

func write(out *bufio.Writer, g *gen, scale float64, withSchema bool) error {
	pre, post, ok := strings.Cut(schemaSQL, postDataMarker)
	if !ok {
		return errors.New("schema.sql lacks the post-data marker")
	}
	fmt.Fprintf(out, "-- pgveil sample data: scale %s, seed %d (go run ./testdata/gen)\n",
		strconv.FormatFloat(scale, 'g', -1, 64), g.seed)
	out.WriteString("SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nBEGIN;\n\n")
	if withSchema {
		out.WriteString(pre)
	}
	w := &rowWriter{out: out}
	last := make([]int64, len(tables))
	for i, t := range tables {
		fmt.Fprintf(out, "COPY %s (%s) FROM stdin;\n", t.name, t.columns)
		last[i] = t.rows(g, w)
		out.WriteString("\\.\n\n")
		if w.err != nil {
			return fmt.Errorf("write %s: %w", t.name, w.err)
		}
	}
	// Explicit ids went into GENERATED ALWAYS identity columns (COPY allows
	// that); move the sequences past them so later INSERTs work.
	for i, t := range tables {
		fmt.Fprintf(out, "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('%s', '%s'), %d, true);\n",
			t.name, t.idColumn, last[i])
	}
	out.WriteString("\n")
	if withSchema {
		out.WriteString(post)
	}
	_, err := out.WriteString("\nCOMMIT;\n")
	return err
}
