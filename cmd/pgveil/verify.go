package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/rs/zerolog"
	"github.com/urfave/cli/v2"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/rules"
	"github.com/pgveil/pgveil/verify"
)

func verifyCommand() *cli.Command {
	return &cli.Command{
		Name:  "verify",
		Usage: "prove an anonymized dump clean: search it for every original value of the masked columns",
		UsageText: "pgveil verify -c pgveil.yaml --dsn postgres://reader@db/prod -i anon.sql.zst\n" +
			"   pgveil dump -c pgveil.yaml | pgveil verify -c pgveil.yaml [--json]",
		Description: "Reads the original values of every masked column from the source database (one\n" +
			"read-only snapshot) and streams the output (a plain SQL dump, .gz or .zst, recognised by\n" +
			"their magic bytes; stdin with -i - or no -i) through one Aho-Corasick automaton of them.\n" +
			"Each finding is one line on stdout: output line, section (COPY / INSERT table, comment,\n" +
			"setval), the table and column the value comes from, and a fingerprint - never the value.\n" +
			"The fingerprint is the first 12 hex digits of HMAC-SHA256 under the rules' masking key\n" +
			"(or, with --random-fingerprints, a random key of this run) of the lower-cased value.\n" +
			"\n" +
			"What is searched: all distinct values (or --sample N per column) of every column whose\n" +
			"mask is not keep, rows: none tables included. Matching is case-insensitive, on word\n" +
			"boundaries (letters, digits, _), and also finds a value's COPY-escaped, SQL-quoted and\n" +
			"JSON-escaped spellings; IBANs and cards also in blocks of four, phones also compact.\n" +
			"Not searched: values shorter than --min-length characters, purely numeric values with\n" +
			"fewer than 6 digits, values held by more than 10 rows and 1% of a column (enum-like);\n" +
			"columns masked with date, number, city, postcode (vocabulary shared with real data),\n" +
			"date/time/boolean/float columns and numeric ones unless an identifier mask applies,\n" +
			"and scrub columns (free text: the other columns' values are searched inside it). A\n" +
			"first_name or last_name column alone is not searched (a fake may be someone's real\n" +
			"name); a table with both is searched for \"First Last\", \"Last First\" and \"Last, First\".\n" +
			"json columns: the strings at the json mask's paths whose masks are searched. Values\n" +
			"longer than 256 bytes are searched by their first 256 bytes.\n" +
			"\n" +
			"Exit status: 0 clean, 1 findings, 2 could not verify (bad rules, database unreachable,\n" +
			"unreadable, truncated or corrupt input).",
		Flags: []cli.Flag{
			configFlag(),
			dsnFlag(),
			&cli.StringFlag{Name: "input", Aliases: []string{"i"}, Usage: "the output to verify: `FILE` (.gz/.zst decompressed), or - for stdin (the default)"},
			&cli.IntFlag{Name: "sample", Usage: "search at most `N` values per column (deterministic: first by md5); 0 = all"},
			&cli.IntFlag{Name: "min-length", Value: verify.DefaultFilter.MinLength, Usage: "shortest value searched, in `CHARACTERS`"},
			&cli.BoolFlag{Name: "json", Usage: "findings as JSON lines"},
			&cli.BoolFlag{Name: "random-fingerprints", Usage: "key fingerprints with a random key of this run (no masking key needed)"},
		},
		Action: runVerify,
	}
}

// exitError carries an exit status and keeps the error it wraps visible
// to errors.As (a rules file's problems are printed one per line).
type exitError struct {
	err  error
	code int
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }
func (e exitError) ExitCode() int { return e.code }

// cannotVerify is exit status 2.
func cannotVerify(err error) error { return exitError{err: err, code: 2} }

func runVerify(c *cli.Context) error {
	if c.NArg() > 0 {
		return cli.Exit(fmt.Sprintf("verify takes no arguments (got %q); use -i FILE or stdin", c.Args().First()), 2)
	}
	if c.Int("sample") < 0 || c.Int("min-length") < 1 {
		return cli.Exit("verify: --sample must be >= 0 and --min-length >= 1", 2)
	}
	log, err := newLogger(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	start := time.Now()
	r, key, keyName, err := verifyRules(c)
	if err != nil {
		return cannotVerify(err)
	}
	in, closeIn, err := verifyInput(c)
	if err != nil {
		return cannotVerify(fmt.Errorf("verify: %w", err))
	}
	defer closeIn()
	filter := verify.DefaultFilter
	filter.MinLength = c.Int("min-length")
	ix, cov, err := verifyIndex(c.Context, log, c.String("dsn"), r, key, filter, c.Int("sample"))
	if err != nil {
		return cannotVerify(fmt.Errorf("verify: %s", checkOneLine(err.Error())))
	}
	indexed := time.Since(start)
	out := bufio.NewWriterSize(c.App.Writer, 64<<10)
	st, err := ix.Scan(c.Context, in, findingWriter(out, c.Bool("json")))
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write findings: %w", ferr)
	}
	if err != nil {
		return cannotVerify(fmt.Errorf("verify: could not verify (%d findings so far): %s", st.Findings, checkOneLine(err.Error())))
	}
	logVerify(log, ix, cov, st, in.Format, keyName, indexed, start)
	if st.Findings > 0 {
		return cli.Exit(fmt.Sprintf("verify: %d findings: original values of masked columns are in the output", st.Findings), 1)
	}
	return nil
}

// verifyRules loads the rules and the fingerprint key.
func verifyRules(c *cli.Context) (*rules.Rules, *anonymize.Key, string, error) {
	if !c.Bool("random-fingerprints") {
		r, err := loadRules(c, rules.Options{})
		if err != nil {
			return nil, nil, "", err
		}
		return r, r.Key, "rules", nil
	}
	r, err := loadRules(c, rules.Options{NoKey: true})
	if err != nil {
		return nil, nil, "", err
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, nil, "", fmt.Errorf("random key: %w", err)
	}
	key, err := anonymize.NewKey(secret)
	return r, key, "random", err
}

// verifyInput opens -i (stdin for "" and "-") behind its decompressor.
func verifyInput(c *cli.Context) (*verify.Input, func(), error) {
	name := c.String("input")
	var src io.Reader = c.App.Reader
	closeFile := func() {}
	if name != "" && name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, fmt.Errorf("open input: %w", err)
		}
		src, closeFile = f, func() { f.Close() }
	} else {
		name = "stdin"
	}
	in, err := verify.OpenInput(src, name)
	if err != nil {
		closeFile()
		return nil, nil, err
	}
	return in, func() { in.Close(); closeFile() }, nil
}

// verifyIndex reads the catalog and the original values in one read-only
// snapshot and compiles them.
func verifyIndex(ctx context.Context, log zerolog.Logger, dsn string, r *rules.Rules, key *anonymize.Key, f verify.Filter, sample int) (*verify.Index, verify.Coverage, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, verify.Coverage{}, fmt.Errorf("connection settings: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = checkConnectTimeout
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, verify.Coverage{}, fmt.Errorf("cannot connect to the database: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, verify.Coverage{}, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	snap, err := catalog.Load(ctx, tx)
	if err != nil {
		return nil, verify.Coverage{}, fmt.Errorf("read the catalog: %w", err)
	}
	plans, err := verify.PlanColumns(snap, r)
	if err != nil {
		return nil, verify.Coverage{}, err
	}
	b := verify.NewBuilder(f)
	start := time.Now()
	if _, err := verify.Collect(ctx, tx, plans, b, verify.CollectOptions{Sample: sample}); err != nil {
		return nil, verify.Coverage{}, err
	}
	log.Debug().Int("values", b.Values()).Dur("duration", time.Since(start)).Msg("original values read")
	start = time.Now()
	ix := b.Build(key)
	log.Debug().Int("states", ix.States()).Dur("duration", time.Since(start)).Msg("automaton built")
	return ix, verify.Cover(plans), nil
}

func findingWriter(w io.Writer, asJSON bool) func(verify.Finding) error {
	if asJSON {
		enc := json.NewEncoder(w)
		return func(f verify.Finding) error { return enc.Encode(f) }
	}
	return func(f verify.Finding) error {
		_, err := fmt.Fprintln(w, f.Text())
		return err
	}
}

// logVerify writes the summary event: what was searched, what could not
// be, what was scanned and found.
func logVerify(log zerolog.Logger, ix *verify.Index, cov verify.Coverage, st verify.ScanStats, format, keyName string, indexed time.Duration, start time.Time) {
	ev := log.Info().Int("columns_searched", len(cov.Searched)).Int("columns_kept", cov.Kept).
		Int("values_indexed", ix.Values()).Int("needles", ix.Needles()).Int("states", ix.States())
	reasons := make([]string, 0, len(cov.NotSearched))
	for reason := range cov.NotSearched {
		reasons = append(reasons, reason)
	}
	sort.Strings(reasons)
	not := zerolog.Dict()
	for _, reason := range reasons {
		not = not.Strs(reason, cov.NotSearched[reason])
	}
	skipped := zerolog.Dict()
	for why, n := range ix.Skipped {
		skipped = skipped.Int64(why, n)
	}
	ev = ev.Dict("columns_not_searched", not).Dict("values_skipped", skipped).
		Str("input_format", format).Int64("bytes_scanned", st.Bytes).Int64("lines", st.Lines).
		Int64("findings", st.Findings).Str("fingerprint_key", keyName).
		Dur("index_duration", indexed).Dur("duration", time.Since(start))
	if st.DumpHeader && !st.DumpComplete {
		ev = ev.Bool("dump_complete", false)
		log.Warn().Msg("the output starts like a pg_dump plain dump but lacks its closing comment: it may be cut short")
	}
	ev.Msg("verify complete")
}
