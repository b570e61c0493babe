package anonymize

import (
	"sync"
	"testing"
)

// TestCodecConcurrent: the proxy shares one Codec between sessions; under
// -race (scripts/test.sh runs this package with it) concurrent conversions
// of many types must not touch shared state, and must all round-trip.
func TestCodecConcurrent(t *testing.T) {
	c := NewCodec()
	values := []struct {
		oid  uint32
		text string
	}{
		{1082, "1992-07-10"},                           // date
		{1114, "2024-03-01 12:34:56.5"},                // timestamp
		{1184, "2024-03-01 12:34:56.5+00"},             // timestamptz
		{20, "4242"},                                   // int8
		{1700, "12345.678"},                            // numeric
		{2950, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"}, // uuid
		{3802, `{"a": 1}`},                             // jsonb
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				v := values[(g+i)%len(values)]
				bin, err := c.TextToBinary(nil, v.oid, []byte(v.text))
				if err != nil {
					errs <- err.Error()
					return
				}
				back, err := c.BinaryToText(nil, v.oid, bin)
				if err != nil {
					errs <- err.Error()
					return
				}
				again, err := c.TextToBinary(nil, v.oid, back)
				if err != nil || string(again) != string(bin) {
					errs <- "round trip of " + v.text + " changed: " + string(back)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
