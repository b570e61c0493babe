package rules

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Pos is a place in the rules file. Line and Col are 1-based; zero means
// unknown (e.g. a decision that comes from no rule).
type Pos struct {
	File      string
	Line, Col int
}

// String renders "file:line:col", leaving out the parts that are unknown.
func (p Pos) String() string {
	s := p.File
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Col > 0 {
			s += ":" + strconv.Itoa(p.Col)
		}
	}
	return s
}

// IsZero reports whether the position is unknown.
func (p Pos) IsZero() bool { return p == Pos{} }

// Problem is one error in a rules file.
type Problem struct {
	Pos Pos
	Msg string // one line, never contains the key or a password
}

func (p Problem) Error() string { return p.Pos.String() + ": " + p.Msg }

// MaxProblems is how many problems an Error lists; the rest are counted.
const MaxProblems = 20

// Error is every problem found in one rules file, in file order.
type Error struct {
	List []Problem
	// More counts the problems found beyond MaxProblems.
	More int
}

func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	if e.More > 0 {
		if len(e.List) > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "... and %d more problems", e.More)
	}
	return b.String()
}

// newError sorts problems by position and caps the list.
func newError(list []Problem) *Error {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Pos, list[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	e := &Error{List: list}
	if len(list) > MaxProblems {
		e.List, e.More = list[:MaxProblems:MaxProblems], len(list)-MaxProblems
	}
	return e
}

// problemsOf extracts positioned problems from an error returned through
// the anonymize.Params interface (possibly wrapped by a constructor).
func problemsOf(err error) ([]Problem, bool) {
	var e *Error
	if errors.As(err, &e) && len(e.List) > 0 {
		return e.List, true
	}
	var p Problem
	if errors.As(err, &p) {
		return []Problem{p}, true
	}
	return nil, false
}

// oneLine keeps every message on one line: messages may quote library errors.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "; ")
	return strings.NewReplacer("\n", "; ", "\r", "; ").Replace(s)
}

// suggest returns ` (did you mean "x"?)` when one candidate is close to s.
func suggest(s string, candidates []string) string {
	if best := Nearest(s, candidates); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

// Nearest returns the candidate nearest to s when it is a plausible typo of
// it (edit distance 1 for short names, 2 otherwise), else "".
func Nearest(s string, candidates []string) string {
	if len(s) == 0 || len(s) > 64 {
		return ""
	}
	best, bestDist := "", 0
	for _, c := range candidates {
		if len(c) > 64 {
			continue
		}
		d := editDistance(s, c)
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := 2
	if len(s) <= 4 {
		limit = 1
	}
	if best == "" || bestDist == 0 || bestDist > limit {
		return ""
	}
	return best
}

// editDistance is the optimal-string-alignment distance over bytes (names
// are ASCII): a transposition ("hsah") counts as one edit.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// list renders names for "valid: ..." hints.
func list(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
