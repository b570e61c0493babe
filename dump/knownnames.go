package dump

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/relname"
)

// Known names from a pg_dump stream. In a plain dump the tables come in
// name order, so a ticket may come before the customers it names: the
// filter therefore reads the stream twice. The first pass (KnownNames) runs
// the same parser over the stream, COPY blocks and INSERT statements alike,
// and only collects the values of the rules' name columns (rows: none
// tables included, as the dump and the proxy do); the second pass masks.
// `pgveil anonymize` spools standard input to a temporary file for this.

// nameCollector is the filter's state in a collecting pass.
type nameCollector struct {
	mu      sync.Mutex
	b       *anonymize.KnownNamesBuilder
	columns map[relname.Name]map[string]int // rules table -> column -> builder column
}

func newNameCollector(f *Filter, budget int64) (*nameCollector, error) {
	c := &nameCollector{b: anonymize.NewKnownNamesBuilder(budget), columns: map[relname.Name]map[string]int{}}
	// The same walk as catalog.LoadKnownNames: both indexes number the
	// columns alike.
	err := f.Rules.EachNameColumn(func(table relname.Name, column string, m anonymize.Masker) error {
		id, err := c.b.Column(table.String()+"."+column, m)
		if err != nil {
			return err
		}
		if c.columns[table] == nil {
			c.columns[table] = map[string]int{}
		}
		c.columns[table][column] = id
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// plan binds the name columns of a COPY or INSERT column list to the
// collector and keeps every other column.
func (c *nameCollector) plan(q, rq relname.Name, cols []string) *tablePlan {
	p := &tablePlan{table: q}
	byCol := c.columns[rq]
	for _, name := range cols {
		cp := columnPlan{name: name, keep: true, bound: anonymize.KeepBound()}
		if id, ok := byCol[name]; ok {
			cp.keep = false
			cp.bound = anonymize.FuncBound(func(dst, src []byte) ([]byte, error) {
				c.mu.Lock()
				err := c.b.Add(id, src)
				c.mu.Unlock()
				return append(dst, src...), err
			})
			p.masked++
		}
		p.cols = append(p.cols, cp)
	}
	return p
}

// KnownNames reads a plain-format pg_dump stream and returns the index of
// the person names its rows hold in the rules' name columns. budget limits
// the index's memory (0: anonymize.DefaultKnownNamesBudget).
func (f *Filter) KnownNames(ctx context.Context, r io.Reader, budget int64) (*anonymize.KnownNames, error) {
	c, err := newNameCollector(f, budget)
	if err != nil {
		return nil, err
	}
	pass := *f
	pass.Workers = 1
	pass.collect = c
	if _, err := pass.Run(ctx, r, io.Discard); err != nil {
		return nil, fmt.Errorf("read known names: %w", err)
	}
	return c.b.Build()
}
