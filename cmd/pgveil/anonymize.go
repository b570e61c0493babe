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
	var in io.Reader = c.App.Reader
	if p := c.String("input"); p != "" && p != "-" {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("open input: %w", err)
		}
		defer f.Close()
		in = f
	}
	start := time.Now()
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
