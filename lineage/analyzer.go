package lineage

import (
	"fmt"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// Limits that keep hostile statements cheap to analyse.
const (
	maxSteps     = 1_000_000 // nodes visited per statement (views and CTE iterations included)
	maxDepth     = 1000      // nesting of expressions and subqueries
	maxViewDepth = 16        // views defined over views
	maxFixpoint  = 32        // iterations of a recursive CTE
)

// viewPath resolves names in view definitions: pg_get_viewdef qualifies
// every relation not visible on the catalog loader's search_path, which the
// snapshot records; hand-built snapshots mean public.
func (a *analyzer) viewPath() []string {
	if a.snap.ViewSearchPath != nil {
		return a.snap.ViewSearchPath
	}
	return []string{"public"}
}

// analyzer holds the state of one statement's analysis (and, with inView
// set, of one view definition's).
type analyzer struct {
	snap       *catalog.Snapshot
	rules      *rules.Rules
	idx        *snapIndex
	strict     bool
	searchPath []string // effective: pg_catalog included

	inView    bool           // analysing a view definition: no posture checks; unknown functions make values uncertain
	viewStack []relname.Name // views being expanded, for cycles and depth

	refusal    *Refusal
	touches    bool
	unresolved bool
	constRead  bool // a decision looked at a constant's value (see Cache)

	steps, depth int
	tables       map[tableKey][]col
}

type tableKey struct {
	t   *catalog.Table
	inh bool
}

func newAnalyzer(snap *catalog.Snapshot, r *rules.Rules, opt Options) *analyzer {
	return &analyzer{
		snap:       snap,
		rules:      r,
		idx:        indexFor(snap),
		strict:     opt.Posture == PostureStrict,
		searchPath: effectivePath(opt.SearchPath, opt.User),
	}
}

// effectivePath applies PostgreSQL's rules: "$user" is the session user,
// pg_catalog comes first unless listed explicitly.
func effectivePath(path []string, user string) []string {
	if path == nil {
		path = []string{"$user", "public"}
	}
	out := make([]string, 0, len(path)+1)
	hasCatalog := false
	for _, s := range path {
		if s == "$user" {
			if user == "" {
				continue
			}
			s = user
		}
		if s == "pg_catalog" {
			hasCatalog = true
		}
		out = append(out, s)
	}
	if !hasCatalog {
		out = append([]string{"pg_catalog"}, out...)
	}
	return out
}

// stopped reports that the statement is already refused: the rest of the
// analysis cannot change the verdict.
func (a *analyzer) stopped() bool { return a.refusal != nil }

// refuse records the first refusal.
func (a *analyzer) refuse(state, msg, hint string) {
	if a.refusal == nil {
		a.refusal = &Refusal{SQLState: state, Message: msg, Hint: hint}
	}
}

// step counts work and nesting; false means the limits are exceeded (and
// the statement refused). Every true must be paired with leave.
func (a *analyzer) step() bool {
	a.steps++
	a.depth++
	if a.steps > maxSteps || a.depth > maxDepth {
		a.refuse("54001", "pgveil: statement too complex to analyse",
			"split it into simpler statements or nest less deeply")
		a.depth--
		return false
	}
	return true
}

func (a *analyzer) leave() { a.depth-- }

// unknown handles a construct pgveil cannot analyse: refused in a client
// statement, and inside a view definition too (see below).
func (a *analyzer) unknown(l lin, what, hint string) lin {
	if a.inView {
		// Refused even when no selected column depends on it: a user
		// function runs for every row the view reads and may put what it
		// reads anywhere a client sees (a notice, an error and its
		// SQLSTATE, a setting reported back, the time taken).
		a.touches = true
		a.refuse("42501", "pgveil: "+what,
			"select from the tables the view reads instead; pgveil cannot analyse what the view computes")
		return l.uncertain()
	}
	a.refuse("42501", "pgveil: "+what, hint)
	return l.uncertain()
}

// unresolvedName refuses a reference to something the snapshot does not
// have; a fresher snapshot may know it. Inside a view it is uncertain.
func (a *analyzer) unresolvedName(state, what string) lin {
	return a.unresolvedHint(state, "pgveil: "+what+" does not exist", "")
}

// unresolvedHint is unresolvedName with a hint of the caller's (a
// did-you-mean, suggest.go); the proxy reads the catalog again before it
// answers with this, so "does not exist" is what the server would say too.
func (a *analyzer) unresolvedHint(state, msg, hint string) lin {
	if a.inView {
		a.touches = true
		return lin{unc: true}
	}
	a.unresolved = true
	if hint == "" {
		hint = "pgveil reads the catalog again when a name is missing; retry if it was created in the last second"
	}
	a.refuse(state, msg, hint)
	return lin{unc: true}
}

// posture refuses, under the strict posture, a sensitive or uncertain
// value used in a way that could reveal it (use says how).
func (a *analyzer) posture(l lin, use string) {
	if !a.strict || a.inView || !l.risky() || a.stopped() {
		return
	}
	hint := "compare masked columns only with = or IN against constants or parameters, join them with =, " +
		"test them with IS NULL, or select the column itself to get its masked value; " +
		"posture standard (proxy.posture in the rules file) allows this use"
	if ref, ok := l.firstSensitive(); ok {
		a.refuse("42501", fmt.Sprintf("pgveil: column %s is masked and cannot be used in %s under posture strict", ref, use), hint)
		return
	}
	a.refuse("42501", fmt.Sprintf("pgveil: a value whose origin pgveil cannot establish cannot be used in %s under posture strict", use), hint)
}

// touch notes a reference to a sensitive or uncertain value.
func (a *analyzer) touch(l lin) {
	if l.risky() {
		a.touches = true
	}
}
