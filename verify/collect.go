package verify

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/pgveil/pgveil/catalog"
)

// Enum-like values are not searched: a value held by more than
// commonRows rows that are also more than 1/commonShare of the column's
// non-NULL rows (a status, an action code) is vocabulary, not personal data.
const (
	commonRows  = 10
	commonShare = 100
)

// CollectOptions tunes which original values are read.
type CollectOptions struct {
	// Sample, when positive, reads at most Sample values per column (per
	// name pair, per json column): the first by md5 of the value, so the
	// same database gives the same sample.
	Sample int
}

// Collect reads the original values of every planned column through q (a
// read-only transaction, for one consistent snapshot) into b. It returns
// the number of values read per plan (0 for skipped ones).
func Collect(ctx context.Context, q catalog.Querier, plans []ColumnPlan, b *Builder, opt CollectOptions) ([]int64, error) {
	counts := make([]int64, len(plans))
	for i, p := range plans {
		var n int64
		var err error
		switch p.Treat {
		case Whole:
			n, err = collectWhole(ctx, q, p, b, opt)
		case JSONPaths, JSONLeaves:
			n, err = collectJSON(ctx, q, p, b, opt)
		case NamePart:
			if p.Mask == "first_name" {
				n, err = collectPairs(ctx, q, p, plans, b, opt)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("read %s.%s: %w", p.Table, p.Column.Name, err)
		}
		counts[i] = n
	}
	return counts, nil
}

func ident(s string) string { return pgx.Identifier{s}.Sanitize() }

// sampled wraps a query of column v in the deterministic sample.
func sampled(sql, order string, opt CollectOptions) string {
	if opt.Sample <= 0 {
		return sql
	}
	return fmt.Sprintf("SELECT * FROM (%s) s ORDER BY md5(%s) LIMIT %d", sql, order, opt.Sample)
}

func collectWhole(ctx context.Context, q catalog.Querier, p ColumnPlan, b *Builder, opt CollectOptions) (int64, error) {
	o, err := b.AddOrigin(Origin{Table: p.Table.String(), Column: p.Column.Name, Mask: p.Mask, RowsNone: p.RowsNone})
	if err != nil {
		return 0, err
	}
	col, from := "t."+ident(p.Column.Name), p.Table.Quoted()+" t"
	if p.Column.Type.Array {
		col, from = "e", from+" CROSS JOIN LATERAL unnest(t."+ident(p.Column.Name)+") AS u(e)"
	}
	sql := fmt.Sprintf(`SELECT v FROM (SELECT v, n, sum(n) OVER () AS total FROM (
		SELECT %s::text AS v, count(*) AS n FROM %s WHERE %s IS NOT NULL GROUP BY 1) g) w
		WHERE (n <= %d OR n * %d <= total) AND length(v) >= %d`, col, from, col, commonRows, commonShare, b.filter.MinLength)
	return each(ctx, q, sampled(sql, "v", opt), func(vals [][]byte) {
		b.Add(o, string(vals[0]), p.Form)
	})
}

// collectPairs indexes "First Last", "Last First" and "Last, First" for
// this first-name column with every last-name column of its table.
func collectPairs(ctx context.Context, q catalog.Querier, p ColumnPlan, plans []ColumnPlan, b *Builder, opt CollectOptions) (int64, error) {
	var total int64
	for _, l := range plans {
		if l.Table != p.Table || l.Treat != NamePart || l.Mask != "last_name" {
			continue
		}
		o, err := b.AddOrigin(Origin{Table: p.Table.String(), Column: p.Column.Name + "+" + l.Column.Name,
			Mask: "first_name+last_name", RowsNone: p.RowsNone})
		if err != nil {
			return 0, err
		}
		f, ln := "t."+ident(p.Column.Name), "t."+ident(l.Column.Name)
		sql := fmt.Sprintf(`SELECT f, l FROM (SELECT f, l, n, sum(n) OVER () AS total FROM (
			SELECT %s::text AS f, %s::text AS l, count(*) AS n FROM %s t
			WHERE %s IS NOT NULL AND %s IS NOT NULL GROUP BY 1, 2) g) w
			WHERE n <= %d OR n * %d <= total`, f, ln, p.Table.Quoted(), f, ln, commonRows, commonShare)
		n, err := each(ctx, q, sampled(sql, "f || ' ' || l", opt), func(vals [][]byte) {
			first, last := string(vals[0]), string(vals[1])
			if first == "" || last == "" {
				return
			}
			b.Add(o, first+" "+last, FormPlain)
			b.Add(o, last+" "+first, FormPlain)
			b.Add(o, last+", "+first, FormPlain)
		})
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// collectJSON decodes each distinct document and indexes the strings at
// the planned paths (every string for JSONLeaves).
func collectJSON(ctx context.Context, q catalog.Querier, p ColumnPlan, b *Builder, opt CollectOptions) (int64, error) {
	targets := p.Targets
	if p.Treat == JSONLeaves {
		targets = []JSONTarget{{Path: "", Mask: p.Mask}}
	}
	origins := make([]int, len(targets))
	forms := make([]Form, len(targets))
	for i, t := range targets {
		o, err := b.AddOrigin(Origin{Table: p.Table.String(), Column: p.Column.Name, Path: t.Path, Mask: t.Mask, RowsNone: p.RowsNone})
		if err != nil {
			return 0, err
		}
		origins[i] = o
		_, forms[i], _ = maskTreatment(t.Mask)
	}
	col := "t." + ident(p.Column.Name)
	sql := fmt.Sprintf(`SELECT %s::text AS v FROM %s t WHERE %s IS NOT NULL GROUP BY 1`, col, p.Table.Quoted(), col)
	var bad error
	n, err := each(ctx, q, sampled(sql, "v", opt), func(vals [][]byte) {
		doc, err := decodeJSON(vals[0])
		if err != nil {
			bad = err
			return
		}
		for i, t := range targets {
			jsonStrings(doc, t.steps, func(s string) { b.Add(origins[i], s, forms[i]) })
		}
	})
	if err == nil && bad != nil {
		err = fmt.Errorf("a document is not valid JSON: %w", bad)
	}
	return n, err
}

// each runs sql and calls f with the raw text of each row's columns.
func each(ctx context.Context, q catalog.Querier, sql string, f func([][]byte)) (int64, error) {
	rows, err := q.Query(ctx, sql)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int64
	for rows.Next() {
		f(rows.RawValues())
		n++
	}
	return n, rows.Err()
}
