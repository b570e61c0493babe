package dump

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/rs/zerolog"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// DirectOptions configures a dump taken straight from a live database.
type DirectOptions struct {
	DSN            string // "" means the libpq environment (PGHOST, PGUSER, .pgpass, ...)
	Rules          *rules.Rules
	Jobs           int      // parallel COPY connections; < 1 means 1
	Tables         []string // pg_dump -t patterns: dump only these tables
	ExcludeTables  []string // pg_dump -T patterns
	Subsets        []SubsetSpec
	SubsetChildren bool
	PgDump         string // pg_dump binary; "" finds it in PATH
	SpillDir       string // where --jobs > 1 keeps tables read ahead of their turn; "" = os.TempDir()
	// KnownNamesBudget limits the memory of the known-name index (0: the
	// default, anonymize.DefaultKnownNamesBudget).
	KnownNamesBudget int64
	Log              zerolog.Logger
	// Progress, when set, is called after each table with the running
	// totals, whatever Jobs is; from the dump's goroutines, one call at a time.
	Progress func(Progress)
}

// Progress is the running state of a dump.
type Progress struct {
	TablesDone, Tables int
	Rows               int64
	Bytes              int64 // COPY data read from the server
}

// tableJob is one table whose data is dumped.
type tableJob struct {
	t      *catalog.Table
	plan   *tablePlan
	copy   string // the COPY ... TO STDOUT statement
	header []byte // comment + COPY ... FROM stdin line
	filter string // subset WHERE clause, "" for all rows
}

type directRun struct {
	o           DirectOptions
	snapshot    string
	restrictKey string // psql \restrict key for pg_dump's output, "" when unsupported
	tally       tally
}

// Direct writes a plain SQL dump of the database to w: pg_dump's pre-data
// section, every table's rows masked under the rules, sequence values, and
// pg_dump's post-data section, all from one exported snapshot. The output
// restores with psql -f. On error the output is incomplete (Sink.Abort).
func Direct(ctx context.Context, o DirectOptions, w io.Writer) (Stats, error) {
	if err := o.complete(); err != nil {
		return Stats{}, err
	}
	conn, err := pgx.Connect(ctx, o.DSN)
	if err != nil {
		return Stats{}, fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(context.Background())
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return Stats{}, fmt.Errorf("begin snapshot transaction: %w", err)
	}
	defer tx.Rollback(context.Background())
	d := &directRun{o: o, restrictKey: restrictKey(o.PgDump, o.Rules)}
	if err := tx.QueryRow(ctx, "SELECT pg_export_snapshot()").Scan(&d.snapshot); err != nil {
		return Stats{}, fmt.Errorf("export snapshot: %w", err)
	}
	snap, jobs, err := d.prepare(ctx, tx)
	if err != nil {
		return Stats{}, err
	}
	st, err := d.write(ctx, conn, snap, jobs, w)
	if err != nil {
		return st, err
	}
	if err := tx.Commit(ctx); err != nil {
		return st, fmt.Errorf("end snapshot transaction: %w", err)
	}
	return st, nil
}

// complete checks the options and fills in the defaults.
func (o *DirectOptions) complete() error {
	if o.Rules == nil {
		return errors.New("no rules")
	}
	if o.Jobs < 1 {
		o.Jobs = 1
	}
	if o.PgDump == "" {
		p, err := exec.LookPath("pg_dump")
		if err != nil {
			return errors.New("pg_dump not found in PATH: install the PostgreSQL client (same or newer major version as the server)")
		}
		o.PgDump = p
	}
	return nil
}

// prepare reads the catalog on the snapshot and decides which tables' rows
// are dumped and how.
func (d *directRun) prepare(ctx context.Context, tx pgx.Tx) (*catalog.Snapshot, []*tableJob, error) {
	o := d.o
	snap, err := catalog.Load(ctx, tx)
	if err != nil {
		return nil, nil, fmt.Errorf("read catalog: %w", err)
	}
	if len(o.Rules.NameColumns()) > 0 {
		// Names in free text get their column's pseudonym: the index is
		// read on the dump's own snapshot.
		kn, err := catalog.LoadKnownNames(ctx, tx, snap, o.Rules, o.KnownNamesBudget)
		if err != nil {
			return nil, nil, err
		}
		o.Rules.KnownNames().Set(kn)
		o.Log.Info().Int("names", kn.Len()).Int64("index_bytes", kn.MemoryBytes()).Msg("known names indexed")
	}
	var subset *Subset
	if len(o.Subsets) > 0 {
		subset, err = ComputeSubset(ctx, tx, snap, o.Subsets, o.SubsetChildren)
		if err != nil {
			return nil, nil, err
		}
	}
	jobs, err := d.tableJobs(snap, subset)
	if err != nil {
		return nil, nil, err
	}
	if subset != nil {
		if err := subsetComplete(snap, subset, jobs); err != nil {
			return nil, nil, err
		}
	}
	return snap, jobs, nil
}

// write writes the dump to w: pg_dump's pre-data section, the table data
// through the pipeline (tabledata.go), pg_dump's data section for the
// sequences, and its post-data section.
func (d *directRun) write(ctx context.Context, conn *pgx.Conn, snap *catalog.Snapshot, jobs []*tableJob, w io.Writer) (Stats, error) {
	d.tally.tables, d.tally.progress = len(jobs), d.o.Progress
	d.o.Log.Info().Int("tables", len(jobs)).Int("jobs", d.o.Jobs).Msg("dump started")
	var st Stats
	stats := func() Stats {
		st.Tables, st.Rows, st.BytesIn = len(jobs), d.tally.rows.Load(), d.tally.bytesIn.Load()
		st.MaskedValues = d.tally.masked.Load()
		return st
	}
	n, err := d.pgDump(ctx, w, "--section=pre-data")
	st.BytesOut += n
	if err != nil {
		return stats(), err
	}
	n, err = dumpData(ctx, w, jobs, d.o.Jobs, d.readers(conn), d.o.SpillDir, &d.tally)
	st.BytesOut += n
	if err != nil {
		return stats(), err
	}
	// Sequence values live in pg_dump's data section; every table's data
	// (dumped above, masked) and large objects (which could hold anything)
	// are left out of it. A "*.*" pattern would drop the sequences too.
	dataArgs := []string{"--section=data", "--no-blobs"}
	for _, t := range snap.Sorted() {
		if t.Kind == catalog.KindTable || t.Kind == catalog.KindPartitioned || t.Kind == catalog.KindMatView {
			dataArgs = append(dataArgs, "--exclude-table-data="+literalPattern(t.Name))
		}
	}
	for _, args := range [][]string{dataArgs, {"--section=post-data"}} {
		n, err = d.pgDump(ctx, w, args...)
		st.BytesOut += n
		if err != nil {
			return stats(), err
		}
	}
	return stats(), nil
}

// tableJobs decides which tables' rows are dumped and how (sorted by name,
// so two dumps of an unchanged database are byte-identical).
func (d *directRun) tableJobs(snap *catalog.Snapshot, subset *Subset) ([]*tableJob, error) {
	var names []relname.Name
	for n, t := range snap.Tables {
		if t.Kind != catalog.KindTable || !d.selected(n) {
			continue
		}
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if names[i].Schema != names[j].Schema {
			return names[i].Schema < names[j].Schema
		}
		return names[i].Name < names[j].Name
	})
	var jobs []*tableJob
	for _, n := range names {
		t := snap.Tables[n]
		var cols []string
		for _, c := range t.Columns {
			if !c.Generated {
				cols = append(cols, c.Name)
			}
		}
		p, err := planTable(d.o.Rules, snap, n, cols, func(name string) (colInfo, bool) {
			c, ok := t.Column(name)
			return colInfo{name: c.Name, typ: c.Type, notNull: c.NotNull, generated: c.Generated}, ok
		})
		if err != nil {
			return nil, err
		}
		if p.rowsNone {
			continue // schema only
		}
		j := &tableJob{t: t, plan: p}
		if subset != nil {
			f, ok := subset.Filter(n)
			if !ok {
				continue // the subset reaches no row of it: schema only
			}
			j.filter = f
		}
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = pgx.Identifier{c}.Sanitize()
		}
		list := strings.Join(quoted, ", ")
		if j.filter != "" {
			j.copy = fmt.Sprintf("COPY (SELECT %s FROM ONLY %s WHERE %s) TO STDOUT", list, n.Quoted(), j.filter)
		} else {
			j.copy = fmt.Sprintf("COPY %s (%s) TO STDOUT", n.Quoted(), list)
		}
		// Names go into a comment line: a newline in one would end the
		// comment and start a statement of the restore (pg_dump replaces
		// them too).
		oneLine := strings.NewReplacer("\n", " ", "\r", " ")
		j.header = fmt.Appendf(nil, "\n--\n-- Data for Name: %s; Type: TABLE DATA; Schema: %s; Owner: -; masked by pgveil\n--\n\nCOPY %s (%s) FROM stdin;\n",
			oneLine.Replace(n.Name), oneLine.Replace(n.Schema), n.Quoted(), list)
		jobs = append(jobs, j)
	}
	return jobs, nil
}

// subsetComplete refuses a fixture that would not restore: the subset
// reaches rows of a table the dump leaves out (rows: none, --exclude-table)
// that a dumped table references through a foreign key.
func subsetComplete(snap *catalog.Snapshot, subset *Subset, jobs []*tableJob) error {
	dumped := map[relname.Name]bool{}
	for _, j := range jobs {
		dumped[j.t.Name] = true
	}
	for _, n := range subset.Tables() {
		if dumped[n] {
			continue
		}
		for _, j := range jobs {
			for _, fk := range j.t.ForeignKey {
				ref := fk.RefTable
				if ref == n || (snap.Tables[n] != nil && snap.Tables[n].Parent != nil && *snap.Tables[n].Parent == ref) {
					return fmt.Errorf("subset: rows of %s are referenced by %s (%s) but the dump leaves %s out (rows: none or --exclude-table); the fixture would not restore", n, j.t.Name, fk.Name, n)
				}
			}
		}
	}
	return nil
}

// literalPattern writes a pg_dump pattern matching exactly n: inside double
// quotes the wildcard characters are literal and "" is a quote.
func literalPattern(n relname.Name) string {
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	return q(n.Schema) + "." + q(n.Name)
}

// selected applies the --table / --exclude-table patterns: "schema.table"
// or "table" (any schema), with shell wildcards * ? [...].
func (d *directRun) selected(n relname.Name) bool {
	match := func(pat string) bool {
		schemaPat, tablePat := "*", pat
		if i := strings.IndexByte(pat, '.'); i >= 0 {
			schemaPat, tablePat = pat[:i], pat[i+1:]
		}
		ok1, _ := path.Match(schemaPat, n.Schema)
		ok2, _ := path.Match(tablePat, n.Name)
		return ok1 && ok2
	}
	if len(d.o.Tables) > 0 {
		in := false
		for _, p := range d.o.Tables {
			in = in || match(p)
		}
		if !in {
			return false
		}
	}
	for _, p := range d.o.ExcludeTables {
		if match(p) {
			return false
		}
	}
	return true
}

// pgDump runs pg_dump on the exported snapshot and copies its output to w;
// it returns the bytes written.
func (d *directRun) pgDump(ctx context.Context, w io.Writer, args ...string) (int64, error) {
	a := []string{"--snapshot=" + d.snapshot, "--no-owner", "--no-privileges", "--format=plain"}
	if d.restrictKey != "" {
		a = append(a, "--restrict-key="+d.restrictKey)
	}
	for _, t := range d.o.Tables {
		a = append(a, "--table="+t)
	}
	for _, t := range d.o.ExcludeTables {
		a = append(a, "--exclude-table="+t)
	}
	a = append(a, args...)
	if d.o.DSN != "" {
		a = append(a, "--dbname="+d.o.DSN)
	}
	cmd := exec.CommandContext(ctx, d.o.PgDump, a...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, fmt.Errorf("pg_dump: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return 0, fmt.Errorf("start pg_dump: %w", err)
	}
	n, err := io.Copy(w, out)
	if err != nil {
		// Nobody reads pg_dump's output any more: stop it, or Wait would
		// wait for it forever, and report the write error, the cause.
		cmd.Process.Kill()
		cmd.Wait()
		return n, fmt.Errorf("write pg_dump %s output: %w", args[0], err)
	}
	if err := cmd.Wait(); err != nil {
		return n, fmt.Errorf("pg_dump %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return n, nil
}

// restrictKey derives pg_dump's psql \restrict key from the masking key:
// stable, so two dumps of an unchanged database are byte-identical, yet
// unknowable to the server whose object names it guards against. pg_dump
// versions without --restrict-key pick a random one (and dumps then differ
// in that line only).
func restrictKey(pgDump string, r *rules.Rules) string {
	if r == nil || r.Key == nil {
		return ""
	}
	help, err := exec.Command(pgDump, "--help").Output()
	if err != nil || !bytes.Contains(help, []byte("--restrict-key")) {
		return ""
	}
	sum := r.Key.Domain("pgveil/pg_dump-restrict-key").Sum(nil, nil)
	return hex.EncodeToString(sum[:24])
}

// attach opens a worker connection on the exported snapshot.
func (d *directRun) attach(ctx context.Context) (*pgx.Conn, pgx.Tx, error) {
	c, err := pgx.Connect(ctx, d.o.DSN)
	if err != nil {
		return nil, nil, fmt.Errorf("connect worker: %w", err)
	}
	tx, err := c.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err == nil {
		_, err = tx.Exec(ctx, "SET TRANSACTION SNAPSHOT '"+d.snapshot+"'")
	}
	if err != nil {
		c.Close(context.Background())
		return nil, nil, fmt.Errorf("attach worker to snapshot: %w", err)
	}
	return c, tx, nil
}

// copySettings makes COPY text identical to pg_dump's (ISO dates, exact floats).
const copySettings = "SET LOCAL DateStyle = ISO; SET LOCAL IntervalStyle = postgres; SET LOCAL extra_float_digits = 3"

// readers gives the pipeline its connections: reader 0 reads on the
// snapshot's own connection (one connection fewer, and --jobs 1 needs no
// other), reader k > 0 on a connection attached to the snapshot.
func (d *directRun) readers(conn *pgx.Conn) opener {
	return func(ctx context.Context, k int) (copyFunc, func(), error) {
		c, release := conn, func() {}
		if k > 0 {
			wc, tx, err := d.attach(ctx)
			if err != nil {
				return nil, nil, err
			}
			c, release = wc, func() {
				tx.Rollback(context.Background())
				wc.Close(context.Background())
			}
		}
		if _, err := c.Exec(ctx, copySettings); err != nil {
			release()
			return nil, nil, fmt.Errorf("session settings: %w", err)
		}
		copyTo := func(ctx context.Context, w io.Writer, sql string) error {
			_, err := c.PgConn().CopyTo(ctx, w, sql)
			return err
		}
		return copyTo, release, nil
	}
}
