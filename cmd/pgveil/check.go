package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/urfave/cli/v2"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/coverage"
	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// checkConnectTimeout bounds the connection attempt when the DSN sets none, so an
// unreachable host fails the CI job instead of hanging it.
const checkConnectTimeout = 30 * time.Second

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "report how the rules cover the live schema; exit 1 on any problem (for CI)",
		UsageText: "pgveil check --config pgveil.yaml [--dsn URL] [--strict] [--json]",
		Description: "Prints one line per column of every table (table, column, type, mask, and where the\n" +
			"decision comes from: rule, type, table default or unlisted) and exits 1, with one line\n" +
			"per problem on stderr, when a rule names a table or column that does not exist, a mask\n" +
			"does not fit its column, a primary-key or unique column has a mask that is not bijective,\n" +
			"the two ends of a foreign key are masked in different pseudonym domains, or (--strict)\n" +
			"a column is unlisted. The masking key is not needed.",
		Flags: []cli.Flag{
			configFlag(),
			dsnFlag(),
			&cli.BoolFlag{Name: "strict", Usage: "also fail on every column no rule classifies"},
			&cli.BoolFlag{Name: "json", Usage: "print the report as JSON (an object with columns and problems)"},
		},
		Action: runCheck,
	}
}

func runCheck(c *cli.Context) error {
	if c.NArg() > 0 {
		return cli.Exit(fmt.Sprintf("check takes no arguments (got %q); use --config FILE and --dsn URL", c.Args().First()), 2)
	}
	log, err := newLogger(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	r, err := loadRules(c, rules.Options{NoKey: true})
	if err != nil {
		return err
	}
	snap, err := checkLoadCatalog(c.Context, c.String("dsn"))
	if err != nil {
		return fmt.Errorf("check: %s", checkOneLine(err.Error()))
	}
	rep := coverage.Check(snap, r, c.Bool("strict"))
	log.Debug().Int("relations", len(snap.Tables)).Int("columns", len(rep.Rows)).
		Int("problems", len(rep.Problems)).Msg("check complete")

	if c.Bool("json") {
		err = writeCheckJSON(c.App.Writer, rep)
	} else {
		err = writeCheckTable(c.App.Writer, rep)
	}
	if err != nil {
		return fmt.Errorf("check: write report: %w", err)
	}
	if rep.OK() {
		return nil
	}
	// One line per problem, then the error (printed by run) sums them up.
	for _, p := range rep.Problems {
		fmt.Fprintf(c.App.ErrWriter, "pgveil: check: %s\n", checkOneLine(p.String()))
	}
	noun := "problems"
	if len(rep.Problems) == 1 {
		noun = "problem"
	}
	return cli.Exit(fmt.Sprintf("check: %d %s: the rules do not match the database schema", len(rep.Problems), noun), 1)
}

// checkLoadCatalog reads the schema in one read-only REPEATABLE READ transaction,
// so the report describes one consistent moment.
func checkLoadCatalog(ctx context.Context, dsn string) (*catalog.Snapshot, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("connection settings: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = checkConnectTimeout
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("cannot connect to the database: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	return catalog.Load(ctx, tx)
}

// checkOneLine keeps a message on one line, whatever a driver error holds:
// lines are joined and repeated ones (pgx reports each TLS/plain attempt at
// the same address) dropped.
func checkOneLine(s string) string {
	var b strings.Builder
	seen := map[string]bool{}
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" || seen[line] {
			continue
		}
		seen[line] = true
		if b.Len() > 0 {
			if strings.HasSuffix(b.String(), ":") {
				b.WriteByte(' ')
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

// maskText is the MASK cell: the mask, with the semantic type it comes from.
func maskText(row coverage.Row) string {
	if row.RowsNone {
		return "(rows: none)"
	}
	if row.Type != "" {
		return row.Type + " (" + row.Mask + ")"
	}
	return row.Mask
}

// sourceText is the SOURCE cell; a rule inherited from a parent table names it.
func sourceText(row coverage.Row) string {
	s := row.Source.String()
	if row.RowsNone {
		s = "rows: none"
	}
	if row.RulesTable != row.Table && row.Source != rules.SourceUnlisted {
		s += " of " + row.RulesTable.String()
	}
	return s
}

func writeCheckTable(w io.Writer, rep coverage.Report) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TABLE\tCOLUMN\tTYPE\tMASK\tSOURCE")
	for _, row := range rep.Rows {
		col := row.Column
		if row.Generated {
			col += " (generated)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", row.Table, col, row.TypeSQL, maskText(row), sourceText(row))
	}
	return tw.Flush()
}

type checkJSON struct {
	Columns  []columnJSON  `json:"columns"`
	Problems []problemJSON `json:"problems"`
}

type columnJSON struct {
	Table      string `json:"table"`
	Column     string `json:"column"`
	Type       string `json:"type"`
	Mask       string `json:"mask"`
	Semantic   string `json:"semantic_type,omitempty"`
	Source     string `json:"source"`
	RulesTable string `json:"rules_table"`
	RowsNone   bool   `json:"rows_none"`
	Generated  bool   `json:"generated"`
}

type problemJSON struct {
	Kind     string `json:"kind"`
	Position string `json:"position,omitempty"`
	Table    string `json:"table,omitempty"`
	Column   string `json:"column,omitempty"`
	Message  string `json:"message"`
}

func writeCheckJSON(w io.Writer, rep coverage.Report) error {
	out := checkJSON{Columns: make([]columnJSON, 0, len(rep.Rows)), Problems: make([]problemJSON, 0, len(rep.Problems))}
	for _, row := range rep.Rows {
		out.Columns = append(out.Columns, columnJSON{
			Table: row.Table.String(), Column: row.Column, Type: row.TypeSQL, Mask: row.Mask, Semantic: row.Type,
			Source: row.Source.String(), RulesTable: row.RulesTable.String(), RowsNone: row.RowsNone, Generated: row.Generated,
		})
	}
	for _, p := range rep.Problems {
		pj := problemJSON{Kind: p.Kind.String(), Position: p.Pos.String(), Column: p.Column, Message: p.Msg}
		if p.Table != (relname.Name{}) {
			pj.Table = p.Table.String()
		}
		out.Problems = append(out.Problems, pj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
