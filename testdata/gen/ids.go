package main

import (
	"math/rand/v2"
	"strconv"
)

// Identifiers with checksums (IBAN mod-97, national check digits, Luhn) and
// unique codes. Uniqueness never needs memory: every unique value embeds a
// bijective scramble of the row's index.

// permuteDec maps i in [0, 10^k) to a distinct value in [0, 10^k): affine
// steps (multipliers coprime with 10) alternating with digit reversal, so
// consecutive indexes give unrelated-looking codes. salt varies the result.
func permuteDec(i uint64, k int, salt uint64) uint64 {
	m := uint64(1)
	for range k {
		m *= 10
	}
	x := i % m
	for round, mul := range [...]uint64{7_654_321, 48_271, 387_420_489} {
		x = (x%m*(mul%m) + (salt+uint64(round))*0x9e3779b9%m) % m
		if round < 2 {
			x = reverseDigits(x, k)
		}
	}
	return x
}

func reverseDigits(x uint64, k int) uint64 {
	var y uint64
	for range k {
		y = y*10 + x%10
		x /= 10
	}
	return y
}

// permuteBadge maps i in [0, badgeSpace) to a distinct value there (the
// multipliers are coprime with 2, 5 and 13, the factors of badgeSpace).
func permuteBadge(i uint64) uint64 {
	const lo = 10_000
	const hi = badgeSpace / lo
	x := (i%badgeSpace*387_420_489 + 99_991) % badgeSpace
	x = x%lo*hi + x/lo // swap the halves: a bijection of [0, lo*hi)
	return (x*48_271 + 31_337) % badgeSpace
}

// appendDigits appends v as exactly n decimal digits (v < 10^n).
func appendDigits(dst []byte, v uint64, n int) []byte {
	var tmp [20]byte
	for k := n - 1; k >= 0; k-- {
		tmp[k] = byte('0' + v%10)
		v /= 10
	}
	return append(dst, tmp[:n]...)
}

func appendRandDigits(dst []byte, r *rand.Rand, n int) []byte {
	for range n {
		dst = append(dst, byte('0'+r.IntN(10)))
	}
	return dst
}

// ibanLengths are the IBAN lengths of the countries accounts are held in.
var ibanLengths = map[string]int{
	"IT": 27, "FR": 27, "DE": 22, "ES": 24, "NL": 18, "BE": 16, "AT": 20, "PT": 25, "LU": 20, "CH": 21, "GB": 22,
}

var ibanCountryList = []string{"IT", "FR", "DE", "ES", "NL", "BE", "AT", "PT", "LU", "CH", "GB"}

// buildIBAN returns an IBAN (no spaces) for the country whose BBAN embeds
// the 8 digits of unique, so distinct unique values give distinct IBANs.
func buildIBAN(dst []byte, r *rand.Rand, cc string, unique uint64) []byte {
	var b [34]byte
	bban := b[:0]
	switch cc {
	case "IT": // CIN + ABI(5) + CAB(5) + conto(12)
		bban = append(bban, 'X')
		bban = appendRandDigits(bban, r, 5+5+4)
		bban = appendDigits(bban, unique, 8)
		bban[0] = italianCIN(bban[1:])
	case "FR": // bank(5) + branch(5) + account(11) + RIB key(2)
		bban = appendRandDigits(bban, r, 5+5+3)
		bban = appendDigits(bban, unique, 8)
		bban = appendDigits(bban, frenchRIBKey(bban), 2)
	case "DE": // BLZ(8) + account(10)
		bban = appendRandDigits(bban, r, 8+2)
		bban = appendDigits(bban, unique, 8)
	case "ES": // bank(4) + branch(4) + DC(2) + account(10)
		bban = appendRandDigits(bban, r, 8)
		bban = append(bban, '0', '0')
		bban = appendRandDigits(bban, r, 2)
		bban = appendDigits(bban, unique, 8)
		bban[8], bban[9] = spanishDC(bban[:8], bban[10:])
	case "NL": // bank(4 letters) + account(10)
		bban = append(bban, nlBanks[r.IntN(len(nlBanks))]...)
		bban = appendRandDigits(bban, r, 2)
		bban = appendDigits(bban, unique, 8)
	case "BE": // bank(3) + account(7) + check(2): first 10 digits mod 97
		bban = appendRandDigits(bban, r, 2)
		bban = appendDigits(bban, unique, 8)
		n, _ := strconv.ParseUint(string(bban), 10, 64)
		check := n % 97
		if check == 0 {
			check = 97
		}
		bban = appendDigits(bban, check, 2)
	case "AT": // bank(5) + account(11)
		bban = appendRandDigits(bban, r, 5+3)
		bban = appendDigits(bban, unique, 8)
	case "PT": // bank(4) + branch(4) + account(11) + check(2)
		bban = appendRandDigits(bban, r, 8+3)
		bban = appendDigits(bban, unique, 8)
		bban = appendRandDigits(bban, r, 2)
	case "LU": // bank(3) + account(13)
		bban = appendRandDigits(bban, r, 3+5)
		bban = appendDigits(bban, unique, 8)
	case "CH": // bank(5) + account(12)
		bban = appendRandDigits(bban, r, 5+4)
		bban = appendDigits(bban, unique, 8)
	case "GB": // bank(4 letters) + sort code(6) + account(8)
		bban = append(bban, gbBanks[r.IntN(len(gbBanks))]...)
		bban = appendRandDigits(bban, r, 6)
		bban = appendDigits(bban, unique, 8)
	default:
		panic("gen: no IBAN format for " + cc) // programming error: the country lists are static
	}
	dst = append(dst, cc...)
	dst = appendDigits(dst, 98-ibanMod97(cc, bban), 2)
	return append(dst, bban...)
}

var (
	nlBanks = []string{"ABNA", "INGB", "RABO", "TRIO", "SNSB", "KNAB", "ASNB"}
	gbBanks = []string{"NWBK", "BARC", "HBUK", "LOYD", "MIDL", "NAIA"}
)

// ibanMod97 is the ISO 13616 remainder of bban + country + "00".
func ibanMod97(cc string, bban []byte) uint64 {
	var rem uint64
	add := func(c byte) {
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + uint64(c-'0')) % 97
		default: // A=10 ... Z=35, two digits
			rem = (rem*100 + uint64(c-'A'+10)) % 97
		}
	}
	for _, c := range bban {
		add(c)
	}
	add(cc[0])
	add(cc[1])
	return rem * 100 % 97
}

// validIBAN checks length for the country and the mod-97 checksum.
func validIBAN(s string) bool {
	if len(s) < 5 || ibanLengths[s[:2]] != len(s) {
		return false
	}
	check, err := strconv.ParseUint(s[2:4], 10, 64)
	if err != nil {
		return false
	}
	return 98-ibanMod97(s[:2], []byte(s[4:])) == check
}

// italianCIN is the control letter of an Italian BBAN (ABI + CAB + conto).
func italianCIN(s []byte) byte {
	odd := [...]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}
	sum := 0
	for i, c := range s {
		v := int(c - '0')
		if c >= 'A' {
			v = int(c - 'A')
		}
		if i%2 == 0 { // odd position counting from 1
			sum += odd[v]
		} else {
			sum += v
		}
	}
	return byte('A' + sum%26)
}

// frenchRIBKey is the clé RIB of bank(5) + branch(5) + account(11) digits.
func frenchRIBKey(s []byte) uint64 {
	bank, _ := strconv.ParseUint(string(s[:5]), 10, 64)
	branch, _ := strconv.ParseUint(string(s[5:10]), 10, 64)
	account, _ := strconv.ParseUint(string(s[10:21]), 10, 64)
	return 97 - (89*bank+15*branch+3*account)%97
}

// spanishDC returns the two control digits of bank+branch and account.
func spanishDC(bankBranch, account []byte) (byte, byte) {
	weights := [...]int{1, 2, 4, 8, 5, 10, 9, 7, 3, 6}
	digit := func(s []byte) byte {
		sum := 0
		for i, c := range s {
			sum += int(c-'0') * weights[i+10-len(s)]
		}
		d := 11 - sum%11
		switch d {
		case 11:
			d = 0
		case 10:
			d = 1
		}
		return byte('0' + d)
	}
	return digit(bankBranch), digit(account)
}

// buildCard returns a Luhn-valid card number embedding the 9 digits of
// unique: Visa or Mastercard (16 digits) or, amex true, American Express (15).
func buildCard(dst []byte, r *rand.Rand, unique uint64, amex bool) []byte {
	start := len(dst)
	switch {
	case amex:
		dst = append(dst, "3"...)
		dst = append(dst, "47"[r.IntN(2)])
		dst = appendRandDigits(dst, r, 3)
	case r.IntN(2) == 0: // Visa
		dst = append(dst, '4')
		dst = appendRandDigits(dst, r, 5)
	default: // Mastercard 51-55
		dst = append(dst, '5', byte('1'+r.IntN(5)))
		dst = appendRandDigits(dst, r, 4)
	}
	dst = appendDigits(dst, unique, 9)
	return append(dst, luhnDigit(dst[start:]))
}

// luhnDigit is the check digit to append to payload.
func luhnDigit(payload []byte) byte {
	sum := 0
	double := true // the rightmost payload digit is doubled
	for i := len(payload) - 1; i >= 0; i-- {
		d := int(payload[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return byte('0' + (10-sum%10)%10)
}

func validLuhn(s string) bool {
	if len(s) < 2 {
		return false
	}
	return luhnDigit([]byte(s[:len(s)-1])) == s[len(s)-1]
}

// phonePlan appends a number in international format with spaces.
type phonePlan func(dst []byte, r *rand.Rand, mobile bool) []byte

func phoneIT(dst []byte, r *rand.Rand, mobile bool) []byte {
	dst = append(dst, "+39 "...)
	if mobile {
		dst = append(dst, '3')
		dst = append(dst, []string{"47", "33", "20", "38", "93", "40", "49", "28"}[r.IntN(8)]...)
		return appendGroups(dst, r, 3, 4)
	}
	area := []string{"02", "06", "011", "055", "081", "051", "010", "045", "080", "049"}[r.IntN(10)]
	dst = append(dst, area...)
	if len(area) == 2 {
		return appendGroups(dst, r, 4, 4)
	}
	return appendGroups(dst, r, 3, 4)
}

func phoneFR(dst []byte, r *rand.Rand, mobile bool) []byte {
	dst = append(dst, "+33 "...)
	if mobile {
		dst = append(dst, "67"[r.IntN(2)])
	} else {
		dst = append(dst, byte('1'+r.IntN(5)))
	}
	return appendGroups(dst, r, 2, 2, 2, 2)
}

func phoneDE(dst []byte, r *rand.Rand, mobile bool) []byte {
	dst = append(dst, "+49 "...)
	if mobile {
		dst = append(dst, "1"...)
		dst = append(dst, []string{"51", "52", "60", "70", "71", "72", "75", "76"}[r.IntN(8)]...)
		return appendGroups(dst, r, 7+r.IntN(2))
	}
	area := []string{"30", "40", "89", "221", "69", "711", "211", "341", "351", "511"}[r.IntN(10)]
	dst = append(dst, area...)
	if len(area) == 2 {
		return appendGroups(dst, r, 8)
	}
	return appendGroups(dst, r, 7)
}

func phoneEN(dst []byte, r *rand.Rand, mobile bool) []byte {
	dst = append(dst, "+44 "...)
	if mobile {
		dst = append(dst, '7')
		dst = appendRandDigits(dst, r, 3)
		return appendGroups(dst, r, 6)
	}
	if r.IntN(2) == 0 {
		dst = append(dst, "20"...)
		return appendGroups(dst, r, 4, 4)
	}
	dst = append(dst, []string{"161", "113", "121", "131", "117", "141"}[r.IntN(6)]...)
	return appendGroups(dst, r, 3, 4)
}

// appendGroups appends random digit groups, each preceded by a space.
func appendGroups(dst []byte, r *rand.Rand, sizes ...int) []byte {
	for _, n := range sizes {
		dst = append(dst, ' ')
		dst = appendRandDigits(dst, r, n)
	}
	return dst
}
