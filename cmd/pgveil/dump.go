package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/pgveil/pgveil/dump"
	"github.com/pgveil/pgveil/rules"
)

func dumpCommand() *cli.Command {
	return &cli.Command{
		Name:  "dump",
		Usage: "dump a live database as plain SQL with every row masked under the rules",
		UsageText: "pgveil dump --config pgveil.yaml -o /backups/anon-$(date +%F).sql.zst\n" +
			"   pgveil dump -c pgveil.yaml --subset 'public.customers: id = 42' --subset-children -o fixture.sql",
		Description: "One consistent snapshot: pg_dump writes the schema sections from it, and --jobs\n" +
			"connections stream the tables' rows through the masks. The output restores with\n" +
			"psql -f into an empty database. -o writes a temporary file renamed only on success\n" +
			"(.gz and .zst compress). Exit status 0 only on full success.",
		Flags: []cli.Flag{
			configFlag(),
			dsnFlag(),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: 1, Usage: "parallel COPY connections"},
			&cli.StringSliceFlag{Name: "table", Aliases: []string{"t"}, Usage: "dump only tables matching `PATTERN` (schema.table or table, * and ? wildcards); repeatable"},
			&cli.StringSliceFlag{Name: "exclude-table", Aliases: []string{"T"}, Usage: "leave out tables matching `PATTERN`; repeatable"},
			&cli.StringSliceFlag{Name: "subset", Usage: "fixture: rows of `'schema.table: condition'` plus every row they reference; repeatable"},
			&cli.BoolFlag{Name: "subset-children", Usage: "with --subset, also follow references the other way (a customer's tickets, ...)"},
			&cli.StringFlag{Name: "pg-dump", Usage: "pg_dump `BINARY` (default: from PATH)"},
			&cli.BoolFlag{Name: "no-progress", Usage: "no progress line on a terminal"},
		},
		Action: runDump,
	}
}

func runDump(c *cli.Context) error {
	if c.NArg() > 0 {
		return cli.Exit(fmt.Sprintf("dump takes no arguments (got %q)", c.Args().First()), 2)
	}
	if c.Int("jobs") < 1 {
		return cli.Exit("--jobs must be at least 1", 2)
	}
	log, err := newLogger(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	var subsets []dump.SubsetSpec
	for _, s := range c.StringSlice("subset") {
		spec, err := dump.ParseSubset(s)
		if err != nil {
			return cli.Exit(fmt.Sprintf("--subset %q: %v", s, err), 2)
		}
		subsets = append(subsets, spec)
	}
	if c.Bool("subset-children") && len(subsets) == 0 {
		return cli.Exit("--subset-children needs --subset", 2)
	}
	r, err := loadRules(c, rules.Options{})
	if err != nil {
		return err
	}
	opts := dump.DirectOptions{
		DSN:            c.String("dsn"),
		Rules:          r,
		Jobs:           c.Int("jobs"),
		Tables:         c.StringSlice("table"),
		ExcludeTables:  c.StringSlice("exclude-table"),
		Subsets:        subsets,
		SubsetChildren: c.Bool("subset-children"),
		PgDump:         c.String("pg-dump"),
		Log:            log,
	}
	prog := newProgressLine(c.App.ErrWriter, !c.Bool("no-progress"))
	opts.Progress = prog.update
	start := time.Now()
	var st dump.Stats
	err = writeOutput(c, "dump", func(out io.Writer) error {
		st, err = dump.Direct(c.Context, opts, out)
		return err
	})
	prog.end()
	if err != nil {
		return err
	}
	logSummary(log, "dump complete", st, start)
	return nil
}

// progressLine redraws one status line on a terminal (tables, rows, COPY
// data read, elapsed), whatever --jobs is.
type progressLine struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	start time.Time
	drawn bool
}

func newProgressLine(w io.Writer, want bool) *progressLine {
	f, ok := w.(*os.File)
	return &progressLine{w: w, on: want && ok && term.IsTerminal(int(f.Fd())), start: time.Now()}
}

func (p *progressLine) update(pr dump.Progress) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\rpgveil dump: tables %d/%d, rows %d, %.1f MiB read, %s ", pr.TablesDone, pr.Tables, pr.Rows, float64(pr.Bytes)/(1<<20), time.Since(p.start).Truncate(time.Second))
	p.drawn = true
}

func (p *progressLine) end() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
