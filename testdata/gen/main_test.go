package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// generate runs the generator and returns its output.
func generate(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	if err := run(args, &out, &errOut); err != nil {
		t.Fatalf("run %v: %v (%s)", args, err, errOut.String())
	}
	return out.Bytes()
}

// copyBlocks parses the COPY blocks of the output: table -> rows of fields
// keyed by column name (COPY escapes are left in place; NULL is `\N`).
func copyBlocks(t *testing.T, sql []byte) map[string][]map[string]string {
	t.Helper()
	blocks := map[string][]map[string]string{}
	var table string
	var cols []string
	for line := range strings.SplitSeq(string(sql), "\n") {
		switch {
		case table == "" && strings.HasPrefix(line, "COPY "):
			head, _, ok := strings.Cut(strings.TrimPrefix(line, "COPY "), " FROM stdin;")
			name, list, ok2 := strings.Cut(head, " (")
			if !ok || !ok2 {
				t.Fatalf("bad COPY line %q", line)
			}
			table, cols = name, strings.Split(strings.TrimSuffix(list, ")"), ", ")
			blocks[table] = nil
		case table != "" && line == `\.`:
			table = ""
		case table != "":
			fields := strings.Split(line, "\t")
			if len(fields) != len(cols) {
				t.Fatalf("%s: %d fields for %d columns in %q", table, len(fields), len(cols), line)
			}
			row := make(map[string]string, len(cols))
			for i, c := range cols {
				row[c] = fields[i]
			}
			blocks[table] = append(blocks[table], row)
		}
	}
	if table != "" {
		t.Fatalf("COPY block of %s not terminated", table)
	}
	return blocks
}

func TestDeterministic(t *testing.T) {
	a := generate(t, "-scale", "0.05")
	b := generate(t, "-scale", "0.05")
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with the same scale and seed differ")
	}
	if c := generate(t, "-scale", "0.05", "-seed", "7"); bytes.Equal(a, c) {
		t.Fatal("another seed gives the same output")
	}
}

func TestRowCounts(t *testing.T) {
	for _, scale := range []string{"0.00001", "0.01", "0.2"} {
		blocks := copyBlocks(t, generate(t, "-scale", scale))
		s, _ := strconv.ParseFloat(scale, 64)
		want := countsFor(s)
		for table, n := range map[string]int64{
			"public.customers": want.customers, "public.accounts": want.accounts, "public.payment_cards": want.cards,
			"public.users": want.users, "public.tickets": want.tickets, "public.audit_log": want.audit,
		} {
			if got := int64(len(blocks[table])); got != n || n < 1 {
				t.Errorf("scale %s: %s has %d rows, want %d (>= 1)", scale, table, got, n)
			}
		}
		if len(blocks["public.contacts"]) < len(blocks["public.customers"]) {
			t.Errorf("scale %s: fewer contacts than customers", scale)
		}
	}
}

func TestBadScale(t *testing.T) {
	for _, arg := range []string{"0", "-1", "NaN", "+Inf", "1e7"} {
		var out, errOut bytes.Buffer
		if err := run([]string{"-scale", arg}, &out, &errOut); err == nil {
			t.Errorf("-scale %s accepted", arg)
		}
	}
}

func TestConstraintsHold(t *testing.T) {
	b := copyBlocks(t, generate(t, "-scale", "0.3"))
	unique := func(table, col string, valid func(string) bool) map[string]map[string]string {
		seen := map[string]map[string]string{}
		for _, row := range b[table] {
			v := row[col]
			if _, dup := seen[v]; dup {
				t.Errorf("%s.%s: duplicate %q", table, col, v)
			}
			if valid != nil && !valid(v) {
				t.Errorf("%s.%s: invalid %q", table, col, v)
			}
			seen[v] = row
		}
		return seen
	}
	maxLen := func(n int) func(string) bool {
		return func(s string) bool { return len([]rune(s)) <= n && s != `\N` && s != "" }
	}
	unique("public.customers", "email", func(s string) bool {
		return maxLen(120)(s) && strings.Count(s, "@") == 1 && !strings.ContainsAny(s, " '")
	})
	unique("public.customers", "customer_code", func(s string) bool {
		_, err := strconv.Atoi(strings.TrimPrefix(s, "CU-"))
		return len(s) == 11 && strings.HasPrefix(s, "CU-") && err == nil
	})
	unique("public.users", "login_email", maxLen(120))
	unique("public.users", "badge_code", func(s string) bool {
		return len(s) == 9 && s[4] == '-' && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= '0' && s[1] <= '9' &&
			s[2] >= 'A' && s[2] <= 'Z' && s[3] >= '0' && s[3] <= '9'
	})
	unique("public.accounts", "iban", validIBAN)
	cards := unique("public.payment_cards", "card_number", func(s string) bool {
		return (len(s) == 16 || len(s) == 15 && s[0] == '3') && validLuhn(s)
	})

	nCust, nAcc, nUsers := len(b["public.customers"]), len(b["public.accounts"]), len(b["public.users"])
	inRange := func(what, v string, n int, nullable bool) {
		if v == `\N` && nullable {
			return
		}
		id, err := strconv.Atoi(v)
		if err != nil || id < 1 || id > n {
			t.Errorf("%s %q outside 1..%d", what, v, n)
		}
	}
	byID := map[string]map[string]string{}
	for _, c := range b["public.customers"] {
		byID[c["id"]] = c
		for col, n := range map[string]int{"first_name": 60, "last_name": 60, "phone": 30, "fax": 30, "postcode": 10, "city": 60} {
			if len([]rune(c[col])) > n {
				t.Errorf("customers.%s too long: %q", col, c[col])
			}
		}
		if c["profile"] != `\N` {
			var p struct{ Email string }
			if err := json.Unmarshal([]byte(c["profile"]), &p); err != nil || p.Email != c["email"] {
				t.Errorf("customer %s: profile %q (email %q, %v)", c["id"], c["profile"], p.Email, err)
			}
		}
	}
	primaries := map[string]int{}
	for _, c := range b["public.contacts"] {
		inRange("contacts.customer_id", c["customer_id"], nCust, false)
		if c["role"] == "primary" {
			primaries[c["customer_id"]]++
			if c["email"] != byID[c["customer_id"]]["email"] {
				t.Errorf("primary contact %s: e-mail %q, customer has %q", c["id"], c["email"], byID[c["customer_id"]]["email"])
			}
		}
	}
	if len(primaries) != nCust {
		t.Errorf("%d customers have a primary contact, want all %d", len(primaries), nCust)
	}
	for id, n := range primaries {
		if n != 1 {
			t.Errorf("customer %s has %d primary contacts", id, n)
		}
	}
	customerIBANs := map[string][]string{}
	for _, a := range b["public.accounts"] {
		inRange("accounts.customer_id", a["customer_id"], nCust, false)
		customerIBANs[a["customer_id"]] = append(customerIBANs[a["customer_id"]], a["iban"])
	}
	for _, c := range b["public.payment_cards"] {
		inRange("payment_cards.account_id", c["account_id"], nAcc, false)
	}
	var withEmail, withIBAN, withCard, fromCustomers int
	for _, tk := range b["public.tickets"] {
		inRange("tickets.customer_id", tk["customer_id"], nCust, true)
		inRange("tickets.assigned_to", tk["assigned_to"], nUsers, true)
		if tk["customer_id"] == `\N` {
			continue
		}
		fromCustomers++
		body := tk["body"]
		if strings.Contains(body, byID[tk["customer_id"]]["email"]) {
			withEmail++
		}
		for _, iban := range customerIBANs[tk["customer_id"]] {
			if strings.Contains(body, iban) || strings.Contains(body, spaced(iban)) {
				withIBAN++
				break
			}
		}
		if containsCard(body, cards) {
			withCard++
		}
	}
	for _, a := range b["public.audit_log"] {
		inRange("audit_log.user_id", a["user_id"], nUsers, true)
	}
	t.Logf("of %d customer tickets: %d mention an own IBAN, %d the e-mail, %d a card", fromCustomers, withIBAN, withEmail, withCard)
	// The free text must give a scrubber work: most tickets name the
	// customer's IBAN, many the e-mail, some a card.
	if withIBAN*10 < fromCustomers*4 || withEmail*10 < fromCustomers*2 || withCard == 0 {
		t.Errorf("of %d customer tickets: %d mention an own IBAN, %d the e-mail, %d a card", fromCustomers, withIBAN, withEmail, withCard)
	}
}

// containsCard reports whether a known card number appears in text, with or
// without spaces between its digit blocks.
func containsCard(text string, cards map[string]map[string]string) bool {
	digits := strings.ReplaceAll(text, " ", "")
	start := -1
	for i := 0; i <= len(digits); i++ {
		isDigit := i < len(digits) && digits[i] >= '0' && digits[i] <= '9'
		switch {
		case isDigit && start < 0:
			start = i
		case !isDigit && start >= 0:
			if _, ok := cards[digits[start:i]]; ok {
				return true
			}
			start = -1
		}
	}
	return false
}

func TestChecksumsKnownExamples(t *testing.T) {
	for _, iban := range []string{"IT60X0542811101000000123456", "FR1420041010050500013M02606", "DE89370400440532013000",
		"ES9121000418450200051332", "NL91ABNA0417164300", "BE68539007547034", "AT611904300234573201",
		"PT50000201231234567890154", "LU280019400644750000", "CH9300762011623852957", "GB29NWBK60161331926819"} {
		if !validIBAN(iban) {
			t.Errorf("validIBAN(%s) = false", iban)
		}
	}
	if validIBAN("IT60X0542811101000000123457") || validIBAN("DE8937040044053201300") {
		t.Error("validIBAN accepts a wrong checksum or length")
	}
	if got := italianCIN([]byte("0542811101000000123456")); got != 'X' {
		t.Errorf("italianCIN = %c, want X", got)
	}
	// FR1420041010050500013M02606: the letter M of the account counts as 4.
	if got := frenchRIBKey([]byte("200410100505000134026")); got != 6 {
		t.Errorf("frenchRIBKey = %d, want 6", got)
	}
	if a, b := spanishDC([]byte("21000418"), []byte("0200051332")); a != '4' || b != '5' {
		t.Errorf("spanishDC = %c%c, want 45", a, b)
	}
	for _, card := range []string{"4111111111111111", "5555555555554444", "378282246310005"} {
		if !validLuhn(card) {
			t.Errorf("validLuhn(%s) = false", card)
		}
	}
	if validLuhn("4111111111111112") {
		t.Error("validLuhn accepts a wrong check digit")
	}
}

func TestGeneratedIdentifiersValid(t *testing.T) {
	g := newGen(defaultSeed, countsFor(1))
	r := g.rowR
	for i := range uint64(2000) {
		g.reseed(&g.rowPCG, 99, int64(i))
		for _, cc := range ibanCountryList {
			iban := string(buildIBAN(nil, r, cc, permuteDec(i, 8, 2)))
			if !validIBAN(iban) {
				t.Fatalf("invalid %s", iban)
			}
			switch cc {
			case "IT":
				if italianCIN([]byte(iban[5:])) != iban[4] {
					t.Fatalf("%s: wrong CIN", iban)
				}
			case "FR":
				if key, _ := strconv.ParseUint(iban[25:], 10, 64); frenchRIBKey([]byte(iban[4:25])) != key {
					t.Fatalf("%s: wrong RIB key", iban)
				}
			case "ES":
				if a, b := spanishDC([]byte(iban[4:12]), []byte(iban[14:])); a != iban[12] || b != iban[13] {
					t.Fatalf("%s: wrong control digits", iban)
				}
			case "BE":
				n, _ := strconv.ParseUint(iban[4:14], 10, 64)
				check := n % 97
				if check == 0 {
					check = 97
				}
				if string(appendDigits(nil, check, 2)) != iban[14:] {
					t.Fatalf("%s: wrong national check", iban)
				}
			}
		}
		for _, amex := range []bool{false, true} {
			if c := string(buildCard(nil, r, permuteDec(i, 9, 3), amex)); !validLuhn(c) || len(c) != 15+btoi(!amex) {
				t.Fatalf("invalid card %s (amex %v)", c, amex)
			}
		}
	}
}

func TestPermutationsBijective(t *testing.T) {
	for k := 1; k <= 5; k++ {
		m := uint64(1)
		for range k {
			m *= 10
		}
		seen := make([]bool, m)
		for i := range m {
			v := permuteDec(i, k, 1)
			if v >= m || seen[v] {
				t.Fatalf("permuteDec(%d, %d) = %d: out of range or repeated", i, k, v)
			}
			seen[v] = true
		}
	}
	seen := map[uint64]bool{}
	for i := range uint64(300_000) {
		v := permuteBadge(i)
		if v >= badgeSpace || seen[v] {
			t.Fatalf("permuteBadge(%d) = %d: out of range or repeated", i, v)
		}
		seen[v] = true
	}
}

func TestSchemaCopyCurrent(t *testing.T) {
	committed, err := os.ReadFile("../schema.sql")
	if err != nil {
		t.Fatalf("read testdata/schema.sql: %v", err)
	}
	if string(committed) != schemaSQL {
		t.Fatal("testdata/schema.sql differs from testdata/gen/schema.sql: run testdata/make-sample.sh")
	}
	if !strings.Contains(schemaSQL, postDataMarker) {
		t.Fatal("schema.sql lacks the post-data marker")
	}
}

// TestRulesClassifyEveryColumn keeps testdata/pgveil.yaml and the schema in
// step: every column of every table has a rule (or the table has rows:
// none), and no rule names a column that does not exist.
func TestRulesClassifyEveryColumn(t *testing.T) {
	raw, err := os.ReadFile("../pgveil.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var rules struct {
		Tables map[string]struct {
			Rows    string         `yaml:"rows"`
			Columns map[string]any `yaml:"columns"`
		} `yaml:"tables"`
	}
	if err := yaml.Unmarshal(raw, &rules); err != nil {
		t.Fatalf("pgveil.yaml: %v", err)
	}
	schema := schemaColumns(t)
	for table, cols := range schema {
		rule, ok := rules.Tables[table]
		switch {
		case !ok:
			t.Errorf("%s: no rules", table)
		case rule.Rows == "none":
			if len(rule.Columns) > 0 {
				t.Errorf("%s: rows: none with column rules", table)
			}
		default:
			for _, c := range cols {
				if _, ok := rule.Columns[c]; !ok {
					t.Errorf("%s.%s: not classified", table, c)
				}
			}
			if len(rule.Columns) != len(cols) {
				t.Errorf("%s: %d column rules for %d columns", table, len(rule.Columns), len(cols))
			}
		}
	}
	for table := range rules.Tables {
		if _, ok := schema[table]; !ok {
			t.Errorf("rules name table %s, which the schema lacks", table)
		}
	}
}

// schemaColumns reads the column names of the CREATE TABLE statements of
// schema.sql (its own, fixed layout: one column per line).
func schemaColumns(t *testing.T) map[string][]string {
	t.Helper()
	tables := map[string][]string{}
	var current string
	for line := range strings.SplitSeq(schemaSQL, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "CREATE TABLE "):
			current = strings.TrimSuffix(strings.TrimPrefix(line, "CREATE TABLE "), " (")
		case current != "" && line == ");":
			current = ""
		case current != "" && line != "" && !strings.HasPrefix(line, "--"):
			tables[current] = append(tables[current], strings.Fields(line)[0])
		}
	}
	if len(tables) != 7 {
		t.Fatalf("found %d tables in schema.sql, want 7", len(tables))
	}
	return tables
}
