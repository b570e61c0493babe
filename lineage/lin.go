package lineage

// src is one base column a value depends on.
type src struct {
	ref  ColumnRef
	sens bool // the rules do not keep it
}

// lin is the lineage of one value. Values are immutable: operations return
// new values and never append to a shared srcs slice.
type lin struct {
	srcs   []src
	direct bool // the value is srcs[0] itself, unmodified
	sens   bool // some source is sensitive
	unc    bool // origin not established
	undef  bool // not known yet (a recursive CTE before its first iteration)
}

// risky reports a value the strict posture guards: sensitive or uncertain.
func (l lin) risky() bool { return l.sens || l.unc }

// derive is l as the input of a computation: same sources, never direct.
func (l lin) derive() lin {
	l.direct = false
	l.undef = false
	return l
}

// uncertain is l with its origin marked unknown.
func (l lin) uncertain() lin {
	l = l.derive()
	l.unc = true
	return l
}

// firstSensitive names a sensitive source for messages.
func (l lin) firstSensitive() (ColumnRef, bool) {
	for _, s := range l.srcs {
		if s.sens {
			return s.ref, true
		}
	}
	return ColumnRef{}, false
}

// union is the lineage of a value computed from a and b.
func union(a, b lin) lin {
	if a.undef && b.undef {
		return lin{undef: true}
	}
	switch {
	case len(b.srcs) == 0:
		a = a.derive()
	case len(a.srcs) == 0:
		b = b.derive()
		b.unc = b.unc || a.unc
		return b
	default:
		srcs := make([]src, len(a.srcs), len(a.srcs)+len(b.srcs))
		copy(srcs, a.srcs)
		for _, s := range b.srcs {
			if !hasSrc(srcs, s.ref) {
				srcs = append(srcs, s)
			}
		}
		a = lin{srcs: srcs, sens: a.sens, unc: a.unc}
	}
	a.sens = a.sens || b.sens
	a.unc = a.unc || b.unc
	return a
}

func unionAll(ls []lin) lin {
	if len(ls) == 0 {
		return lin{}
	}
	out := ls[0].derive()
	for _, l := range ls[1:] {
		out = union(out, l)
	}
	return out.derive()
}

func hasSrc(srcs []src, r ColumnRef) bool {
	for _, s := range srcs {
		if s.ref == r {
			return true
		}
	}
	return false
}

// branchMerge is the lineage of a column whose value comes from either a or
// b (set-operation branches, recursive CTE iterations, FULL JOIN USING): it
// stays direct only when both are the same base column.
func branchMerge(a, b lin) lin {
	if a.undef {
		return b
	}
	if b.undef {
		return a
	}
	m := union(a, b)
	m.direct = a.direct && b.direct && a.srcs[0].ref == b.srcs[0].ref
	return m
}

// sameLin compares two lineages as sets, for fixpoints.
func sameLin(a, b lin) bool {
	if a.direct != b.direct || a.sens != b.sens || a.unc != b.unc || a.undef != b.undef || len(a.srcs) != len(b.srcs) {
		return false
	}
	for _, s := range a.srcs {
		if !hasSrc(b.srcs, s.ref) {
			return false
		}
	}
	return true
}

// output turns a lineage into the public form.
func (l lin) output(name string) OutputColumn {
	c := OutputColumn{Name: name, Sensitive: l.sens || l.unc, Uncertain: l.unc}
	if len(l.srcs) > 0 {
		c.Sources = make([]ColumnRef, len(l.srcs))
		for i, s := range l.srcs {
			c.Sources[i] = s.ref
		}
	}
	if l.direct && len(l.srcs) == 1 && !l.unc {
		ref := l.srcs[0].ref
		c.Direct = &ref
	}
	return c
}
