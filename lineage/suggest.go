package lineage

import (
	"sort"
	"strings"
)

// A name the analysis cannot resolve gets PostgreSQL's kind of message
// ("column "emial" does not exist") and, when one name in scope is close,
// a did-you-mean hint. Only names from the catalog and the statement are
// suggested, never values.

// closestName returns the candidate nearest to name by edit distance (case
// folded), if it is near enough to be a typo: at most one edit for names of
// up to four bytes, two for longer ones. Ties go to the candidate that sorts
// first, so the hint does not depend on map order.
func closestName(name string, candidates []string) (string, bool) {
	limit := 2
	if len(name) <= 4 {
		limit = 1
	}
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	best, bestDist := "", limit+1
	for _, c := range sorted {
		if c == name || c == "" {
			continue
		}
		if d := editDistance(strings.ToLower(name), strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// columnNames lists the named columns of items.
func columnNames(items []*nsItem) []string {
	var names []string
	for _, it := range items {
		for _, c := range it.cols {
			if !c.many && c.name != "" {
				names = append(names, c.name)
			}
		}
	}
	return names
}

// visibleColumns lists the column names an unqualified reference could
// mean, at every level of sc.
func visibleColumns(sc *scope) []string {
	var items []*nsItem
	for s := sc; s != nil; s = s.parent {
		for _, it := range s.items {
			if it.colsVisible {
				items = append(items, it)
			}
		}
	}
	return columnNames(items)
}

// relationNames lists the relations of the snapshot, by bare name.
func (a *analyzer) relationNames() []string {
	names := make([]string, 0, len(a.snap.Tables))
	for n := range a.snap.Tables {
		names = append(names, n.Name)
	}
	return names
}

// unresolvedNear is unresolvedName for what, which names name, with a
// did-you-mean hint from candidates ("column" or "relation" says which). A
// relation pgveil does not serve (a sequence, say) may exist on the server,
// so its message says both.
func (a *analyzer) unresolvedNear(state, kind, what, name string, candidates []string) lin {
	hint := ""
	if c, ok := closestName(name, candidates); ok {
		hint = "Perhaps you meant the " + kind + " \"" + c + "\"."
	}
	msg := "pgveil: " + what + " does not exist"
	if kind == "relation" {
		msg += ", or is not a table or view pgveil serves"
	}
	return a.unresolvedHint(state, msg, hint)
}
