package verify

import (
	"fmt"
	"strings"
)

// Text renders a finding as one line for people; it never holds the value.
func (f Finding) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "line %d", f.Line)
	if f.Section != "" {
		fmt.Fprintf(&b, " (%s)", f.Section)
	}
	fmt.Fprintf(&b, ": original value of %s [%s], fingerprint %s", f.Origin, f.Origin.Mask, f.Fingerprint)
	if len(f.Also) > 0 {
		also := make([]string, len(f.Also))
		for i, o := range f.Also {
			also[i] = o.String()
		}
		fmt.Fprintf(&b, " (also in %s)", strings.Join(also, ", "))
	}
	return b.String()
}

// Coverage sums up a plan for the summary: the columns searched, and the
// columns not searched grouped by reason (kept columns only counted).
type Coverage struct {
	Searched    []string
	NotSearched map[string][]string // reason -> table.column
	Kept        int
}

// Cover sums up plans.
func Cover(plans []ColumnPlan) Coverage {
	c := Coverage{NotSearched: map[string][]string{}}
	for _, p := range plans {
		name := p.Table.String() + "." + p.Column.Name
		switch {
		case p.Treat != Skip:
			c.Searched = append(c.Searched, name)
		case p.Reason == ReasonKept:
			c.Kept++
		default:
			c.NotSearched[p.Reason] = append(c.NotSearched[p.Reason], name)
		}
	}
	return c
}
