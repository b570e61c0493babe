package anonymize

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

var (
	dateCol        = Column{Type: "date"}
	timestampCol   = Column{Type: "timestamp"}
	timestamptzCol = Column{Type: "timestamptz"}
)

func bindDate(t testing.TB, k *Key, p MapParams, c Column) Bound {
	t.Helper()
	return bindMask(t, k, "date", p, c)
}

// pgDate is an independent reading of a DateStyle ISO value for the tests:
// the calendar day as a time.Time (astronomical year) and the text after the
// date with " BC" removed.
func pgDate(t testing.TB, s string) (day time.Time, rest string) {
	t.Helper()
	bc := strings.HasSuffix(s, " BC")
	s = strings.TrimSuffix(s, " BC")
	dash := strings.IndexByte(s, '-')
	if dash < 4 || len(s) < dash+6 {
		t.Fatalf("not an ISO date: %q", s)
	}
	y, err := strconv.Atoi(s[:dash])
	if err != nil {
		t.Fatalf("year of %q: %v", s, err)
	}
	d, err := time.Parse("01-02", s[dash+1:dash+6])
	if err != nil {
		t.Fatalf("month-day of %q: %v", s, err)
	}
	if bc {
		y = 1 - y
	}
	day = time.Date(y, d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	if day.Month() != d.Month() { // Feb 29 in a common year rolls over
		t.Fatalf("impossible date %q", s)
	}
	return day, s[dash+6:]
}

// formatPG writes a day as PostgreSQL does in DateStyle ISO.
func formatPG(day time.Time, rest string) string {
	y := day.Year()
	suffix := ""
	if y <= 0 {
		y, suffix = 1-y, " BC"
	}
	return fmt.Sprintf("%04d-%02d-%02d%s%s", y, int(day.Month()), day.Day(), rest, suffix)
}

func TestDateCivilMatchesTimePackage(t *testing.T) {
	start := daysFromCivil(-4713, 11, 24)
	if got := time.Date(-4713, 11, 24, 0, 0, 0, 0, time.UTC).Unix() / 86400; got != start {
		t.Fatalf("daysFromCivil(-4713-11-24) = %d, time says %d", start, got)
	}
	for n := start; n < daysFromCivil(12000, 1, 1); n++ {
		y, m, d := civilFromDays(n)
		if daysFromCivil(y, m, d) != n {
			t.Fatalf("round trip of day %d: %d-%d-%d", n, y, m, d)
		}
		if n%97 == 0 {
			ty, tm, td := time.Unix(n*86400, 0).UTC().Date()
			if int64(ty) != y || int(tm) != m || td != d {
				t.Fatalf("day %d: %d-%d-%d, time says %d-%d-%d", n, y, m, d, ty, tm, td)
			}
		}
	}
}

func TestDateTruncate(t *testing.T) {
	k := testKey(t, "date-secret-0123456789")
	for _, c := range []struct {
		col        Column
		in         string
		month, yea string
	}{
		{dateCol, "2024-03-15", "2024-03-01", "2024-01-01"},
		{dateCol, "2024-02-29", "2024-02-01", "2024-01-01"},
		{dateCol, "1999-12-31", "1999-12-01", "1999-01-01"},
		{dateCol, "0044-03-15 BC", "0044-03-01 BC", "0044-01-01 BC"},
		{dateCol, "12345-06-07", "12345-06-01", "12345-01-01"},
		{dateCol, "infinity", "infinity", "infinity"},
		{dateCol, "-infinity", "-infinity", "-infinity"},
		{timestampCol, "2024-03-15 10:11:12", "2024-03-01 00:00:00", "2024-01-01 00:00:00"},
		{timestampCol, "2024-03-15 10:11:12.123456", "2024-03-01 00:00:00", "2024-01-01 00:00:00"},
		{timestampCol, "0001-12-31 23:59:59 BC", "0001-12-01 00:00:00 BC", "0001-01-01 00:00:00 BC"},
		{timestampCol, "infinity", "infinity", "infinity"},
		{timestamptzCol, "2024-03-15 10:11:12+01", "2024-03-01 00:00:00+01", "2024-01-01 00:00:00+01"},
		{timestamptzCol, "2024-03-15 10:11:12.5+05:30", "2024-03-01 00:00:00+05:30", "2024-01-01 00:00:00+05:30"},
		{timestamptzCol, "2024-07-04 23:00:00-07", "2024-07-01 00:00:00-07", "2024-01-01 00:00:00-07"},
		{timestamptzCol, "0044-03-15 10:00:00+00:53:28 BC", "0044-03-01 00:00:00+00:53:28 BC", "0044-01-01 00:00:00+00:53:28 BC"},
	} {
		for _, tc := range []struct{ unit, want string }{{"month", c.month}, {"year", c.yea}} {
			b := bindDate(t, k, MapParams{"truncate": tc.unit}, c.col)
			if got := apply(t, b, c.in); got != tc.want {
				t.Errorf("%s truncate %s %q = %q, want %q", c.col, tc.unit, c.in, got, tc.want)
			}
		}
	}
}

// randomPGValue makes a value of the column's kind, AD or BC.
func randomPGValue(r *rand.Rand, c Column) string {
	// Years 4000 BC to 9999 AD, any day.
	lo := time.Date(-3999, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
	hi := time.Date(9999, 12, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
	if r.IntN(4) > 0 { // mostly modern dates
		lo = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
		hi = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
	}
	day := time.Unix((lo+r.Int64N(hi-lo))*86400, 0).UTC()
	rest := ""
	if c.Type != "date" {
		rest = fmt.Sprintf(" %02d:%02d:%02d", r.IntN(24), r.IntN(60), r.IntN(60))
		if r.IntN(2) == 0 {
			rest += "." + strconv.Itoa(1+r.IntN(999999))
		}
		if c.Type == "timestamptz" {
			rest += []string{"+00", "+01", "-05", "+05:30", "-03:30", "+00:53:28", "+14", "-12"}[r.IntN(8)]
		}
	}
	return formatPG(day, rest)
}

func TestDateShiftProperties(t *testing.T) {
	k1 := testKey(t, "date-secret-0123456789")
	k2 := testKey(t, "date-secret-0123456789")
	other := testKey(t, "other-secret-0123456789")
	r := rand.New(rand.NewPCG(1, 2))
	for _, col := range []Column{dateCol, timestampCol, timestamptzCol} {
		for _, n := range []int{1, 3, 30, 365, 3650} {
			p := MapParams{"shift_days": n}
			b1, b2, b3 := bindDate(t, k1, p, col), bindDate(t, k2, p, col), bindDate(t, other, p, col)
			seen := map[int]bool{}
			differ := 0
			const count = 400
			for range count {
				in := randomPGValue(r, col)
				out := apply(t, b1, in)
				if out == in {
					t.Fatalf("%s shift %d: %q unchanged", col, n, in)
				}
				if again := apply(t, b2, in); again != out {
					t.Fatalf("%s shift %d: %q -> %q and %q with the same secret", col, n, in, out, again)
				}
				if apply(t, b3, in) != out {
					differ++
				}
				inDay, inRest := pgDate(t, in)
				outDay, outRest := pgDate(t, out)
				if inRest != outRest {
					t.Fatalf("%s shift %d: time/offset changed: %q -> %q", col, n, in, out)
				}
				if formatPG(outDay, outRest) != out {
					t.Fatalf("%s shift %d: %q is not in PostgreSQL's form", col, n, out)
				}
				days := int(outDay.Sub(inDay).Hours() / 24)
				if days == 0 || days < -n || days > n {
					t.Fatalf("%s shift %d: %q -> %q moves %d days", col, n, in, out, days)
				}
				seen[days] = true
			}
			if n <= 3 && len(seen) != 2*n {
				t.Errorf("%s shift %d: only shifts %v seen", col, n, seen)
			}
			if n > 1 && differ < count/2 {
				t.Errorf("%s shift %d: another key changed only %d of %d shifts", col, n, differ, count)
			}
		}
	}
}

func TestDateShiftAtRangeEdges(t *testing.T) {
	k := testKey(t, "date-secret-0123456789")
	for _, c := range []struct {
		col Column
		in  string
	}{
		{dateCol, "4714-11-24 BC"},
		{dateCol, "4714-11-25 BC"},
		{dateCol, "5874897-12-31"},
		{timestampCol, "4714-11-25 00:00:00 BC"},
		{timestampCol, "294276-12-30 23:59:59.999999"},
		{timestamptzCol, "294276-12-30 12:00:00+00"},
	} {
		for _, n := range []int{1, 10, 1000} {
			b := bindDate(t, k, MapParams{"shift_days": n}, c.col)
			out := apply(t, b, c.in)
			inDay, _ := pgDate(t, c.in)
			outDay, _ := pgDate(t, out)
			if out == c.in || outDay.Before(time.Date(-4713, 11, 24, 0, 0, 0, 0, time.UTC)) ||
				outDay.After(time.Date(5874897, 12, 31, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("%s shift %d: %q -> %q", c.col, n, c.in, out)
			}
			if d := outDay.Sub(inDay).Hours() / 24; d == 0 || d > float64(n) || d < -float64(n) {
				t.Errorf("%s shift %d: %q -> %q moves %v days", c.col, n, c.in, out, d)
			}
		}
	}
}

func TestDateRejectsWhatItCannotRead(t *testing.T) {
	k := testKey(t, "date-secret-0123456789")
	bad := map[Column][]string{
		dateCol: {"", "2024-3-15", "15/03/2024", "03-15-2024", "2024-02-30", "2023-02-29", "2024-13-01",
			"2024-00-10", "2024-03-00", "0000-01-01", "2024-03-15 10:11:12", "2024-03-15 AD", "2024-03-15 BC ",
			"20240315", "Infinity", "12345678-01-01", "2024-03-15\x00", "-2024-03-15", "2024-03-1x"},
		timestampCol: {"2024-03-15", "2024-03-15T10:11:12", "2024-03-15 10:11", "2024-03-15 25:00:00",
			"2024-03-15 10:60:00", "2024-03-15 10:11:12.", "2024-03-15 10:11:12.1234567",
			"2024-03-15 10:11:12+01", "Fri Mar 15 10:11:12 2024", "15.03.2024 10:11:12"},
		timestamptzCol: {"2024-03-15 10:11:12", "2024-03-15 10:11:12+1", "2024-03-15 10:11:12+16",
			"2024-03-15 10:11:12+01:", "2024-03-15 10:11:12+01:60", "2024-03-15 10:11:12+01:00:00:00",
			"2024-03-15 10:11:12 CET", "2024-03-15 10:11:12Z", "Fri Mar 15 10:11:12 2024 CET"},
	}
	for col, values := range bad {
		for _, p := range []MapParams{{"truncate": "month"}, {"truncate": "year"}, {"shift_days": 30}} {
			b := bindDate(t, k, p, col)
			for _, in := range values {
				out, _, err := b.Apply(nil, []byte(in), false)
				if err == nil {
					t.Errorf("%s %v: %q accepted as %q", col, p, in, out)
				} else if strings.Contains(err.Error(), in) && in != "" {
					t.Errorf("%s: error %q repeats the value", col, err)
				}
			}
		}
	}
}

func TestDateArrays(t *testing.T) {
	k := testKey(t, "date-secret-0123456789")
	b := bindDate(t, k, MapParams{"truncate": "month"}, Column{Type: "date", Array: true})
	if got := apply(t, b, "{2024-03-15,NULL,1999-12-31}"); got != "{2024-03-01,NULL,1999-12-01}" {
		t.Errorf("date[]: %s", got)
	}
	b = bindDate(t, k, MapParams{"truncate": "year"}, Column{Type: "timestamptz", Array: true})
	if got := apply(t, b, `{"2024-03-15 10:11:12+01","2023-05-06 07:08:09.5-03:30"}`); got != `{"2024-01-01 00:00:00+01","2023-01-01 00:00:00-03:30"}` {
		t.Errorf("timestamptz[]: %s", got)
	}
}

func TestDateParams(t *testing.T) {
	k := testKey(t, "date-secret-0123456789")
	info, ok := Lookup("date")
	if !ok || info.Bijective {
		t.Fatalf("date registry entry %+v", info)
	}
	for _, p := range []MapParams{
		{},
		{"truncate": "month", "shift_days": 3},
		{"truncate": "day"},
		{"truncate": "Month"},
		{"truncate": ""},
		{"truncate": 1},
		{"shift_days": 0},
		{"shift_days": -3},
		{"shift_days": "x"},
		{"shift_days": maxShiftDays + 1},
		{"shift": 3},
	} {
		if _, err := New("date", Env{Key: k}, p); err == nil {
			t.Errorf("date %v: no error", p)
		}
	}
	for _, p := range []MapParams{{"truncate": "month"}, {"truncate": "year"}, {"shift_days": 1}, {"shift_days": maxShiftDays}} {
		m, err := New("date", Env{Key: k}, p)
		if err != nil {
			t.Fatalf("date %v: %v", p, err)
		}
		for _, typ := range []string{"date", "timestamp", "timestamptz"} {
			if _, err := m.Bind(Column{Type: typ}); err != nil {
				t.Errorf("date %v on %s: %v", p, typ, err)
			}
		}
		for _, typ := range []string{"text", "varchar", "int4", "numeric", "jsonb", "time", "interval", "timetz"} {
			if _, err := m.Bind(Column{Type: typ}); err == nil {
				t.Errorf("date %v bound to %s", p, typ)
			}
		}
	}
}

// FuzzDateMask checks that whatever the input, the mask either refuses it or
// returns a value of the column's kind, never the input itself for a shift.
func FuzzDateMask(f *testing.F) {
	for _, s := range []string{"2024-03-15", "2024-03-15 10:11:12", "2024-03-15 10:11:12.123456+05:30",
		"0044-03-15 BC", "0044-03-15 10:00:00+00:53:28 BC", "infinity", "5874897-12-31", "4714-11-24 BC",
		"2024-02-29 00:00:00-12", "2024-03-15 10:11:12+01 BC"} {
		f.Add(s)
	}
	k := testKey(f, "date-secret-0123456789")
	type bound struct {
		kind  timeKind
		shift bool
		b     Bound
	}
	var bounds []bound
	for _, col := range []Column{dateCol, timestampCol, timestamptzCol} {
		kind := map[string]timeKind{"date": kindDate, "timestamp": kindTimestamp, "timestamptz": kindTimestampTZ}[col.Type]
		for _, p := range []MapParams{{"truncate": "month"}, {"truncate": "year"}, {"shift_days": 400}} {
			bounds = append(bounds, bound{kind, p.Has("shift_days"), bindDate(f, k, p, col)})
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, bd := range bounds {
			out, null, err := bd.b.Apply(nil, []byte(in), false)
			if err != nil {
				continue
			}
			if null {
				t.Fatalf("%q gave NULL", in)
			}
			if in == "infinity" || in == "-infinity" {
				if string(out) != in {
					t.Fatalf("%q -> %q", in, out)
				}
				continue
			}
			if _, ok := parseISODate(out, bd.kind); !ok {
				t.Fatalf("%q -> %q, not a valid value of its kind", in, out)
			}
			if bd.shift && string(out) == in {
				t.Fatalf("shift left %q unchanged", in)
			}
		}
	})
}

// serverText runs sql with text parameters and returns the first column of
// the first row in text form ("" and false for NULL).
func serverText(t *testing.T, c *pgconn.PgConn, sql string, args ...string) (string, bool) {
	t.Helper()
	params := make([][]byte, len(args))
	for i, a := range args {
		params[i] = []byte(a)
	}
	res := c.ExecParams(context.Background(), sql, params, nil, nil, nil).Read()
	if res.Err != nil {
		t.Fatalf("%s %q: %v", sql, args, res.Err)
	}
	if len(res.Rows) != 1 || res.Rows[0][0] == nil {
		return "", false
	}
	return string(res.Rows[0][0]), true
}

// TestDateAgainstServer feeds the mask with the server's own output (several
// time zones, BC dates, fractional seconds) and checks the server accepts
// every result as the same value; truncation on date and timestamp must
// agree with date_trunc, and shifted dates must be 1..N days away.
func TestDateAgainstServer(t *testing.T) {
	c := testConn(t)
	k := testKey(t, "date-secret-0123456789")
	values := []string{"2024-03-15 10:11:12.123456", "2024-02-29 23:59:59", "2000-01-01 00:00:00",
		"1970-06-30 12:00:00.5", "0044-03-15 10:00:00 BC", "0001-01-01 00:00:00 BC", "9999-12-31 23:59:59",
		"1900-03-01 01:02:03", "2023-10-29 02:30:00", "infinity", "-infinity"}
	for _, tz := range []string{"UTC", "Europe/Rome", "Asia/Kolkata", "America/St_Johns", "Pacific/Kiritimati"} {
		if _, err := c.Exec(context.Background(), "SET DateStyle = 'ISO, YMD'; SET TimeZone = '"+tz+"'").ReadAll(); err != nil {
			t.Fatal(err)
		}
		for _, typ := range []string{"date", "timestamp", "timestamptz"} {
			col := Column{Type: typ}
			for _, v := range values {
				in, _ := serverText(t, c, "SELECT $1::timestamp::"+typ, v)
				for _, p := range []MapParams{{"truncate": "month"}, {"truncate": "year"}, {"shift_days": 1}, {"shift_days": 45}} {
					out := apply(t, bindDate(t, k, p, col), in)
					// timestamptz keeps the offset text, which the server may
					// print in another offset when the new date is across a DST
					// change: same instant, so compare instants for it.
					back, _ := serverText(t, c, "SELECT $1::"+typ, out)
					if typ == "timestamptz" {
						if same, _ := serverText(t, c, "SELECT $1::timestamptz = $2::timestamptz", out, back); same == "t" {
							back = out
						}
					}
					if back != out {
						t.Errorf("%s %s %v: %q -> %q, which the server reads as %q", tz, typ, p, in, out, back)
					}
					if strings.HasSuffix(in, "infinity") {
						continue
					}
					if unit, ok := p["truncate"].(string); ok && typ != "timestamptz" {
						want, _ := serverText(t, c, "SELECT date_trunc($2, $1::timestamp)::"+typ, in, unit)
						if want != out {
							t.Errorf("%s %v: %q -> %q, date_trunc says %q", typ, p, in, out, want)
						}
					}
					if n, ok := p["shift_days"].(int); ok {
						d, _ := serverText(t, c, "SELECT $1::timestamp::date - $2::timestamp::date", out, in)
						days, _ := strconv.Atoi(d)
						if days == 0 || days < -n || days > n {
							t.Errorf("%s %v: %q -> %q is %s days away", typ, p, in, out, d)
						}
					}
				}
			}
		}
	}
}
