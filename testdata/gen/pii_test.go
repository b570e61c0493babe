package main

import (
	"math/big"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Independent checks of the national identifiers, written from the
// specifications rather than from pii.go, plus published examples.

// cfValid checks the control character of a codice fiscale (DM 23/12/1976).
func cfValid(cf string) bool {
	if !regexp.MustCompile(`^[A-Z]{6}[0-9]{2}[ABCDEHLMPRST][0-9]{2}[A-Z][0-9]{3}[A-Z]$`).MatchString(cf) {
		return false
	}
	oddVals := map[byte]int{'0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
		'A': 1, 'B': 0, 'C': 5, 'D': 7, 'E': 9, 'F': 13, 'G': 15, 'H': 17, 'I': 19, 'J': 21, 'K': 2, 'L': 4, 'M': 18,
		'N': 20, 'O': 11, 'P': 3, 'Q': 6, 'R': 8, 'S': 12, 'T': 14, 'U': 16, 'V': 10, 'W': 22, 'X': 25, 'Y': 24, 'Z': 23}
	sum := 0
	for i := 0; i < 15; i++ {
		c := cf[i]
		if i%2 == 0 {
			sum += oddVals[c]
		} else if c <= '9' {
			sum += int(c - '0')
		} else {
			sum += int(c - 'A')
		}
	}
	return cf[15] == "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[sum%26]
}

func nirValid(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) != 15 || (s[0] != '1' && s[0] != '2') {
		return false
	}
	n, ok := new(big.Int).SetString(s[:13], 10)
	key, ok2 := new(big.Int).SetString(s[13:], 10)
	if !ok || !ok2 {
		return false
	}
	want := new(big.Int).Sub(big.NewInt(97), new(big.Int).Mod(n, big.NewInt(97)))
	return want.Cmp(key) == 0
}

// steuerValid: 11 digits, no leading zero, in the first ten one digit twice
// (or three times) and the rest at most once, ISO 7064 MOD 11,10.
func steuerValid(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if !regexp.MustCompile(`^[1-9][0-9]{10}$`).MatchString(s) {
		return false
	}
	var count [10]int
	for _, c := range s[:10] {
		count[c-'0']++
	}
	multi := 0
	for _, n := range count {
		if n > 3 {
			return false
		}
		if n > 1 {
			multi++
		}
	}
	if multi != 1 {
		return false
	}
	p := 10
	for _, c := range s[:10] {
		x := (int(c-'0') + p) % 10
		if x == 0 {
			x = 10
		}
		p = (2 * x) % 11
	}
	check := (11 - p) % 10
	return int(s[10]-'0') == check
}

func dniValid(s string) bool {
	m := regexp.MustCompile(`^([XYZ]?)([0-9]{7,8})([A-Z])$`).FindStringSubmatch(s)
	if m == nil || len(m[1])+len(m[2]) != 8 {
		return false
	}
	n := 0
	for _, c := range strings.NewReplacer("X", "0", "Y", "1", "Z", "2").Replace(m[1]) + m[2] {
		n = n*10 + int(c-'0')
	}
	return m[3][0] == "TRWAGMYFPDXBNJZSQVHLCKE"[n%23]
}

var (
	ninoRE = regexp.MustCompile(`^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]$`)
	ssnRE  = regexp.MustCompile(`^([0-9]{3})-([0-9]{2})-([0-9]{4})$`)
)

func ninoValid(s string) bool {
	if !ninoRE.MatchString(s) {
		return false
	}
	switch s[:2] {
	case "BG", "GB", "NK", "KN", "TN", "NT", "ZZ":
		return false
	}
	return true
}

func ssnValid(s string) bool {
	m := ssnRE.FindStringSubmatch(s)
	return m != nil && m[1] != "000" && m[1] != "666" && m[1] < "900" && m[2] != "00" && m[3] != "0000"
}

func TestNationalIDKnownExamples(t *testing.T) {
	for _, cf := range []string{"RSSMRA85T10A562S", "MRTMTT91D08F205J"} {
		if !cfValid(cf) {
			t.Errorf("cfValid(%s) = false", cf)
		}
	}
	// Mario Rossi, born 10 December 1985 in San Giuseppe Vesuviano (A562).
	if got := codiceFiscale("Rossi", "Mario", false, time.Date(1985, 12, 10, 0, 0, 0, 0, time.UTC), "A562"); got != "RSSMRA85T10A562S" {
		t.Errorf("codiceFiscale = %s, want RSSMRA85T10A562S", got)
	}
	if cfNamePart("Gianfranco", true) != "GFR" || cfNamePart("Fo", false) != "FOX" {
		t.Errorf("cfNamePart: %s %s", cfNamePart("Gianfranco", true), cfNamePart("Fo", false))
	}
	if !nirValid("2 55 08 14 168 025 38") || nirValid("2 55 08 14 168 025 39") {
		t.Error("nirValid disagrees with the published example 2 55 08 14 168 025 38")
	}
	for _, id := range []string{"86095742719", "65929970489", "57549285017", "25768131411"} {
		if !steuerValid(id) || steuerCheck([]byte(id)) != id[10] {
			t.Errorf("Steuer-ID %s: steuerValid %v, steuerCheck %c", id, steuerValid(id), steuerCheck([]byte(id)))
		}
	}
	if !dniValid("12345678Z") || !dniValid("X1234567L") || dniValid("12345678A") {
		t.Error("dniValid disagrees with the published examples 12345678Z, X1234567L")
	}
	if !ninoValid("AB 12 34 56 C") || !ninoValid("AB123456C") || ninoValid("GB123456A") || ninoValid("DA123456A") {
		t.Error("ninoValid")
	}
}

func TestNationalIDsValid(t *testing.T) {
	g := newGen(defaultSeed, countsFor(1))
	seen := map[string]int{}
	for i := range int64(3000) {
		c := g.customerAt(i)
		id := g.nationalID(&c)
		var ok bool
		kind := localeCodes[c.loc]
		switch c.loc {
		case locIT:
			ok = cfValid(id) && strings.HasPrefix(id[6:], strings.ToUpper(string(appendDigits(nil, uint64(mustBirth(g, &c).Year()%100), 2))))
		case locFR:
			ok = nirValid(id)
		case locDE:
			ok = steuerValid(id)
		default:
			switch {
			case strings.Contains(id, "-"):
				kind, ok = "ssn", ssnValid(id)
			case c.country.code == "ES":
				kind, ok = "dni", dniValid(id)
			default:
				kind, ok = "nino", ninoValid(id)
			}
		}
		if !ok {
			t.Fatalf("customer %d (%s): invalid %s %q", c.id, c.country.code, kind, id)
		}
		seen[kind]++
		if again := g.nationalID(&c); again != id {
			t.Fatalf("customer %d: national id not stable: %s, %s", c.id, id, again)
		}
	}
	for _, k := range []string{"it", "fr", "de", "ssn", "dni", "nino"} {
		if seen[k] == 0 {
			t.Errorf("no %s among 3000 customers", k)
		}
	}
	t.Log(seen)
}

func mustBirth(g *gen, c *customer) time.Time {
	b, _ := g.birthOf(c)
	return b
}
