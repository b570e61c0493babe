package proxy

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgveil/pgveil/internal/pgtest"
	"github.com/pgveil/pgveil/lineage"
	"github.com/pgveil/pgveil/rules"
)

// TestQueryCorpus measures the proxy against a corpus of analytical and
// debugging queries over the sample (testdata/queries/corpus.sql, format
// documented at its top): under posture strict and posture standard, every
// query runs through the proxy over the simple protocol and the extended
// protocol with text results, and is recorded as served or refused (SQLSTATE
// and message). It asserts that no form of a planted canary is among the
// bytes the client received, that every query runs directly on PostgreSQL
// (the validity control: a refusal must never be the answer to a broken
// query), that the corpus's labels agree with the schema, the rules and the
// lineage analysis, and that the refusal rate among the queries that touch a
// masked column is no worse than recorded below. The rates, the refusals
// grouped by reason and every refusal with its message are logged, and
// written as Markdown to the file named by PGVEIL_CORPUS_OUT when set.
func TestQueryCorpus(t *testing.T) {
	queries := loadCorpus(t)
	var reports []*corpusReport
	for _, p := range corpusPostures {
		t.Run(p.name, func(t *testing.T) {
			rep := runCorpusPosture(t, p, queries)
			checkCorpusRate(t, rep)
			logCorpusReport(t, rep)
			reports = append(reports, rep)
		})
	}
	if out := os.Getenv("PGVEIL_CORPUS_OUT"); out != "" && len(reports) > 0 {
		if err := os.WriteFile(out, []byte(corpusMarkdown(queries, reports)), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("report written to %s", out)
	}
}

// Refusal-rate ceilings among the corpus's queries that touch a masked
// column, per posture: the rates measured when the corpus was written,
// rounded up by one query (refused+1 of masked), so that one more refusal
// fails the test. The targets are strict ≤ 10 % and standard 0 %, which the
// work in progress (values computed from masked columns, COPY, served
// masked instead of refused) must reach; lower these constants as it lands.
const (
	corpusMaxRefusalStrict   = (110 + 1) / 155.0 // measured 110 of 155 (71.0 %)
	corpusMaxRefusalStandard = (74 + 1) / 155.0  // measured 74 of 155 (47.7 %)
)

// The corpus must stay large enough to mean something.
const (
	corpusMinQueries = 120
	corpusMinMasked  = 100
)

type corpusPosture struct {
	name  string
	extra string // proxy: lines for startProxyServer
	max   float64
}

var corpusPostures = []corpusPosture{
	{"strict", "", corpusMaxRefusalStrict},
	{"standard", "  posture: standard\n", corpusMaxRefusalStandard},
}

// corpusQuery is one entry of the corpus.
type corpusQuery struct {
	name, kind, sql string
	masked          []string // schema.table.column or schema.table.*, as labelled
	line            int      // of the header
}

func (q corpusQuery) touchesMasked() bool { return len(q.masked) > 0 }

var (
	corpusName   = regexp.MustCompile(`^[a-z0-9-]+$`)
	corpusColumn = regexp.MustCompile(`^[a-z_]+\.[a-z_]+\.([a-z_]+|\*)$`)
)

// loadCorpus reads and parses the corpus and checks its size.
func loadCorpus(t *testing.T) []corpusQuery {
	t.Helper()
	file := filepath.Join(pgtest.RepoRoot(t), "testdata", "queries", "corpus.sql")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	queries, err := parseCorpus(string(data))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	masked := 0
	for _, q := range queries {
		if q.touchesMasked() {
			masked++
		}
	}
	if len(queries) < corpusMinQueries || masked < corpusMinMasked {
		t.Fatalf("the corpus has %d queries, %d touching a masked column: want at least %d and %d",
			len(queries), masked, corpusMinQueries, corpusMinMasked)
	}
	return queries
}

// parseCorpus reads the format documented at the top of corpus.sql.
func parseCorpus(data string) ([]corpusQuery, error) {
	var out []corpusQuery
	var cur *corpusQuery
	var text []string
	seen := map[string]bool{}
	for i, line := range strings.Split(data, "\n") {
		n := i + 1
		switch {
		case strings.HasPrefix(line, "-- name:"):
			if cur != nil {
				return nil, fmt.Errorf("line %d: a header inside entry %s (line %d): missing ';' line", n, cur.name, cur.line)
			}
			q, err := parseCorpusHeader(line)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
			if seen[q.name] {
				return nil, fmt.Errorf("line %d: name %s used twice", n, q.name)
			}
			seen[q.name] = true
			q.line = n
			cur, text = &q, nil
		case cur != nil && strings.TrimSpace(line) == ";":
			cur.sql = strings.TrimSpace(strings.Join(text, "\n"))
			if cur.sql == "" {
				return nil, fmt.Errorf("line %d: entry %s has no query text", n, cur.name)
			}
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			text = append(text, line)
		case strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "--"):
			return nil, fmt.Errorf("line %d: text outside an entry", n)
		}
	}
	if cur != nil {
		return nil, fmt.Errorf("entry %s (line %d) has no ';' line", cur.name, cur.line)
	}
	return out, nil
}

// parseCorpusHeader reads "-- name: x | masked: a, b | kind: k".
func parseCorpusHeader(line string) (corpusQuery, error) {
	var q corpusQuery
	fields := strings.Split(strings.TrimPrefix(line, "-- "), " | ")
	keys := []string{"name", "masked", "kind"}
	if len(fields) != len(keys) {
		return q, fmt.Errorf("want the fields %s, got %q", strings.Join(keys, ", "), line)
	}
	vals := make([]string, len(keys))
	for i, f := range fields {
		k, v, ok := strings.Cut(f, ": ")
		if !ok || k != keys[i] || strings.TrimSpace(v) == "" {
			return q, fmt.Errorf("field %d: want %q, got %q", i+1, keys[i]+": ...", f)
		}
		vals[i] = strings.TrimSpace(v)
	}
	q.name, q.kind = vals[0], vals[2]
	if !corpusName.MatchString(q.name) {
		return q, fmt.Errorf("name %q: want [a-z0-9-]+", q.name)
	}
	if q.kind != "analytical" && q.kind != "debugging" {
		return q, fmt.Errorf("kind %q: want analytical or debugging", q.kind)
	}
	if vals[1] == "none" {
		return q, nil
	}
	for _, c := range strings.Split(vals[1], ",") {
		c = strings.TrimSpace(c)
		if !corpusColumn.MatchString(c) {
			return q, fmt.Errorf("masked: %q is not schema.table.column or schema.table.*", c)
		}
		q.masked = append(q.masked, c)
	}
	return q, nil
}

// corpusRun is one query's answer in one protocol mode.
type corpusRun struct {
	mode          string
	served        bool
	code, message string // when not served
	byProxy       bool   // the refusal is the proxy's own (pgveil: ...)
	leak          []byte // an excerpt around a canary the client received
}

// corpusResult is one query's answers under one posture.
type corpusResult struct {
	q    corpusQuery
	runs []corpusRun
}

// refusal is the first answer that is not rows; nil when every mode served.
func (r corpusResult) refusal() *corpusRun {
	for i := range r.runs {
		if !r.runs[i].served {
			return &r.runs[i]
		}
	}
	return nil
}

// corpusReport is what one posture made of the corpus.
type corpusReport struct {
	posture corpusPosture
	results []corpusResult
	direct  int // queries whose direct answer shows a canary
}

// counts returns the queries touching a masked column and how many of
// them, and of all queries, were refused.
func (rep *corpusReport) counts() (masked, maskedRefused, refused int) {
	for _, r := range rep.results {
		if r.q.touchesMasked() {
			masked++
		}
		if r.refusal() != nil {
			refused++
			if r.q.touchesMasked() {
				maskedRefused++
			}
		}
	}
	return masked, maskedRefused, refused
}

func (rep *corpusReport) rate() float64 {
	masked, maskedRefused, _ := rep.counts()
	return float64(maskedRefused) / float64(masked)
}

// corpusModes: the simple protocol and the extended protocol with text
// results.
func corpusModes() []protoMode {
	var out []protoMode
	for _, m := range protoModes {
		if m.name == "simple" || m.name == "extended-text" {
			out = append(out, m)
		}
	}
	return out
}

// runCorpusPosture starts a proxy with the posture over the sample with
// canaries planted, checks the corpus directly and its labels, and runs it
// through the proxy in every mode.
func runCorpusPosture(t *testing.T, p corpusPosture, queries []corpusQuery) *corpusReport {
	t.Helper()
	client, upstream, r, srv := startProxyServer(t, p.extra)
	plantCanaries(t, upstream)
	rep := &corpusReport{posture: p, results: make([]corpusResult, len(queries))}
	rep.direct = checkCorpusDirect(t, upstream, queries)
	checkCorpusLabels(t, upstream, r, srv, queries)
	for i, q := range queries {
		rep.results[i].q = q
	}
	for _, mode := range corpusModes() {
		pc, rec := dialRecorded(t, client)
		for i, q := range queries {
			if pc.IsClosed() {
				t.Errorf("%s: the proxy closed the session before %s", mode.name, q.name)
				pc, rec = dialRecorded(t, client)
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			rec.take()
			o := mode.run(ctx, pc, q.sql)
			got := rec.take()
			cancel()
			run := corpusRunOf(mode.name, o)
			if run.code == "57014" {
				// The same session runs every query: a cancel request the
				// proxy sent for an earlier, cut-off result must not stop
				// a later statement.
				t.Errorf("%s (%s): cancelled, by a cancel request meant for an earlier result", q.name, mode.name)
			}
			if containsAny(got, canaryForms()) {
				run.leak = excerpt(got, canaryForms())
				t.Errorf("LEAK: %s (%s, line %d): a canary reached the client, answered with %s: %q",
					q.name, mode.name, q.line, o, run.leak)
			}
			rep.results[i].runs = append(rep.results[i].runs, run)
		}
	}
	return rep
}

func corpusRunOf(mode string, o outcome) corpusRun {
	run := corpusRun{mode: mode, served: o.err == nil}
	if o.err == nil {
		return run
	}
	var pe *pgconn.PgError
	if errors.As(o.err, &pe) {
		run.code, run.message = pe.Code, pe.Message
		run.byProxy = o.refusedByProxy("")
	} else {
		run.message = o.err.Error()
	}
	return run
}

// checkCorpusDirect is the validity control: every query runs without
// error directly on the server. It returns how many show a canary there.
func checkCorpusDirect(t *testing.T, upstream string, queries []corpusQuery) int {
	t.Helper()
	pc, rec := dialRecorded(t, upstream)
	shown := 0
	for _, q := range queries {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		rec.take()
		o := runSimple(ctx, pc, q.sql)
		cancel()
		if containsAny(rec.take(), canaryForms()) {
			shown++
		}
		if o.err != nil {
			t.Errorf("validity control: %s (line %d) fails directly on PostgreSQL: %v", q.name, q.line, o.err)
		}
		if pc.IsClosed() {
			pc, rec = dialRecorded(t, upstream)
		}
	}
	return shown
}

// checkCorpusLabels checks every masked: label against the schema and the
// rules (the column exists and is masked; table.* names a table with masked
// columns), against the text (a labelled column or table is named in it),
// and against the lineage analysis under posture standard: a statement
// touches a masked column exactly when its label lists one, and every
// masked column an output column comes from is listed.
func checkCorpusLabels(t *testing.T, upstream string, r *rules.Rules, srv *Server, queries []corpusQuery) {
	t.Helper()
	maskedCols := corpusMaskedColumns(t, upstream, r)
	g := srv.current()
	for _, q := range queries {
		labels, err := expandCorpusLabels(q.masked, maskedCols)
		if err != nil {
			t.Errorf("labels of %s (line %d): %v", q.name, q.line, err)
			continue
		}
		for _, l := range q.masked {
			parts := strings.Split(l, ".") // schema, table, column or *
			named := parts[2]
			if named == "*" {
				named = parts[1]
			}
			if !corpusNames(q.sql, named) {
				t.Errorf("labels of %s (line %d): %s is not named in the query", q.name, q.line, l)
			}
		}
		an, err := lineage.AnalyzeWith(q.sql, g.snap, g.rules, lineage.Options{Posture: lineage.PostureStandard})
		if err != nil {
			t.Fatalf("lineage of %s: %v", q.name, err)
		}
		for _, st := range an.Statements {
			for _, msg := range corpusLineageMismatches(st, labels, maskedCols) {
				t.Errorf("labels of %s (line %d): %s", q.name, q.line, msg)
			}
		}
	}
}

// corpusNames reports whether sql names word (as a whole word, any case).
func corpusNames(sql, word string) bool {
	return regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(word) + `\b`).MatchString(sql)
}

// corpusMaskedColumns maps every column of the sample's tables (schema
// public) to whether the rules mask it.
func corpusMaskedColumns(t *testing.T, upstream string, r *rules.Rules) map[string]bool {
	t.Helper()
	uc := pgtest.Connect(t, upstream)
	rows, err := uc.Query(context.Background(), `SELECT c.table_schema, c.table_name, c.column_name
		FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
		WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var s, tb, c string
		if err := rows.Scan(&s, &tb, &c); err != nil {
			t.Fatal(err)
		}
		out[s+"."+tb+"."+c] = !r.Column(s, tb, c).Keeps()
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		t.Fatalf("reading the schema's columns: %d, %v", len(out), err)
	}
	return out
}

// expandCorpusLabels checks the labels and replaces table.* with the
// table's masked columns.
func expandCorpusLabels(labels []string, maskedCols map[string]bool) (map[string]bool, error) {
	out := map[string]bool{}
	for _, l := range labels {
		if table, ok := strings.CutSuffix(l, ".*"); ok {
			n := 0
			for c, masked := range maskedCols {
				if masked && strings.HasPrefix(c, table+".") {
					out[c] = true
					n++
				}
			}
			if n == 0 {
				return nil, fmt.Errorf("%s: no masked column in %s", l, table)
			}
			continue
		}
		masked, exists := maskedCols[l]
		switch {
		case !exists:
			return nil, fmt.Errorf("%s: no such column in the schema", l)
		case !masked:
			return nil, fmt.Errorf("%s: the rules keep this column, it is not masked", l)
		}
		out[l] = true
	}
	return out, nil
}

// corpusLineageMismatches compares one analysed statement with the labels.
// A refused statement's analysis may have stopped early, so only its
// positive findings count.
func corpusLineageMismatches(st lineage.Statement, labels, maskedCols map[string]bool) []string {
	var out []string
	if st.TouchesSensitive && len(labels) == 0 {
		out = append(out, "lineage says the statement touches a masked column, the label says none")
	}
	if st.Refusal == nil && !st.TouchesSensitive && len(labels) > 0 {
		out = append(out, "the label lists masked columns, lineage says the statement touches none")
	}
	for _, oc := range st.Columns {
		for _, src := range oc.Sources {
			c := src.String()
			if maskedCols[c] && !labels[c] {
				out = append(out, fmt.Sprintf("output column %q comes from %s, which the label does not list", oc.Name, c))
			}
		}
	}
	return out
}

// checkCorpusRate asserts the posture's ceiling.
func checkCorpusRate(t *testing.T, rep *corpusReport) {
	t.Helper()
	masked, refused, _ := rep.counts()
	if rep.rate() > rep.posture.max {
		t.Errorf("posture %s: %d of %d queries touching a masked column refused (%.1f %%), more than the recorded ceiling %.1f %%",
			rep.posture.name, refused, masked, 100*rep.rate(), 100*rep.posture.max)
	}
}

var (
	corpusColName   = regexp.MustCompile(`column [a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*){0,2}`)
	corpusQuoted    = regexp.MustCompile(`"[^"]*"`)
	corpusStrictUse = regexp.MustCompile(`cannot be used in (.+) under posture strict`)
)

// corpusReason is a refusal's message with the names of columns replaced,
// so that refusals for the same reason on other columns count together.
func corpusReason(run *corpusRun) string {
	if !run.byProxy {
		return fmt.Sprintf("not the proxy's refusal: %s %s", run.code, run.message)
	}
	m := corpusQuoted.ReplaceAllString(run.message, `"…"`)
	return corpusColName.ReplaceAllString(m, "column <col>")
}

// corpusComparisons are the operators that compare (a predicate beyond
// equality), as opposed to those that compute a value.
var corpusComparisons = map[string]bool{"<": true, ">": true, "<=": true, ">=": true, "<>": true, "!=": true,
	"~": true, "~*": true, "!~": true, "!~*": true, "@>": true, "<@": true, "?": true, "?|": true, "?&": true, "@?": true, "@@": true}

// corpusCategory is the coarse reason of a refusal.
func corpusCategory(run *corpusRun) string {
	m := run.message
	switch {
	case !run.byProxy:
		return "not the proxy's refusal: error " + run.code
	case strings.Contains(m, "is computed from masked column"):
		return "computed value from a masked column in the output"
	case strings.Contains(m, "COPY"):
		return "COPY"
	case strings.Contains(m, "EXPLAIN ANALYZE"):
		return "EXPLAIN ANALYZE"
	case strings.Contains(m, "has an unknown origin"):
		return "system column (ctid, xmin) of unknown origin"
	case strings.Contains(m, "pg_stat_activity"):
		return "pg_stat_activity (even without its query column)"
	case strings.Contains(m, "not a table or view pgveil serves"):
		return "relation not in pgveil's catalog (a sequence)"
	}
	use := corpusStrictUse.FindStringSubmatch(m)
	if use == nil {
		return corpusReason(run)
	}
	u := use[1]
	op, isOp := strings.CutPrefix(u, "the operator ")
	switch {
	case u == "GROUP BY":
		return "strict: GROUP BY on a masked column"
	case strings.Contains(u, "ORDER BY") || u == "DISTINCT ON":
		return "strict: ordering by a masked column (ORDER BY, window or aggregate ORDER BY, DISTINCT ON)"
	case u == "DISTINCT":
		return "strict: DISTINCT on a masked column"
	case strings.HasPrefix(u, "UNION") || strings.HasPrefix(u, "INTERSECT") || strings.HasPrefix(u, "EXCEPT"):
		return "strict: set operation (UNION/INTERSECT/EXCEPT) over a masked column"
	case strings.HasSuffix(u, "predicate") || isOp && corpusComparisons[op] || strings.Contains(u, "comparison"):
		return "strict: predicate beyond equality (LIKE, range, regex, JSON containment)"
	}
	return "strict: computed value (function, operator, cast or COALESCE on a masked column)"
}

// reasonCounts counts the refusals of queries touching a masked column by
// group (corpusCategory or corpusReason), most frequent first.
func (rep *corpusReport) reasonCounts(group func(*corpusRun) string) []reasonCount {
	byReason := map[string]int{}
	for _, r := range rep.results {
		if run := r.refusal(); run != nil && r.q.touchesMasked() {
			byReason[group(run)]++
		}
	}
	var out []reasonCount
	for k, v := range byReason {
		out = append(out, reasonCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].reason < out[j].reason
	})
	return out
}

type reasonCount struct {
	reason string
	n      int
}

// modesDisagree: one mode served what another refused, or the two refused
// with different messages.
func (r corpusResult) modesDisagree() bool {
	for _, run := range r.runs[1:] {
		if run.served != r.runs[0].served || run.message != r.runs[0].message {
			return true
		}
	}
	return false
}

func logCorpusReport(t *testing.T, rep *corpusReport) {
	masked, maskedRefused, refused := rep.counts()
	t.Logf("posture %s: %d of %d queries touching a masked column refused (%.1f %%, ceiling %.1f %%); %d of %d queries refused in all; %d queries show a canary when run directly",
		rep.posture.name, maskedRefused, masked, 100*rep.rate(), 100*rep.posture.max, refused, len(rep.results), rep.direct)
	for _, rc := range rep.reasonCounts(corpusCategory) {
		t.Logf("  %3d  %s", rc.n, rc.reason)
	}
	for _, r := range rep.results {
		if run := r.refusal(); run != nil {
			t.Logf("  refused %-32s [%s] %s %s", r.q.name, run.mode, run.code, run.message)
		}
		if len(r.runs) > 1 && r.modesDisagree() {
			t.Logf("  protocol modes disagree on %s: %s", r.q.name, corpusRunsText(r.runs))
		}
	}
}

func corpusRunsText(runs []corpusRun) string {
	var parts []string
	for _, run := range runs {
		if run.served {
			parts = append(parts, run.mode+": served")
		} else {
			parts = append(parts, fmt.Sprintf("%s: %s %s", run.mode, run.code, run.message))
		}
	}
	return strings.Join(parts, "; ")
}

// corpusMarkdown is the report: rates per posture, reasons, every refusal.
func corpusMarkdown(queries []corpusQuery, reps []*corpusReport) string {
	var b strings.Builder
	masked := 0
	for _, q := range queries {
		if q.touchesMasked() {
			masked++
		}
	}
	fmt.Fprintf(&b, "# pgveil query corpus: refusals\n\n")
	fmt.Fprintf(&b, "Corpus `testdata/queries/corpus.sql`: %d queries, %d touching a masked column. "+
		"Each ran through the proxy over the simple protocol and the extended protocol (text results); "+
		"a query counts as refused when any mode refused it. Written by `TestQueryCorpus` (proxy/corpus_test.go).\n\n", len(queries), masked)
	b.WriteString("| posture | refused (masked) | rate (masked) | ceiling | target | refused (all queries) | canaries received |\n|---|---|---|---|---|---|---|\n")
	for _, rep := range reps {
		m, mr, all := rep.counts()
		target := "≤ 10 %"
		if rep.posture.name == "standard" {
			target = "0 %"
		}
		fmt.Fprintf(&b, "| %s | %d / %d | %.1f %% | %.1f %% | %s | %d / %d | %d |\n",
			rep.posture.name, mr, m, 100*rep.rate(), 100*rep.posture.max, target, all, len(rep.results), rep.leaks())
	}
	for _, rep := range reps {
		fmt.Fprintf(&b, "\n## Posture %s: refusals of queries touching a masked column, by reason\n\n| refused | reason |\n|---|---|\n", rep.posture.name)
		for _, rc := range rep.reasonCounts(corpusCategory) {
			fmt.Fprintf(&b, "| %d | %s |\n", rc.n, mdCell(rc.reason))
		}
		b.WriteString("\nIn detail (column names replaced):\n\n| refused | message |\n|---|---|\n")
		for _, rc := range rep.reasonCounts(corpusReason) {
			fmt.Fprintf(&b, "| %d | %s |\n", rc.n, mdCell(rc.reason))
		}
		fmt.Fprintf(&b, "\n## Posture %s: every refusal\n\n| query | kind | touches masked | reason | mode | SQLSTATE | message |\n|---|---|---|---|---|---|---|\n", rep.posture.name)
		for _, r := range rep.results {
			run := r.refusal()
			if run == nil {
				continue
			}
			touches := "yes"
			if !r.q.touchesMasked() {
				touches = "no"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n",
				r.q.name, r.q.kind, touches, mdCell(corpusCategory(run)), run.mode, run.code, mdCell(run.message))
		}
	}
	return b.String()
}

// leaks counts the answers that carried a canary.
func (rep *corpusReport) leaks() int {
	n := 0
	for _, r := range rep.results {
		for _, run := range r.runs {
			if run.leak != nil {
				n++
			}
		}
	}
	return n
}

func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
