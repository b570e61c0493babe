package dump

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
)

// tid is a heap tuple address packed as block<<16 | offset; sorting tids
// sorts rows in physical order.
type tid uint64

func tidOf(t pgtype.TID) tid { return tid(uint64(t.BlockNumber)<<16 | uint64(t.OffsetNumber)) }

// appendTidArrayText appends the array text {"(b,o)",...}. It is safe to
// embed in a string literal: every character comes from numbers formatted
// here.
func appendTidArrayText(dst []byte, tids []tid) []byte {
	dst = append(dst, '{')
	for i, t := range tids {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `"(`...)
		dst = strconv.AppendUint(dst, uint64(t>>16), 10)
		dst = append(dst, ',')
		dst = strconv.AppendUint(dst, uint64(t&0xffff), 10)
		dst = append(dst, `)"`...)
	}
	return append(dst, '}')
}

// maxTidsPerQuery bounds the tid array of one query; larger batches are
// split so no statement grows without limit.
const maxTidsPerQuery = 10000

// edge is one foreign key as it binds one physical referencing table.
type edge struct {
	fk     catalog.ForeignKey
	owner  relname.Name   // the table declaring the key (a partitioned parent for its leaves)
	child  *catalog.Table // physical referencing table
	parent *catalog.Table // referenced table as the key names it: plain or partitioned
}

func (e *edge) String() string {
	return fmt.Sprintf("foreign key %s of %s", e.fk.Name, e.owner)
}

// subsetRun is one ComputeSubset: the row sets and the key graph over
// physical tables.
type subsetRun struct {
	q        catalog.Querier
	snap     *catalog.Snapshot
	children bool
	sets     map[uint32]*rowSet // by physical table OID
	up       map[uint32][]*edge // by OID of the physical referencing table
	down     map[uint32][]*edge // by OID of a physical referenced table
	parts    map[relname.Name][]*catalog.Table
	buf      []byte
}

// ComputeSubset finds the rows matching specs plus, transitively, every row
// they reference through foreign keys, so the fixture restores with every
// constraint valid. With children it also follows references the other way
// from the matching rows and from the rows found that way (a customer's
// tickets, an account's cards), then again the parents of all those, to a
// fixpoint. Rows pulled in only as parents do not have their children
// followed (see rowSet). Self-references and cycles terminate because each
// row is followed at most once in each direction.
//
// It must run on q inside the dump's snapshot transaction (REPEATABLE READ
// or SERIALIZABLE): the rows are identified by ctid.
func ComputeSubset(ctx context.Context, q catalog.Querier, s *catalog.Snapshot, specs []SubsetSpec, children bool) (*Subset, error) {
	if len(specs) == 0 {
		return nil, errors.New("subset: no condition given")
	}
	r := &subsetRun{
		q: q, snap: s, children: children,
		sets: map[uint32]*rowSet{}, up: map[uint32][]*edge{}, down: map[uint32][]*edge{},
		parts: map[relname.Name][]*catalog.Table{},
	}
	if err := r.buildGraph(); err != nil {
		return nil, err
	}
	for _, sp := range specs {
		if err := r.seed(ctx, sp); err != nil {
			return nil, fmt.Errorf("subset %s: %w", sp.Table, err)
		}
	}
	if err := r.fixpoint(ctx); err != nil {
		return nil, err
	}
	sub := &Subset{tables: make(map[relname.Name]*rowSet, len(r.sets))}
	for _, rs := range r.sets {
		rs.up, rs.down = nil, nil
		sub.tables[rs.table.Name] = rs
	}
	return sub, nil
}

// leaves returns the physical tables holding t's rows: t itself for a plain
// table (inheritance children have their own ctids and their own keys),
// every leaf partition for a partitioned table.
func (r *subsetRun) leaves(t *catalog.Table) []*catalog.Table {
	switch t.Kind {
	case catalog.KindTable:
		return []*catalog.Table{t}
	case catalog.KindPartitioned:
		var out []*catalog.Table
		for _, p := range r.parts[t.Name] {
			out = append(out, r.leaves(p)...)
		}
		return out
	}
	return nil
}

// buildGraph binds every foreign key to the physical tables on both ends.
// A key a partitioned table declares binds each of its leaves; the copies
// the server keeps on the partitions themselves bind the same pairs and are
// deduplicated.
func (r *subsetRun) buildGraph() error {
	tables := r.snap.Sorted()
	for _, t := range tables {
		if t.Parent != nil {
			if p := r.snap.Tables[*t.Parent]; p != nil && p.Kind == catalog.KindPartitioned {
				r.parts[p.Name] = append(r.parts[p.Name], t)
			}
		}
	}
	seen := map[string]bool{}
	for _, t := range tables {
		for _, fk := range t.ForeignKey {
			parent := r.snap.Tables[fk.RefTable]
			if parent == nil {
				return fmt.Errorf("subset: foreign key %s of %s references %s, which is not in the catalog", fk.Name, t.Name, fk.RefTable)
			}
			if len(fk.Columns) == 0 || len(fk.Columns) != len(fk.RefColumns) {
				return fmt.Errorf("subset: foreign key %s of %s has no usable column list", fk.Name, t.Name)
			}
			for _, c := range r.leaves(t) {
				key := fmt.Sprintf("%d\x00%q\x00%s\x00%q", c.OID, fk.Columns, fk.RefTable, fk.RefColumns)
				if seen[key] {
					continue
				}
				seen[key] = true
				e := &edge{fk: fk, owner: t.Name, child: c, parent: parent}
				r.up[c.OID] = append(r.up[c.OID], e)
				for _, pp := range r.leaves(parent) {
					r.down[pp.OID] = append(r.down[pp.OID], e)
				}
			}
		}
	}
	return nil
}

// seed adds the rows matching one condition.
func (r *subsetRun) seed(ctx context.Context, sp SubsetSpec) error {
	t := r.snap.Tables[sp.Table]
	if t == nil {
		return errors.New("no such table")
	}
	if t.Kind != catalog.KindTable && t.Kind != catalog.KindPartitioned {
		return errors.New("not a table (views and foreign tables cannot seed a subset)")
	}
	if sp.Where == "" {
		return errors.New("empty condition")
	}
	// The condition is the deparse of a checked tree (ParseSubset); the
	// parentheses keep it one operand. No alias, so table.col resolves.
	sql := "SELECT tableoid, ctid FROM " + t.Name.Quoted() + " WHERE (" + sp.Where + ")"
	return r.collect(ctx, sql, nil, true)
}

// collect runs a query returning (tableoid, ctid) and adds its rows.
func (r *subsetRun) collect(ctx context.Context, sql string, args []any, below bool) error {
	rows, err := r.q.Query(ctx, sql, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var oid uint32
	var ctid pgtype.TID
	for rows.Next() {
		if err := rows.Scan(&oid, &ctid); err != nil {
			return err
		}
		if err := r.add(oid, tidOf(ctid), below); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (r *subsetRun) add(oid uint32, t tid, below bool) error {
	rs := r.sets[oid]
	if rs == nil {
		tbl := r.snap.ByOID[oid]
		if tbl == nil || tbl.Kind != catalog.KindTable {
			return fmt.Errorf("a row lives in relation %d, which is not a plain table of the catalog (foreign partition?)", oid)
		}
		rs = &rowSet{table: tbl, rows: map[tid]bool{}}
		r.sets[oid] = rs
	}
	was, ok := rs.rows[t]
	switch {
	case !ok:
		rs.rows[t] = below
		rs.up = append(rs.up, t)
	case below && !was:
		rs.rows[t] = true
	default:
		return nil
	}
	if below && r.children {
		rs.down = append(rs.down, t)
	}
	return nil
}

// fixpoint follows queued rows until no new row appears.
func (r *subsetRun) fixpoint(ctx context.Context) error {
	for {
		oids := make([]uint32, 0, len(r.sets))
		for oid, rs := range r.sets {
			if len(rs.up) > 0 || len(rs.down) > 0 {
				oids = append(oids, oid)
			}
		}
		if len(oids) == 0 {
			return nil
		}
		slices.Sort(oids)
		for _, oid := range oids {
			if err := ctx.Err(); err != nil {
				return err
			}
			rs := r.sets[oid]
			up, down := rs.up, rs.down
			rs.up, rs.down = nil, nil
			for _, e := range r.up[oid] {
				if err := r.follow(ctx, e, rs.table, up, false); err != nil {
					return fmt.Errorf("subset: following %s to %s: %w", e, e.parent.Name, err)
				}
			}
			for _, e := range r.down[oid] {
				if err := r.follow(ctx, e, rs.table, down, true); err != nil {
					return fmt.Errorf("subset: following %s back from %s: %w", e, rs.table.Name, err)
				}
			}
		}
	}
}

// follow adds the rows at the other end of e from the rows tids of the
// physical table from: their parents (the referenced rows), or with back
// their children (the rows of e.child referencing them).
func (r *subsetRun) follow(ctx context.Context, e *edge, from *catalog.Table, tids []tid, back bool) error {
	if len(tids) == 0 {
		return nil
	}
	cols := func(alias string, names []string) string {
		parts := make([]string, len(names))
		for i, n := range names {
			parts[i] = alias + "." + pgx.Identifier{n}.Sanitize()
		}
		return strings.Join(parts, ", ")
	}
	var sql string
	if back {
		sql = "SELECT c.tableoid, c.ctid FROM ONLY " + e.child.Name.Quoted() + " c WHERE (" + cols("c", e.fk.Columns) +
			") IN (SELECT " + cols("p", e.fk.RefColumns) + " FROM ONLY " + from.Name.Quoted() +
			" p WHERE p.ctid = ANY ($1::text::tid[]))"
	} else {
		only := "ONLY "
		if e.parent.Kind == catalog.KindPartitioned {
			only = ""
		}
		sql = "SELECT p.tableoid, p.ctid FROM " + only + e.parent.Name.Quoted() + " p WHERE (" + cols("p", e.fk.RefColumns) +
			") IN (SELECT " + cols("c", e.fk.Columns) + " FROM ONLY " + from.Name.Quoted() +
			" c WHERE c.ctid = ANY ($1::text::tid[]))"
	}
	for len(tids) > 0 {
		n := min(len(tids), maxTidsPerQuery)
		r.buf = appendTidArrayText(r.buf[:0], tids[:n])
		if err := r.collect(ctx, sql, []any{string(r.buf)}, back); err != nil {
			return err
		}
		tids = tids[n:]
	}
	return nil
}

// Subset is the set of rows a fixture holds, per physical table (a leaf
// partition, or a plain table without the rows of its inheritance
// children). Rows are identified by ctid, which is stable only inside the
// snapshot the subset was computed in: Filter's clauses are valid for
// transactions that share that snapshot. Memory grows with the subset (a
// map entry per row, roughly 50 bytes): subsets are meant for fixtures.
type Subset struct {
	tables map[relname.Name]*rowSet
}

// rowSet is the chosen rows of one physical table.
type rowSet struct {
	table *catalog.Table
	// rows maps each chosen row to whether it is "below" a seed: a seed
	// itself, or reached by following a reference backwards (child rows).
	// Only those rows have their children followed; rows pulled in as the
	// parent of another row only have their own parents followed, else one
	// customer's ticket would pull its agent and then every ticket of that
	// agent, and the fixture would grow into the whole database.
	rows map[tid]bool
	// up and down queue rows whose parents and children are still to follow.
	up, down []tid
}

// Filter returns the WHERE clause (without "WHERE") selecting the subset's
// rows of physical table t, for COPY (SELECT ... FROM t WHERE <clause>), and
// false when the subset holds no rows of t. The clause also pins tableoid,
// so it selects the right rows with or without ONLY.
func (s *Subset) Filter(t relname.Name) (string, bool) {
	rs := s.tables[t]
	if rs == nil || len(rs.rows) == 0 {
		return "", false
	}
	tids := rs.sorted()
	b := make([]byte, 0, 40+len(tids)*14)
	b = append(b, "tableoid = "...)
	b = strconv.AppendUint(b, uint64(rs.table.OID), 10)
	b = append(b, "::oid AND ctid = ANY ("...)
	b = append(b, '\'')
	b = appendTidArrayText(b, tids)
	b = append(b, "'::tid[])"...)
	return string(b), true
}

// Tables returns the tables holding at least one row of the subset, sorted.
func (s *Subset) Tables() []relname.Name {
	out := make([]relname.Name, 0, len(s.tables))
	for n, rs := range s.tables {
		if len(rs.rows) > 0 {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, relname.Name.Compare)
	return out
}

// Rows returns how many rows of physical table t the subset holds.
func (s *Subset) Rows(t relname.Name) int {
	if rs := s.tables[t]; rs != nil {
		return len(rs.rows)
	}
	return 0
}

func (rs *rowSet) sorted() []tid {
	tids := make([]tid, 0, len(rs.rows))
	for t := range rs.rows {
		tids = append(tids, t)
	}
	slices.Sort(tids)
	return tids
}
