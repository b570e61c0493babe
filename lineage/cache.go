package lineage

import (
	"strings"
	"sync"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/rules"
)

// Cache reuses verdicts across statements that differ only in their
// constants: a driver or pgbench sends "... WHERE aid = 1", "... WHERE aid
// = 2", ..., and a full analysis costs far more than finding the constants
// (quickKey, or pg_query's normalisation when a plain scan cannot).
//
// Reuse is sound because a verdict that looked at no constant's value is the
// same for every value: constants carry no lineage (only tables do), and
// the places where a value decides (SET values, EXPLAIN and transaction
// options, ORDER BY/GROUP BY positions) mark the statement constDependent,
// which is never stored. Neither are statements of other classes than
// SELECT and VALUES unless refused, nor any statement with an unresolved
// name (a catalog refresh may resolve it). Entries live for one catalog
// snapshot and one rules value: either changing empties the cache.
type Cache struct {
	mu    sync.Mutex
	snap  *catalog.Snapshot
	rules *rules.Rules
	// Two generations approximate LRU: lookups promote from old to cur;
	// when cur is full it becomes old and old is dropped.
	cur, old map[cacheKey]*Analysis
	max      int
}

type cacheKey struct {
	normalized string
	posture    Posture
	path, user string
}

// NewCache holds up to about 2*max analyses.
func NewCache(max int) *Cache {
	if max < 1 {
		max = 1
	}
	return &Cache{max: max, cur: make(map[cacheKey]*Analysis)}
}

// Analyze is AnalyzeWith through the cache. The returned Analysis may be
// shared with other callers: it must not be modified.
func (c *Cache) Analyze(sql string, snap *catalog.Snapshot, r *rules.Rules, opt Options) (*Analysis, error) {
	norm, ok := quickKey(sql)
	if ok {
		norm = "q" + norm
	} else {
		n, err := pg.Normalize(sql)
		if err != nil {
			return AnalyzeWith(sql, snap, r, opt) // a parse refusal
		}
		norm = "n" + n
	}
	key := cacheKey{normalized: norm, posture: opt.Posture, path: strings.Join(opt.SearchPath, "\x00"), user: opt.User}
	if opt.SearchPath == nil {
		key.path = "\x01default"
	}
	if an := c.get(key, snap, r); an != nil {
		return an, nil
	}
	an, err := AnalyzeWith(sql, snap, r, opt)
	if err == nil && reusable(an) {
		c.put(key, snap, r, an)
	}
	return an, err
}

func (c *Cache) get(key cacheKey, snap *catalog.Snapshot, r *rules.Rules) *Analysis {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.snap != snap || c.rules != r {
		return nil
	}
	if an, ok := c.cur[key]; ok {
		return an
	}
	if an, ok := c.old[key]; ok {
		c.insert(key, an)
		return an
	}
	return nil
}

func (c *Cache) put(key cacheKey, snap *catalog.Snapshot, r *rules.Rules, an *Analysis) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.snap != snap || c.rules != r {
		c.snap, c.rules = snap, r
		c.cur, c.old = make(map[cacheKey]*Analysis), nil
	}
	c.insert(key, an)
}

func (c *Cache) insert(key cacheKey, an *Analysis) {
	if len(c.cur) >= c.max {
		c.old, c.cur = c.cur, make(map[cacheKey]*Analysis, c.max)
	}
	c.cur[key] = an
}

// reusable decides whether a verdict holds for every statement that
// differs from this one only in constants.
func reusable(an *Analysis) bool {
	if len(an.Statements) == 0 {
		return false
	}
	for i := range an.Statements {
		st := &an.Statements[i]
		if st.constDependent || st.Unresolved || st.Fingerprint == "" {
			// No fingerprint: the text does not parse, and the parser's
			// message gives a position that depends on the constants.
			return false
		}
		switch st.Class {
		case ClassSelect, ClassValues, ClassRefused:
		default:
			return false
		}
	}
	return true
}
