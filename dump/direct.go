package dump

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/rs/zerolog"
	"golang.org/x/sync/errgroup"

	"github.com/pgveil/pgveil/catalog"
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
	SpillDir       string // where --jobs > 1 keeps finished tables until their turn; "" = os.TempDir()
	// KnownNamesBudget limits the memory of the known-name index (0: the
	// default, anonymize.DefaultKnownNamesBudget).
	KnownNamesBudget int64
	Log              zerolog.Logger
	// Progress, when set, is called after each table with the running totals.
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
	rows        atomic.Int64
	bytes       atomic.Int64
	done        atomic.Int64
	masked      atomic.Int64 // values masked by the --jobs > 1 workers
	total       int
	progMu      sync.Mutex
}

// Direct writes a plain SQL dump of the database to w: pg_dump's pre-data
// section, every table's rows masked under the rules, sequence values, and
// pg_dump's post-data section, all from one exported snapshot. The output
// restores with psql -f. On error the output is incomplete (Sink.Abort).
func Direct(ctx context.Context, o DirectOptions, w io.Writer) (Stats, error) {
	var st Stats
	if o.Rules == nil {
		return st, errors.New("no rules")
	}
	if o.Jobs < 1 {
		o.Jobs = 1
	}
	if o.PgDump == "" {
		p, err := exec.LookPath("pg_dump")
		if err != nil {
			return st, errors.New("pg_dump not found in PATH: install the PostgreSQL client (same or newer major version as the server)")
		}
		o.PgDump = p
	}
	conn, err := pgx.Connect(ctx, o.DSN)
	if err != nil {
		return st, fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(context.Background())
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return st, fmt.Errorf("begin snapshot transaction: %w", err)
	}
	defer tx.Rollback(context.Background())
	d := &directRun{o: o, restrictKey: restrictKey(o.PgDump, o.Rules)}
	if err := tx.QueryRow(ctx, "SELECT pg_export_snapshot()").Scan(&d.snapshot); err != nil {
		return st, fmt.Errorf("export snapshot: %w", err)
	}
	snap, err := catalog.Load(ctx, tx)
	if err != nil {
		return st, fmt.Errorf("read catalog: %w", err)
	}
	if len(o.Rules.NameColumns()) > 0 {
		// Names in free text get their column's pseudonym: the index is
		// read on the dump's own snapshot.
		kn, err := catalog.LoadKnownNames(ctx, tx, snap, o.Rules, o.KnownNamesBudget)
		if err != nil {
			return st, err
		}
		o.Rules.KnownNames().Set(kn)
		o.Log.Info().Int("names", kn.Len()).Int64("index_bytes", kn.MemoryBytes()).Msg("known names indexed")
	}
	var subset *Subset
	if len(o.Subsets) > 0 {
		subset, err = ComputeSubset(ctx, tx, snap, o.Subsets, o.SubsetChildren)
		if err != nil {
			return st, err
		}
	}
	jobs, err := d.tableJobs(snap, subset)
	if err != nil {
		return st, err
	}
	if subset != nil {
		if err := subsetComplete(snap, subset, jobs); err != nil {
			return st, err
		}
	}
	d.total = len(jobs)
	o.Log.Info().Int("tables", len(jobs)).Int("jobs", o.Jobs).Msg("dump started")

	if err := d.pgDump(ctx, w, "--section=pre-data"); err != nil {
		return st, err
	}
	var pst Stats
	if o.Jobs == 1 {
		err = d.sequential(ctx, conn, jobs, w, &pst)
	} else {
		err = d.parallel(ctx, jobs, w, &pst)
	}
	if err != nil {
		return st, err
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
	if err := d.pgDump(ctx, w, dataArgs...); err != nil {
		return st, err
	}
	if err := d.pgDump(ctx, w, "--section=post-data"); err != nil {
		return st, err
	}
	if err := tx.Commit(ctx); err != nil {
		return st, fmt.Errorf("end snapshot transaction: %w", err)
	}
	st.Tables = len(jobs)
	st.Rows = d.rows.Load()
	st.MaskedValues = pst.MaskedValues
	st.BytesOut = pst.BytesOut
	return st, nil
}

// tableJobs decides which tables' rows are dumped and how (sorted by name,
// so two dumps of an unchanged database are byte-identical).
func (d *directRun) tableJobs(snap *catalog.Snapshot, subset *Subset) ([]*tableJob, error) {
	var names []catalog.Name
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
		p, err := planTable(d.o.Rules, qualName{n.Schema, n.Name}, toQual(snap.RulesTable(d.o.Rules, n)), cols, func(name string) (colInfo, bool) {
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
	dumped := map[catalog.Name]bool{}
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
func literalPattern(n catalog.Name) string {
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	return q(n.Schema) + "." + q(n.Name)
}

func toQual(n catalog.Name) qualName { return qualName{n.Schema, n.Name} }

// selected applies the --table / --exclude-table patterns: "schema.table"
// or "table" (any schema), with shell wildcards * ? [...].
func (d *directRun) selected(n catalog.Name) bool {
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

// pgDump runs pg_dump on the exported snapshot and copies its output to w.
func (d *directRun) pgDump(ctx context.Context, w io.Writer, args ...string) error {
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
		return fmt.Errorf("pg_dump: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start pg_dump: %w", err)
	}
	if _, err := io.Copy(w, out); err != nil {
		// Nobody reads pg_dump's output any more: stop it, or Wait would
		// wait for it forever, and report the write error, the cause.
		cmd.Process.Kill()
		cmd.Wait()
		return fmt.Errorf("write pg_dump %s output: %w", args[0], err)
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("pg_dump %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return nil
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

// sequential streams every table on the snapshot connection through the
// parallel masking pipeline, straight into w.
func (d *directRun) sequential(ctx context.Context, conn *pgx.Conn, jobs []*tableJob, w io.Writer, st *Stats) error {
	if _, err := conn.Exec(ctx, copySettings); err != nil {
		return fmt.Errorf("session settings: %w", err)
	}
	pipe := newPipeline(ctx, w, runtime.GOMAXPROCS(0), st)
	var err error
	for _, j := range jobs {
		if err = d.streamTable(ctx, conn, j, pipe); err != nil {
			break
		}
	}
	if perr := pipe.wait(); perr != nil && (err == nil || errors.Is(err, errPipeline)) {
		err = perr
	}
	return err
}

// streamTable sends one table's COPY block through the pipeline.
func (d *directRun) streamTable(ctx context.Context, conn *pgx.Conn, j *tableJob, pipe *pipeline) error {
	hb := getBatch()
	hb.out = append(hb.out, j.header...)
	if !pipe.send(hb) {
		return errPipeline
	}
	lw := &lineWriter{emit: func(lines []byte, n int64) error {
		b := getBatch()
		b.plan = j.plan
		b.in = append(b.in, lines...)
		if !pipe.send(b) {
			return errPipeline
		}
		d.rows.Add(n)
		return nil
	}}
	if _, err := conn.PgConn().CopyTo(ctx, lw, j.copy); err != nil {
		if errors.Is(err, errPipeline) {
			return err
		}
		return fmt.Errorf("dump table %s: %w", j.t.Name, err)
	}
	if err := lw.flush(); err != nil {
		return err
	}
	tb := getBatch()
	tb.out = append(tb.out, "\\.\n"...)
	if !pipe.send(tb) {
		return errPipeline
	}
	d.tableDone()
	return nil
}

func (d *directRun) tableDone() {
	n := d.done.Add(1)
	if d.o.Progress != nil {
		d.progMu.Lock()
		d.o.Progress(Progress{TablesDone: int(n), Tables: d.total, Rows: d.rows.Load(), Bytes: d.bytes.Load()})
		d.progMu.Unlock()
	}
}

// lineWriter receives COPY data as the server sends it and hands on whole
// lines in chunks of about batchSize.
type lineWriter struct {
	buf  []byte
	rows int64
	emit func(lines []byte, rows int64) error
}

func (l *lineWriter) Write(p []byte) (int, error) {
	l.buf = append(l.buf, p...)
	l.rows += int64(bytes.Count(p, []byte{'\n'}))
	if len(l.buf) >= batchSize {
		cut := bytes.LastIndexByte(l.buf, '\n') + 1
		if err := l.emit(l.buf[:cut], l.rows); err != nil {
			return 0, err
		}
		rest := copy(l.buf, l.buf[cut:])
		l.buf = l.buf[:rest]
		l.rows = 0
	}
	return len(p), nil
}

func (l *lineWriter) flush() error {
	if len(l.buf) == 0 {
		return nil
	}
	if l.buf[len(l.buf)-1] != '\n' {
		return errors.New("COPY data ended inside a row")
	}
	err := l.emit(l.buf, l.rows)
	l.buf, l.rows = l.buf[:0], 0
	return err
}

// parallel dumps tables on o.Jobs snapshot connections, largest first; each
// finished table waits in a spill file until every table before it (in name
// order) has been written, so the output does not depend on timing.
func (d *directRun) parallel(ctx context.Context, jobs []*tableJob, w io.Writer, st *Stats) error {
	type result struct {
		file *os.File
		err  error
		done chan struct{}
	}
	results := make([]*result, len(jobs))
	for i := range results {
		results[i] = &result{done: make(chan struct{})}
	}
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return jobs[order[a]].t.Bytes > jobs[order[b]].t.Bytes })
	queue := make(chan int)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(queue)
		for _, i := range order {
			select {
			case queue <- i:
			case <-gctx.Done():
				return nil
			}
		}
		return nil
	})
	for k := 0; k < d.o.Jobs; k++ {
		g.Go(func() error {
			conn, tx, err := d.attach(gctx)
			if err != nil {
				return err
			}
			defer conn.Close(context.Background())
			defer tx.Rollback(context.Background())
			if _, err := tx.Exec(gctx, copySettings); err != nil {
				return fmt.Errorf("session settings: %w", err)
			}
			m := &rowMasker{}
			for i := range queue {
				r := results[i]
				r.file, r.err = d.spillTable(gctx, conn, jobs[i], m)
				close(r.done)
				if r.err != nil {
					return r.err
				}
			}
			return nil
		})
	}
	var written int64
	g.Go(func() error {
		for _, r := range results {
			select {
			case <-r.done:
			case <-gctx.Done():
				return gctx.Err()
			}
			if r.err != nil {
				return r.err
			}
			n, err := io.Copy(w, r.file)
			r.file.Close()
			if err != nil {
				return fmt.Errorf("write dump: %w", err)
			}
			written += n
		}
		return nil
	})
	err := g.Wait()
	for _, r := range results {
		select {
		case <-r.done:
			if r.file != nil {
				r.file.Close()
			}
		default:
		}
	}
	st.BytesOut = written
	st.MaskedValues = d.masked.Load()
	return err
}

// spillTable writes one table's masked COPY block to an unlinked temporary
// file and returns it positioned at the start.
func (d *directRun) spillTable(ctx context.Context, conn *pgx.Conn, j *tableJob, m *rowMasker) (*os.File, error) {
	f, err := os.CreateTemp(d.o.SpillDir, "pgveil-spill-*")
	if err != nil {
		return nil, fmt.Errorf("dump table %s: spill file: %w", j.t.Name, err)
	}
	os.Remove(f.Name()) // unlinked: nothing is left behind whatever happens
	bw := bufio.NewWriterSize(f, 1<<18)
	bw.Write(j.header)
	var masked int64
	var row []byte
	lw := &lineWriter{emit: func(lines []byte, n int64) error {
		d.bytes.Add(int64(len(lines)))
		for len(lines) > 0 {
			nl := bytes.IndexByte(lines, '\n')
			var err error
			row, err = m.maskRow(row[:0], lines[:nl], j.plan, &masked)
			if err != nil {
				return err
			}
			row = append(row, '\n')
			if _, err := bw.Write(row); err != nil {
				return err
			}
			lines = lines[nl+1:]
		}
		d.rows.Add(n)
		return nil
	}}
	_, err = conn.PgConn().CopyTo(ctx, lw, j.copy)
	if err == nil {
		err = lw.flush()
	}
	if err == nil {
		bw.WriteString("\\.\n")
		err = bw.Flush()
	}
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("dump table %s: %w", j.t.Name, err)
	}
	d.masked.Add(masked)
	d.tableDone()
	return f, nil
}
