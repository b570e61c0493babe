package catalog

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/relname"
)

// NameColumns is what LoadKnownNames reads of the rules (*rules.Rules is
// one): the columns that hold person names, in the order a known-name index
// takes them, each with the mask that gives its values their pseudonyms. An
// interface of plain types, so that the catalog does not import the rules.
type NameColumns interface {
	EachNameColumn(fn func(table relname.Name, column string, m anonymize.Masker) error) error
}

// LoadKnownNames reads the distinct values of the rules' name columns and
// builds the index the scrub masks use to give a name in free text its
// column's pseudonym. Generated columns are left out: no dump holds their
// values (the restore recomputes them from the masked columns), and the
// dump, the filter and the proxy must build the same index. Columns the
// rules name but the schema lacks are skipped (`pgveil check` reports them).
func LoadKnownNames(ctx context.Context, q Querier, s *Snapshot, r NameColumns, budget int64) (*anonymize.KnownNames, error) {
	b := anonymize.NewKnownNamesBuilder(budget)
	// Every name column is registered, in the rules' order, even when it
	// holds nothing here: the filter registers the same list, and a value
	// held by two columns must resolve to the same one in both.
	err := r.EachNameColumn(func(table relname.Name, column string, m anonymize.Masker) error {
		label := table.String() + "." + column
		id, err := b.Column(label, m)
		if err != nil {
			return err
		}
		t := s.Tables[table]
		if t == nil || !t.HoldsRows() {
			return nil
		}
		col, ok := t.Column(column)
		if !ok || col.Generated || col.Type.Array {
			return nil
		}
		if err := loadColumnNames(ctx, q, t.Name, col, b, id); err != nil {
			return fmt.Errorf("known names: %s: %w", label, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.Build()
}

func loadColumnNames(ctx context.Context, q Querier, t relname.Name, col Column, b *anonymize.KnownNamesBuilder, id int) error {
	c := pgx.Identifier{col.Name}.Sanitize()
	rows, err := q.Query(ctx, fmt.Sprintf("SELECT DISTINCT %s::text FROM %s WHERE %s IS NOT NULL", c, t.Quoted(), c),
		pgx.QueryResultFormats{pgx.TextFormatCode})
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := b.Add(id, rows.RawValues()[0]); err != nil {
			return err
		}
	}
	return rows.Err()
}
