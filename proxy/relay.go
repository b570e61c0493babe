package proxy

import "errors"

// errMask marks a value the masks rejected: the result is cut off there.
var errMask = errors.New("a value could not be masked")

// relayRow masks and sends one row of a result and returns the rows sent
// (0 or 1). A masking failure is reported as errMask; any other error is
// the client's connection.
//
// Masking stays on the session's goroutine. Spreading the rows of long
// results over the cores was tried (batches masked by one masker per
// worker, sent in order): on the 2-core benchmark machine it gained
// nothing, because the proxy, the server and the client already keep both
// cores busy, so it was not kept (bench/RESULTS.md).
func (s *session) relayRow(plan *rowPlan, vals [][]byte) (int, error) {
	s.countRow()
	out, size, err := s.mk.formats(plan, vals, s.streak >= memoAfter, s.srv.codec)
	if err != nil {
		return 0, errMask
	}
	s.out.Values = out
	return 1, s.sendClient(&s.out, size)
}

// endResult runs before any message that is not a row: the next result
// starts a new count (the memo is for long results only).
func (s *session) endResult() {
	s.streak = 0
}
