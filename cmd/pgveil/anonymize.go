package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/rs/zerolog"

	"github.com/urfave/cli/v2"

	"github.com/pgveil/pgveil/dump"
	"github.com/pgveil/pgveil/rules"
)

func anonymizeCommand() *cli.Command {
	return &cli.Command{
		Name:      "anonymize",
		Usage:     "anonymize a plain-format pg_dump stream (stdin to stdout, or -i/-o files)",
		UsageText: "pg_dump mydb | pgveil anonymize --config pgveil.yaml > anon.sql\n   pgveil anonymize -c pgveil.yaml -i dump.sql -o anon.sql.zst",
		Description: "COPY data and INSERT statements are rewritten under the rules; every other byte\n" +
			"passes unchanged. With -o the output is written to a temporary file and renamed\n" +
			"onto FILE only on success (.gz and .zst compress). Exit status 0 only on success.",
		Flags: []cli.Flag{
			configFlag(),
			&cli.StringFlag{Name: "input", Aliases: []string{"i"}, Usage: "read the dump from `FILE` instead of stdin"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
		},
		Action: runAnonymize,
	}
}

func runAnonymize(c *cli.Context) error {
	if c.NArg() > 0 {
		return cli.Exit(fmt.Sprintf("anonymize takes no arguments (got %q); use -i FILE or stdin", c.Args().First()), 2)
	}
	log, err := newLogger(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	r, err := loadRules(c, rules.Options{})
	if err != nil {
		return err
	}
	start := time.Now()
	var in io.Reader = c.App.Reader
	if p := c.String("input"); p != "" && p != "-" {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("open input: %w", err)
		}
		defer f.Close()
		in = f
	}
	if len(r.NameColumns()) > 0 {
		// Names in free text get their column's pseudonym, but a ticket may
		// come before the customers it names: a first pass reads the names.
		seekable, cleanup, err := rewindable(in)
		if err != nil {
			return err
		}
		defer cleanup()
		f := &dump.Filter{Rules: r, Log: log}
		kn, err := f.KnownNames(c.Context, seekable, 0)
		if err != nil {
			return err
		}
		if _, err := seekable.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("rewind input: %w", err)
		}
		r.KnownNames().Set(kn)
		log.Info().Int("names", kn.Len()).Int64("index_bytes", kn.MemoryBytes()).Msg("known names indexed")
		in = seekable
	}
	var st dump.Stats
	err = writeOutput(c, "anonymize", func(out io.Writer) error {
		f := &dump.Filter{Rules: r, Log: log}
		st, err = f.Run(c.Context, in, out)
		return err
	})
	if err != nil {
		return err
	}
	logSummary(log, "anonymize complete", st, start)
	return nil
}

// logSummary writes the last line of a dump or an anonymize run; the
// counts a run does not keep (a direct dump reads no input) are left out.
func logSummary(log zerolog.Logger, msg string, st dump.Stats, start time.Time) {
	ev := log.Info().Int("tables", st.Tables).Int64("rows", st.Rows).Int64("values_masked", st.MaskedValues)
	if st.DroppedRows > 0 {
		ev = ev.Int64("rows_dropped", st.DroppedRows)
	}
	if st.BytesIn > 0 {
		ev = ev.Int64("bytes_in", st.BytesIn)
	}
	ev.Int64("bytes_out", st.BytesOut).Dur("duration", time.Since(start)).Msg(msg)
}

// rewindable returns in as a reader that can be read twice: a regular file
// as it is, anything else (a pipe) copied first to a temporary file that
// only this user can read (os.CreateTemp: mode 0600) and that cleanup
// removes.
func rewindable(in io.Reader) (io.ReadSeeker, func(), error) {
	if f, ok := in.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return f, func() {}, nil
		}
	}
	tmp, err := os.CreateTemp("", "pgveil-anonymize-*.sql")
	if err != nil {
		return nil, nil, fmt.Errorf("spool input for the known-names pass: %w", err)
	}
	cleanup := func() { tmp.Close(); os.Remove(tmp.Name()) }
	if _, err := io.Copy(tmp, in); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("spool input for the known-names pass: %w", err)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("spool input: %w", err)
	}
	return tmp, cleanup, nil
}
