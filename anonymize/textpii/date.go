package textpii

// Dates after a birth keyword: dd/mm/yyyy, dd.mm.yyyy, dd-mm-yyyy (also
// two-digit years), yyyy-mm-dd, "10 luglio 1992", "10. Juli 1992",
// "1er janvier 1990", "10th July 1992", "July 10, 1992". Day and month are
// checked against the calendar.

type monthName struct {
	name  string
	month uint8
}

// monthNames in lower case, Italian, French, German and English, with the
// common spellings without accents and the English and German abbreviations.
var monthNames = []monthName{
	{"gennaio", 1}, {"febbraio", 2}, {"marzo", 3}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
	{"luglio", 7}, {"agosto", 8}, {"settembre", 9}, {"ottobre", 10}, {"novembre", 11}, {"dicembre", 12},
	{"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5}, {"juin", 6},
	{"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
	{"décembre", 12}, {"decembre", 12},
	{"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3}, {"april", 4}, {"juni", 6},
	{"juli", 7}, {"august", 8}, {"september", 9}, {"oktober", 10}, {"dezember", 12},
	{"january", 1}, {"february", 2}, {"march", 3}, {"may", 5}, {"june", 6}, {"july", 7},
	{"october", 10}, {"november", 11}, {"december", 12},
	{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
	{"sept", 9}, {"oct", 10}, {"okt", 10}, {"nov", 11}, {"dec", 12}, {"dez", 12},
}

// monthAt returns the month named by the word src[i:e], 0 if none.
func monthAt(src []byte, i, e int) int {
	for _, m := range monthNames {
		if wordIs(src, i, e, m.name) {
			return int(m.month)
		}
	}
	return 0
}

func validDay(d, m, y int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if m == 2 && y >= 0 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return d <= 28
	}
	return d <= days[m]
}

func validYear4(y int) bool { return y >= 1850 && y <= 2100 }

// dayEnd reads a day number (1-2 digits) with an optional ordinal suffix
// ("10.", "1er", "10th", "1º") at src[i]; it returns the day and the end.
func dayEnd(src []byte, i int) (int, int) {
	e := digitsEnd(src, i)
	if e == i || e-i > 2 {
		return 0, 0
	}
	d := atoi(src[i:e])
	switch {
	case e < len(src) && src[e] == '.':
		e++
	case eqFold(src, e, "er") || eqFold(src, e, "st") || eqFold(src, e, "nd") || eqFold(src, e, "rd") || eqFold(src, e, "th"):
		if !alnumAt(src, e+2) {
			e += 2
		}
	case eqFold(src, e, "º") || eqFold(src, e, "°"):
		e += 2
	}
	return d, e
}

// matchDate reads a date at src[i]; it returns its end.
func matchDate(src []byte, i int) (int, bool) {
	n := len(src)
	if i >= n {
		return 0, false
	}
	if isDigit(src[i]) {
		e := digitsEnd(src, i)
		l := e - i
		if e < n && (src[e] == '/' || src[e] == '.' || src[e] == '-') && e+1 < n && isDigit(src[e+1]) {
			sep := src[e]
			e2 := digitsEnd(src, e+1)
			if e2 >= n || src[e2] != sep || e2+1 >= n || !isDigit(src[e2+1]) {
				return 0, false
			}
			e3 := digitsEnd(src, e2+1)
			a, b, c := atoi(src[i:e]), atoi(src[e+1:e2]), atoi(src[e2+1:e3])
			l2, l3 := e2-e-1, e3-e2-1
			switch {
			case l == 4 && l2 <= 2 && l3 <= 2 && validYear4(a) && validDay(c, b, a):
			case l <= 2 && l2 <= 2 && l3 == 4 && validYear4(c) && validDay(a, b, c):
			case l <= 2 && l2 <= 2 && l3 == 2 && validDay(a, b, -1):
			default:
				return 0, false
			}
			return e3, endOK(src, e3)
		}
		// "10 luglio 1992", "10. Juli 1992"
		d, e := dayEnd(src, i)
		if e == 0 {
			return 0, false
		}
		j := skipSpaces(src, e, 2)
		if j == e {
			return 0, false
		}
		we := wordEnd(src, j)
		m := monthAt(src, j, we)
		if m == 0 {
			return 0, false
		}
		if we < n && src[we] == '.' {
			we++
		}
		if we < n && src[we] == ',' {
			we++
		}
		y0 := skipSpaces(src, we, 2)
		y1 := digitsEnd(src, y0)
		if y0 == we || y1-y0 != 4 || !validYear4(atoi(src[y0:y1])) || !validDay(d, m, atoi(src[y0:y1])) {
			return 0, false
		}
		return y1, endOK(src, y1)
	}
	// "July 10, 1992"
	we := wordEnd(src, i)
	m := monthAt(src, i, we)
	if m == 0 {
		return 0, false
	}
	if we < n && src[we] == '.' {
		we++
	}
	j := skipSpaces(src, we, 2)
	if j == we {
		return 0, false
	}
	d, e := dayEnd(src, j)
	if e == 0 {
		return 0, false
	}
	if e < n && src[e] == ',' {
		e++
	}
	y0 := skipSpaces(src, e, 2)
	y1 := digitsEnd(src, y0)
	if y0 == e || y1-y0 != 4 || !validYear4(atoi(src[y0:y1])) || !validDay(d, m, atoi(src[y0:y1])) {
		return 0, false
	}
	return y1, endOK(src, y1)
}
