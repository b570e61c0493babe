package dump

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/rs/zerolog"

	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// Stats summarises one run of the filter or of Direct.
type Stats struct {
	Tables       int   // COPY blocks and tables with INSERTs rewritten or passed
	Rows         int64 // data rows read
	MaskedValues int64 // values replaced by a mask (NULLs that stay NULL not counted)
	DroppedRows  int64 // rows of rows: none tables left out
	BytesIn      int64 // the stream read; for Direct, the COPY data read from the server
	BytesOut     int64 // written, before compression
}

// Filter rewrites a plain-format pg_dump stream under the rules: COPY data
// and INSERT statements are masked, every other byte passes unchanged.
type Filter struct {
	Rules *rules.Rules
	Log   zerolog.Logger
	// Workers mask COPY data in parallel; 0 means one per CPU.
	Workers int

	collect *nameCollector // set for the known-names pass only
}

// LineError locates a problem in the input stream.
type LineError struct {
	Line int64
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("input line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

const readBufSize = 1 << 20

// filterRun is the state of one pass over a stream.
type filterRun struct {
	f     *Filter
	ctx   context.Context
	in    *bufio.Reader
	pipe  *pipeline
	cat   *streamCatalog
	stats Stats
	pstat Stats // written by the pipeline's writer goroutine only

	pending *batch // output waiting to be queued (SQL text, unmasked rows)
	data    *batch // COPY lines waiting to be queued for masking

	line      int64  // number of the line last read
	long      []byte // accumulates lines longer than the read buffer
	stmt      []byte // the SQL statement being accumulated
	stmtStart int64

	// COPY data state
	copyPlan  *tablePlan
	copyStart int64
	maskBuf   []byte // INSERT constants

	insertPlans map[string]*tablePlan
	seenTables  map[relname.Name]bool
}

// Run filters r into w. It returns statistics, or an error naming the input
// line; on error the output is incomplete and must be discarded (Sink.Abort).
func (f *Filter) Run(ctx context.Context, r io.Reader, w io.Writer) (Stats, error) {
	workers := f.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	fr := &filterRun{
		f:           f,
		ctx:         ctx,
		in:          bufio.NewReaderSize(r, readBufSize),
		cat:         newStreamCatalog(),
		insertPlans: map[string]*tablePlan{},
		seenTables:  map[relname.Name]bool{},
	}
	fr.pipe = newPipeline(ctx, w, workers, &fr.pstat)
	err := fr.run()
	if err == nil {
		fr.flush()
	}
	// The pipeline's own error (a masking error in a worker, a failed write)
	// is the cause when the producer stopped because the pipeline did.
	if perr := fr.pipe.wait(); perr != nil && (err == nil || errors.Is(err, errPipeline)) {
		err = perr
	}
	fr.stats.Tables = len(fr.seenTables)
	fr.stats.BytesOut = fr.pstat.BytesOut
	fr.stats.MaskedValues += fr.pstat.MaskedValues
	return fr.stats, err
}

// errPipeline stops the producer when the pipeline has failed; Run reports
// the pipeline's error instead.
var errPipeline = errors.New("masking pipeline stopped")

// flush queues pending output and COPY lines, in stream order.
func (fr *filterRun) flush() bool {
	ok := true
	if fr.pending != nil {
		ok = fr.pipe.send(fr.pending)
		fr.pending = nil
	}
	if fr.data != nil {
		ok = fr.pipe.send(fr.data) && ok
		fr.data = nil
	}
	return ok
}

// readLine returns the next line including its '\n' (the last line may lack
// it), or io.EOF. The slice is valid until the next call.
func (fr *filterRun) readLine() ([]byte, error) {
	l, err := fr.in.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		fr.long = append(fr.long[:0], l...)
		for errors.Is(err, bufio.ErrBufferFull) {
			l, err = fr.in.ReadSlice('\n')
			fr.long = append(fr.long, l...)
		}
		l = fr.long
	}
	if err == io.EOF && len(l) > 0 {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	fr.line++
	fr.stats.BytesIn += int64(len(l))
	return l, nil
}

// write queues bytes that pass unchanged.
func (fr *filterRun) write(b []byte) {
	if fr.data != nil { // keep stream order: COPY lines queued so far go first
		fr.flush()
	}
	if fr.pending == nil {
		fr.pending = getBatch()
	}
	fr.pending.out = append(fr.pending.out, b...)
	if len(fr.pending.out) >= batchSize {
		fr.flush()
	}
}

func (fr *filterRun) fail(line int64, format string, args ...any) error {
	return &LineError{Line: line, Err: fmt.Errorf(format, args...)}
}

func (fr *filterRun) run() error {
	for {
		l, err := fr.readLine()
		if err == io.EOF {
			switch {
			case fr.copyPlan != nil:
				return fr.fail(fr.line, "input ends inside the COPY data of %s that starts at line %d (truncated dump?)", fr.copyPlan.table, fr.copyStart)
			case len(bytes.TrimSpace(fr.stmt)) > 0:
				return fr.fail(fr.stmtStart, "input ends inside an unterminated SQL statement that starts here (truncated dump?)")
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("read input after line %d: %w", fr.line, err)
		}
		if fr.copyPlan != nil {
			if err := fr.copyLine(l); err != nil {
				return err
			}
			continue
		}
		if err := fr.sqlLine(l); err != nil {
			return err
		}
	}
}

// sqlLine handles a line outside COPY data: comments, psql meta-commands
// (\connect, \restrict, ...) and SQL statements, which are accumulated until
// complete.
func (fr *filterRun) sqlLine(l []byte) error {
	if len(fr.stmt) == 0 {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && t[0] == '\\' && bytes.HasPrefix(bytes.ToLower(t), []byte("\\copy")) {
			// psql's \copy ... from stdin is followed by data lines this
			// filter would not recognise as data: never passed unmasked.
			return fr.fail(fr.line, "\\copy is not a pg_dump statement; dump with pg_dump's plain format")
		}
		if len(t) == 0 || bytes.HasPrefix(t, []byte("--")) || t[0] == '\\' {
			fr.write(l)
			return nil
		}
		fr.stmtStart = fr.line
	}
	fr.stmt = append(fr.stmt, l...)
	if !bytes.HasSuffix(bytes.TrimRight(fr.stmt, " \t\r\n"), []byte(";")) {
		return nil
	}
	complete, err := statementComplete(fr.stmt)
	if err != nil || !complete {
		return nil // an unterminated quote or dollar quote: keep reading
	}
	err = fr.statement(fr.stmt)
	fr.stmt = fr.stmt[:0]
	return err
}

// statementComplete reports whether sql ends with a semicolon token (not one
// inside a string, dollar quote or comment).
func statementComplete(sql []byte) (bool, error) {
	res, err := pg_query.Scan(string(sql))
	if err != nil {
		return false, err
	}
	toks := res.GetTokens()
	return len(toks) > 0 && toks[len(toks)-1].GetToken() == pg_query.Token_ASCII_59, nil
}

// statement processes one complete SQL text (one or more statements).
func (fr *filterRun) statement(sql []byte) error {
	tree, err := pg_query.Parse(string(sql))
	if err != nil {
		// Statements the parser does not know pass unchanged, unless they
		// could carry data.
		if kw := firstKeyword(sql); kw == "copy" || kw == "insert" || kw == "" {
			return fr.fail(fr.stmtStart, "cannot parse statement %q: %v", kw, err)
		}
		fr.f.Log.Warn().Int64("line", fr.stmtStart).Err(err).Msg("statement not understood; passed unchanged")
		fr.write(sql)
		return nil
	}
	stmts := tree.GetStmts()
	for i, rs := range stmts {
		n := rs.GetStmt()
		fr.cat.learn(n)
		if ins := n.GetInsertStmt(); ins != nil {
			// Rewrite the whole buffer statement by statement.
			return fr.rewriteInserts(sql, stmts)
		}
		if cp := n.GetCopyStmt(); cp != nil && cp.GetIsFrom() && cp.GetFilename() == "" && !cp.GetIsProgram() {
			if i != len(stmts)-1 {
				return fr.fail(fr.stmtStart, "COPY FROM stdin must be the last statement on its line")
			}
			fr.write(sql)
			return fr.startCopy(cp)
		}
	}
	fr.write(sql)
	return nil
}

func firstKeyword(sql []byte) string {
	res, err := pg_query.Scan(string(sql))
	if err != nil {
		return ""
	}
	for _, t := range res.GetTokens() {
		if k := t.GetToken(); k == pg_query.Token_SQL_COMMENT || k == pg_query.Token_C_COMMENT {
			continue // a comment before COPY must not hide it
		}
		return string(bytes.ToLower(sql[t.GetStart():t.GetEnd()]))
	}
	return ""
}

func (fr *filterRun) startCopy(cp *pg_query.CopyStmt) error {
	if cp.GetRelation() == nil {
		return fr.fail(fr.stmtStart, "COPY (query) FROM stdin is not a pg_dump statement")
	}
	if len(cp.GetOptions()) > 0 {
		return fr.fail(fr.stmtStart, "COPY with options is not pg_dump's text format; dump with pg_dump's plain format")
	}
	q := rangeVarName(cp.GetRelation())
	var cols []string
	for _, a := range cp.GetAttlist() {
		cols = append(cols, a.GetString_().GetSval())
	}
	if len(cols) == 0 {
		t, ok := fr.cat.tables[q]
		if !ok {
			return fr.fail(fr.stmtStart, "COPY %s has no column list and its CREATE TABLE was not seen", q)
		}
		for _, c := range t.cols {
			if !c.generated {
				cols = append(cols, c.name)
			}
		}
	}
	p, err := fr.plan(q, cols)
	if err != nil {
		return fr.fail(fr.stmtStart, "%v", err)
	}
	if _, known := fr.cat.tables[q]; !known && p.masked > 0 {
		fr.f.Log.Warn().Str("table", q.String()).Msg("CREATE TABLE not in the stream (data-only dump?): masked columns treated as text")
	}
	fr.seenTables[q] = true
	fr.copyPlan, fr.copyStart = p, fr.stmtStart
	return nil
}

// copyLine queues one line of COPY data for masking.
func (fr *filterRun) copyLine(l []byte) error {
	body := l
	nl := len(body) > 0 && body[len(body)-1] == '\n'
	if nl {
		body = body[:len(body)-1]
	}
	if IsEndOfData(body) {
		fr.copyPlan = nil
		fr.write(l)
		return nil
	}
	p := fr.copyPlan
	fr.stats.Rows++
	if p.rowsNone {
		fr.stats.DroppedRows++
		return nil
	}
	if p.masked == 0 {
		fr.write(l)
		return nil
	}
	if !nl {
		return fr.fail(fr.line, "COPY data of %s: last line has no newline (truncated dump?)", p.table)
	}
	if fr.data == nil {
		if fr.pending != nil && !fr.flush() {
			return errPipeline
		}
		fr.data = getBatch()
		fr.data.plan, fr.data.firstLine = p, fr.line
	}
	fr.data.in = append(fr.data.in, l...)
	if len(fr.data.in) >= batchSize {
		if !fr.flush() {
			return errPipeline
		}
		if err := fr.ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// plan decides the columns of a COPY or INSERT column list: under the rules
// when masking, for the name collector in a known-names pass.
func (fr *filterRun) plan(q relname.Name, cols []string) (*tablePlan, error) {
	if c := fr.f.collect; c != nil {
		gov, _ := fr.f.Rules.Governing(q, fr.cat)
		return c.plan(q, gov, cols), nil
	}
	return fr.cat.plan(fr.f.Rules, q, cols)
}
