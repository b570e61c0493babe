package main

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Every row is derived from its own random stream, seeded by (seed, table,
// row index). Any table can therefore recompute the customer, account or
// card it refers to in O(1) without keeping earlier rows in memory, and the
// output does not depend on the order rows are produced in.

const (
	tagCustomer uint64 = iota + 1
	tagContacts
	tagAccount
	tagCard
	tagUser
	tagTicket
	tagAudit
)

// counts are the row counts of one scale; contacts follow from customers.
type counts struct {
	customers, accounts, cards, users, tickets, audit int64
}

// Rows per table at scale 1 (≈ 10 MB of table data with PostgreSQL 15).
const (
	baseCustomers     = 5400
	baseExtraAccounts = 2700 // every customer has one account; these are second ones
	baseCards         = 6500
	baseUsers         = 200
	baseTickets       = 8600
	baseAudit         = 13000
)

func scaled(base, scale float64) int64 {
	n := int64(base*scale + 0.5)
	return max(n, 1)
}

func countsFor(scale float64) counts {
	c := counts{
		customers: scaled(baseCustomers, scale),
		cards:     scaled(baseCards, scale),
		users:     scaled(baseUsers, scale),
		tickets:   scaled(baseTickets, scale),
		audit:     scaled(baseAudit, scale),
	}
	c.accounts = c.customers + int64(baseExtraAccounts*scale+0.5)
	return c
}

// Limits of the unique-code spaces (the scrambles embed the row index).
const (
	maxAccounts  = 100_000_000   // 8 digits in every BBAN
	maxCards     = 1_000_000_000 // 9 digits in the card number
	maxCustomers = 100_000_000   // CU-dddddddd
	badgeSpace   = 26 * 10 * 26 * 10 * 10_000
)

type gen struct {
	seed uint64
	n    counts
	// One stream per derivation, so recomputing a referenced row never
	// disturbs the stream of the row being written.
	custPCG, acctPCG, cardPCG, userPCG, rowPCG rand.PCG
	custR, acctR, cardR, userR, rowR           *rand.Rand
	scratch                                    []byte

	lw                 *labelWriter // nil: no -labels
	labels, subjLabels []label      // reused per text
	quoteBuf           []byte
}

func newGen(seed uint64, n counts) *gen {
	g := &gen{seed: seed, n: n}
	g.custR = rand.New(&g.custPCG)
	g.acctR = rand.New(&g.acctPCG)
	g.cardR = rand.New(&g.cardPCG)
	g.userR = rand.New(&g.userPCG)
	g.rowR = rand.New(&g.rowPCG)
	return g
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

func (g *gen) reseed(p *rand.PCG, tag uint64, i int64) {
	p.Seed(splitmix(g.seed^splitmix(tag)), splitmix(uint64(i)^tag<<56))
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// chance is true with probability pct percent.
func chance(r *rand.Rand, pct int) bool { return r.IntN(100) < pct }

var (
	epochCustomers = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	epochTickets   = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	epochAudit     = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	epochEnd       = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
)

// along returns a time that grows with i/n between from and epochEnd, with
// a few hours of jitter, so ids and timestamps roughly agree.
func along(r *rand.Rand, from time.Time, i, n int64) time.Time {
	span := int64(epochEnd.Sub(from) / time.Second) // integer math: no float rounding
	t := from.Add(time.Duration(span*i/n) * time.Second)
	return t.Add(time.Duration(r.IntN(6*3600)) * time.Second)
}

type customer struct {
	id                    int64
	loc                   locale
	country               *country
	code                  string
	first, last           string
	female                bool
	email                 string
	phone, mobile, fax    string // "" = NULL
	birth                 time.Time
	street, postcode, cty string
	created               time.Time
	profile               bool
	nickname              string
	newsletter            bool
}

func (c *customer) fullName() string { return c.first + " " + c.last }

func pickCountry(r *rand.Rand) *country {
	total := 0
	for _, w := range countryWeights {
		total += w.weight
	}
	x := r.IntN(total)
	for _, w := range countryWeights {
		if x < w.weight {
			return countries[w.code]
		}
		x -= w.weight
	}
	return countries["IT"]
}

// customerAt derives customer i (0-based; its id is i+1).
func (g *gen) customerAt(i int64) customer {
	g.reseed(&g.custPCG, tagCustomer, i)
	r := g.custR
	c := customer{id: i + 1}
	c.country = pickCountry(r)
	c.loc = c.country.loc
	if c.country.code == "CH" {
		c.loc = pick(r, []locale{locDE, locDE, locFR, locIT})
	}
	c.code = "CU-" + string(appendDigits(nil, permuteDec(uint64(i), 8, 1), 8))
	c.first = pick(r, firstNames[c.loc])
	c.last = pick(r, lastNames[c.loc])
	c.female = femaleFirst[c.first]
	c.email = g.personalEmail(r, c.loc, c.first, c.last, c.id)
	if chance(r, 92) {
		c.phone = string(c.country.phone(nil, r, chance(r, 60)))
	}
	if chance(r, 55) {
		c.mobile = string(c.country.phone(nil, r, true))
	}
	if chance(r, 25) {
		c.fax = string(c.country.phone(nil, r, false))
	}
	if chance(r, 95) {
		c.birth = time.Date(1940+r.IntN(65), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	}
	ct := pick(r, c.country.cities)
	if chance(r, 97) {
		c.street = streetAddress(r, c.loc)
		c.postcode = postcode(r, ct.postcode)
		c.cty = ct.name
	}
	c.created = along(r, epochCustomers, i, g.n.customers)
	c.profile = chance(r, 93)
	if chance(r, 50) {
		c.nickname = pick(r, firstNames[c.loc])
	}
	c.newsletter = chance(r, 40)
	return c
}

// personalEmail derives a free-mail address from a name; the trailing
// counter keeps it unique (names never end in a digit).
func (g *gen) personalEmail(r *rand.Rand, loc locale, first, last string, counter int64) string {
	b := g.scratch[:0]
	switch r.IntN(5) {
	case 0:
		b = foldASCII(b, first)
		b = append(b, '.')
		b = foldASCII(b, last)
	case 1:
		b = foldASCII(b, first)[:1]
		b = foldASCII(b, last)
	case 2:
		b = foldASCII(b, last)
		b = append(b, '.')
		b = foldASCII(b, first)
	case 3:
		b = foldASCII(b, first)
		b = append(b, '_')
		b = foldASCII(b, last)
	default:
		b = foldASCII(b, first)
	}
	b = strconv.AppendInt(b, counter, 10)
	if chance(r, 3) { // some people type their address capitalised
		b[0] -= 'a' - 'A'
	}
	b = append(b, '@')
	b = append(b, pick(r, mailDomains[loc])...)
	g.scratch = b
	return string(b)
}

func streetAddress(r *rand.Rand, loc locale) string {
	st := streets[loc]
	kind, name, num := pick(r, st.kinds), pick(r, st.names), strconv.Itoa(1+r.IntN(180))
	switch loc {
	case locIT:
		return kind + " " + name + " " + num
	case locFR:
		if chance(r, 10) {
			num += " bis"
		}
		return num + " " + kind + " " + name
	case locDE:
		if strings.HasSuffix(name, "-") { // Friedrich-Ebert-Straße
			return name + strings.ToUpper(kind[:1]) + kind[1:] + " " + num
		}
		return name + kind + " " + num
	default:
		if chance(r, 15) {
			return "Flat " + strconv.Itoa(1+r.IntN(30)) + ", " + num + " " + name + " " + kind
		}
		return num + " " + name + " " + kind
	}
}

func postcode(r *rand.Rand, pattern string) string {
	b := make([]byte, len(pattern))
	for i := 0; i < len(pattern); i++ {
		switch pattern[i] {
		case '#':
			b[i] = byte('0' + r.IntN(10))
		case '@':
			b[i] = byte('A' + r.IntN(26))
		default:
			b[i] = pattern[i]
		}
	}
	return string(b)
}

type account struct {
	id       int64
	customer int64 // customer index, 0-based
	iban     string
	currency string
	cents    int64
	opened   time.Time
}

// accountAt derives account j (0-based). Account j < customers is the first
// account of customer j, so every customer has at least one and its IBAN is
// known without a lookup.
func (g *gen) accountAt(j int64) account {
	g.reseed(&g.acctPCG, tagAccount, j)
	r := g.acctR
	a := account{id: j + 1, customer: j}
	if j >= g.n.customers {
		a.customer = r.Int64N(g.n.customers)
	}
	cust := g.customerAt(a.customer)
	cc := cust.country.code
	if chance(r, 15) {
		cc = pick(r, ibanCountryList)
	}
	a.iban = string(buildIBAN(nil, r, cc, permuteDec(uint64(j), 8, 2)))
	switch cc {
	case "GB":
		a.currency = "GBP"
	case "CH":
		a.currency = "CHF"
	default:
		a.currency = "EUR"
	}
	if chance(r, 4) {
		a.currency = "USD"
	}
	if chance(r, 8) {
		a.cents = -r.Int64N(500_000)
	} else {
		// log-uniform-ish from 1.00 to 999,999.99: pick the number of digits first
		digits := 3 + r.IntN(6)
		lo := int64(1)
		for range digits - 1 {
			lo *= 10
		}
		a.cents = lo + r.Int64N(9*lo)
	}
	a.opened = cust.created.Truncate(24 * time.Hour)
	if j >= g.n.customers {
		a.opened = a.opened.AddDate(0, 0, r.IntN(2500))
	}
	return a
}

type card struct {
	id      int64
	account int64 // 0-based
	number  string
	holder  string
	expires time.Time
}

func (g *gen) cardAt(k int64) card {
	g.reseed(&g.cardPCG, tagCard, k)
	r := g.cardR
	c := card{id: k + 1, account: r.Int64N(g.n.accounts)}
	c.number = string(buildCard(nil, r, permuteDec(uint64(k), 9, 3), chance(r, 8)))
	upper := chance(r, 30)
	y, m := 2024+r.IntN(8), time.Month(1+r.IntN(12))
	c.expires = time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC) // last day of the month
	cust := g.customerAt(g.accountAt(c.account).customer)
	c.holder = cust.fullName()
	if upper {
		c.holder = strings.ToUpper(c.holder)
	}
	return c
}

type user struct {
	id          int32
	first, last string
	email       string
	badge       string
	role        string
	created     time.Time
}

func (u *user) displayName() string { return u.first + " " + u.last }

func (g *gen) userAt(i int64) user {
	g.reseed(&g.userPCG, tagUser, i)
	r := g.userR
	u := user{id: int32(i + 1)}
	loc := pick(r, []locale{locIT, locIT, locIT, locFR, locFR, locDE, locDE, locEN})
	u.first, u.last = pick(r, firstNames[loc]), pick(r, lastNames[loc])
	b := foldASCII(nil, u.first)
	b = append(b, '.')
	b = foldASCII(b, u.last)
	b = strconv.AppendInt(b, int64(u.id), 10)
	b = append(b, '@')
	u.email = string(append(b, vendorDomain...))
	v := permuteBadge(uint64(i))
	badge := make([]byte, 9)
	for k, radix := range []uint64{10_000, 10, 26, 10, 26} { // least significant first
		d := v % radix
		v /= radix
		switch k {
		case 0:
			appendDigits(badge[5:5:9], d, 4)
		case 1:
			badge[3] = byte('0' + d)
		case 2:
			badge[2] = byte('A' + d)
		case 3:
			badge[1] = byte('0' + d)
		case 4:
			badge[0] = byte('A' + d)
		}
	}
	badge[4] = '-'
	u.badge = string(badge)
	u.role = pick(r, []string{"agent", "agent", "agent", "agent", "agent", "agent", "senior_agent", "senior_agent", "supervisor", "admin"})
	u.created = along(r, epochCustomers.AddDate(-1, 0, 0), i, g.n.users)
	return u
}
