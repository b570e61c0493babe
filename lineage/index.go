package lineage

import (
	"sync"
	"sync/atomic"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// snapIndex is what the analysis derives from one catalog snapshot and
// reuses across statements: the inheritance children of each relation and
// the analysed view definitions. Snapshots are immutable, so the index is
// too, except for the view cache behind its mutex.
type snapIndex struct {
	snap     *catalog.Snapshot
	children map[relname.Name][]*catalog.Table

	mu    sync.Mutex
	views map[viewKey]*viewResult
}

type viewKey struct {
	rules *rules.Rules
	name  relname.Name
}

// viewResult is the lineage of a view's columns (by attnum order).
type viewResult struct {
	cols    []lin
	refusal *Refusal
	touches bool
}

// lastIndex keeps the index of the latest snapshot: the proxy analyses
// statements against one snapshot at a time, replaced on refresh.
var lastIndex atomic.Pointer[snapIndex]

func indexFor(s *catalog.Snapshot) *snapIndex {
	if idx := lastIndex.Load(); idx != nil && idx.snap == s {
		return idx
	}
	idx := &snapIndex{snap: s, children: map[relname.Name][]*catalog.Table{}, views: map[viewKey]*viewResult{}}
	for _, t := range s.Tables {
		if t.Parent != nil {
			idx.children[*t.Parent] = append(idx.children[*t.Parent], t)
		}
	}
	lastIndex.Store(idx)
	return idx
}

func (idx *snapIndex) view(k viewKey) *viewResult {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	return idx.views[k]
}

func (idx *snapIndex) storeView(k viewKey, v *viewResult) {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.views[k] = v
}

// family is t and, unless only, every relation that inherits from it or is
// one of its partitions, at any depth: reading t reads their rows too.
func (idx *snapIndex) family(t *catalog.Table, only bool) []*catalog.Table {
	out := []*catalog.Table{t}
	if only {
		return out
	}
	seen := map[relname.Name]bool{t.Name: true}
	for i := 0; i < len(out); i++ {
		for _, c := range idx.children[out[i].Name] {
			if !seen[c.Name] {
				seen[c.Name] = true
				out = append(out, c)
			}
		}
	}
	return out
}
