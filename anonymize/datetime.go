package anonymize

import "errors"

// The date mask: truncate a date or timestamp to its month or year, or shift
// it by a keyed number of days.
//
// Values are read in PostgreSQL's text output with DateStyle ISO, the style
// both pg_dump and the proxy's upstream sessions request:
//
//	date         2024-03-15            0044-03-15 BC
//	timestamp    2024-03-15 10:11:12   2024-03-15 10:11:12.123456
//	timestamptz  2024-03-15 10:11:12+01   2024-03-15 10:11:12.5+05:30   ...+00:53:28 BC
//
// "infinity" and "-infinity" are kept: they hold nothing personal. Anything
// else (another DateStyle, a malformed or impossible date) is an error, never
// passed through. Truncation keeps the zone offset text as it was; a shift
// keeps the time of day and the offset text and moves the calendar date
// (proleptic Gregorian, like PostgreSQL, BC years included). The shift is
// drawn from the keyed hash of the whole text, so it is the same wherever
// the same text appears under the same domain.
//
// timestamptz caveat: the mask does not know the session's TimeZone, so a
// kept offset is that of the original date. When the new date lies across a
// DST change the server prints the same instant with the other offset, one
// hour off: "2024-03-01 00:00:00+02" reads back as "2024-02-29 23:00:00+01".
// The value stays valid; truncation is exact for date and timestamp.

func init() {
	register(Info{Name: "date", Params: []string{"truncate", "shift_days"},
		Summary: "truncate: month|year, or shift_days: N (a keyed shift of 1..N days either way)",
		New:     newDateMask})
}

// maxShiftDays bounds shift_days: a larger shift no longer looks like the
// original data and risks leaving PostgreSQL's date range.
const maxShiftDays = 100000

type dateOp uint8

const (
	truncMonth dateOp = iota + 1
	truncYear
	shiftDays
)

type dateMask struct {
	op    dateOp
	shift int64 // N for shiftDays
	d     *Keyed
}

func newDateMask(env Env, p Params) (Masker, error) {
	hasTrunc, hasShift := p.Has("truncate"), p.Has("shift_days")
	switch {
	case hasTrunc && hasShift:
		return nil, p.Errorf("shift_days", "give either truncate or shift_days, not both")
	case !hasTrunc && !hasShift:
		return nil, errors.New("mask date needs truncate (month or year) or shift_days (a number of days >= 1)")
	case hasTrunc:
		t, err := p.String("truncate", "")
		if err != nil {
			return nil, err
		}
		switch t {
		case "month":
			return dateMask{op: truncMonth}, nil
		case "year":
			return dateMask{op: truncYear}, nil
		}
		return nil, p.Errorf("truncate", "truncate must be month or year, got %q", t)
	}
	n, err := p.Int("shift_days", 0)
	if err != nil {
		return nil, err
	}
	if n < 1 || n > maxShiftDays {
		return nil, p.Errorf("shift_days", "shift_days must be between 1 and %d, got %d", maxShiftDays, n)
	}
	return dateMask{op: shiftDays, shift: int64(n), d: env.Key.Domain(env.Domain)}, nil
}

// timeKind is what a column's values look like.
type timeKind uint8

const (
	kindDate        timeKind = iota // no time of day
	kindTimestamp                   // time of day, no offset
	kindTimestampTZ                 // time of day and offset
)

func (m dateMask) Bind(c Column) (Bound, error) {
	var kind timeKind
	switch {
	case CategoryOf(c.Type) == CatDate:
		kind = kindDate
	case c.Type == "timestamp":
		kind = kindTimestamp
	case c.Type == "timestamptz":
		kind = kindTimestampTZ
	default:
		return Bound{}, errType("date", c, "date, timestamp, timestamptz")
	}
	return textBound(c, func(dst, src []byte) ([]byte, error) { return m.apply(dst, src, kind) }), nil
}

var (
	errDateSyntax = errors.New("date mask: value is not an ISO date/timestamp (DateStyle must be ISO)")
	errDateRange  = errors.New("date mask: result outside PostgreSQL's date range")
)

func (m dateMask) apply(dst, src []byte, kind timeKind) ([]byte, error) {
	if string(src) == "infinity" || string(src) == "-infinity" {
		return append(dst, src...), nil
	}
	v, ok := parseISODate(src, kind)
	if !ok {
		return dst, errDateSyntax
	}
	lo, hi := minDay, maxDateDay
	if kind != kindDate {
		// A margin of one day keeps zone offsets from pushing an instant
		// past the edge.
		lo, hi = minDay+1, maxTimestampDay-1
	}
	y, mo, d := v.year, v.month, v.day
	switch m.op {
	case truncMonth, truncYear:
		d = 1
		if m.op == truncYear {
			mo = 1
		}
		if n := daysFromCivil(y, mo, d); n < lo || n > hi {
			return dst, errDateRange
		}
		dst = appendISODate(dst, y, mo, d)
		if v.timeEnd > v.dateEnd {
			dst = append(dst, " 00:00:00"...)
			dst = append(dst, src[v.timeEnd:v.end]...) // offset, if any
		}
	case shiftDays:
		delta := shiftAmount(m.d.Seed(src), m.shift)
		n := daysFromCivil(y, mo, d)
		s := n + delta
		if s < lo || s > hi {
			// Shifting the other way keeps the value valid and still moves it.
			s = n - delta
			if s < lo || s > hi {
				return dst, errDateRange
			}
		}
		y, mo, d = civilFromDays(s)
		dst = appendISODate(dst, y, mo, d)
		dst = append(dst, src[v.dateEnd:v.end]...) // time of day and offset
	}
	if y <= 0 {
		dst = append(dst, " BC"...)
	}
	return dst, nil
}

// shiftAmount maps a seed to a shift in [-n, -1] ∪ [1, n] days.
func shiftAmount(seed uint64, n int64) int64 {
	v := int64(seed % uint64(2*n))
	if v < n {
		return -(v + 1)
	}
	return v - n + 1
}

// isoDate is a parsed ISO date or timestamp. year is astronomical (1 BC is
// 0, 2 BC is -1). Offsets index src: [dateEnd, timeEnd) is " HH:MM:SS[.f]",
// [timeEnd, end) the zone offset, and a " BC" suffix starts at end.
type isoDate struct {
	year                  int64
	month, day            int
	dateEnd, timeEnd, end int
}

// parseISODate reads a value of the given kind in DateStyle ISO output form.
func parseISODate(src []byte, kind timeKind) (v isoDate, ok bool) {
	i := 0
	for i < len(src) && isDigit(src[i]) {
		i++
	}
	// PostgreSQL prints at least four year digits; dates reach 5874897.
	if i < 4 || i > 7 {
		return v, false
	}
	year := int64(atoiDigits(src[:i]))
	if year == 0 || len(src) < i+6 || src[i] != '-' || src[i+3] != '-' ||
		!isDigit2(src[i+1:]) || !isDigit2(src[i+4:]) {
		return v, false
	}
	v.month = atoiDigits(src[i+1 : i+3])
	v.day = atoiDigits(src[i+4 : i+6])
	i += 6
	v.dateEnd = i

	v.end = len(src)
	bc := len(src)-i >= 3 && string(src[len(src)-3:]) == " BC"
	if bc {
		v.end -= 3
		year = 1 - year
	}
	v.year = year
	if v.month < 1 || v.month > 12 || v.day < 1 || v.day > daysInMonth(year, v.month) {
		return v, false
	}

	rest := src[i:v.end]
	if kind == kindDate {
		v.timeEnd = i
		return v, len(rest) == 0
	}
	// " HH:MM:SS" then an optional fraction of 1 to 6 digits.
	if len(rest) < 9 || rest[0] != ' ' || rest[3] != ':' || rest[6] != ':' ||
		!isDigit2(rest[1:]) || !isDigit2(rest[4:]) || !isDigit2(rest[7:]) ||
		atoiDigits(rest[1:3]) > 23 || atoiDigits(rest[4:6]) > 59 || atoiDigits(rest[7:9]) > 59 {
		return v, false
	}
	j := 9
	if j < len(rest) && rest[j] == '.' {
		k := j + 1
		for k < len(rest) && isDigit(rest[k]) {
			k++
		}
		if k == j+1 || k-j-1 > 6 {
			return v, false
		}
		j = k
	}
	v.timeEnd = i + j
	off := rest[j:]
	if kind == kindTimestamp {
		return v, len(off) == 0
	}
	return v, validOffset(off)
}

// validOffset accepts +HH, +HH:MM and +HH:MM:SS (or -), hours up to 15 as in
// PostgreSQL.
func validOffset(b []byte) bool {
	if len(b) < 3 || (b[0] != '+' && b[0] != '-') || !isDigit2(b[1:]) || atoiDigits(b[1:3]) > 15 {
		return false
	}
	b = b[3:]
	for range 2 {
		if len(b) == 0 {
			return true
		}
		if len(b) < 3 || b[0] != ':' || !isDigit2(b[1:]) || atoiDigits(b[1:3]) > 59 {
			return false
		}
		b = b[3:]
	}
	return len(b) == 0
}

// appendISODate appends an astronomical year's date as PostgreSQL prints it:
// the year on at least four digits, BC years as their positive number (the
// caller adds " BC").
func appendISODate(dst []byte, y int64, m, d int) []byte {
	if y <= 0 {
		y = 1 - y
	}
	var b [16]byte
	i := len(b)
	for n := 0; n < 4 || y > 0; n++ {
		i--
		b[i] = byte('0' + y%10)
		y /= 10
	}
	dst = append(dst, b[i:]...)
	dst = append(dst, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
	return dst
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigit2(b []byte) bool { return len(b) >= 2 && isDigit(b[0]) && isDigit(b[1]) }

// atoiDigits reads a run of ASCII digits (at most 7, checked by callers).
func atoiDigits(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysInMonth(y int64, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil counts days from 1970-01-01 to y-m-d (proleptic Gregorian,
// astronomical year), after H. Hinnant's days_from_civil.
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := int64((m + 9) % 12)
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y int64, m, d int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// PostgreSQL's ranges: dates and timestamps from 4714-11-24 BC, dates up to
// 5874897-12-31, timestamps up to 294276-12-31.
var (
	minDay          = daysFromCivil(-4713, 11, 24)
	maxDateDay      = daysFromCivil(5874897, 12, 31)
	maxTimestampDay = daysFromCivil(294276, 12, 31)
)
