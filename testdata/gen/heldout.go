package main

import (
	"embed"
	"strings"
)

// Held-out names: relatives and co-holders that customers mention in free
// text. They are in no table and in no name list pgveil ships, so only a
// scrubber that recognises names it has never seen replaces them. One name
// per line in heldout/<locale>-first.txt and <locale>-last.txt; blank lines
// and lines starting with # are skipped, and so is any name that has a word
// the tables use ("Pierre-William" next to a customer William): a relative
// must never share a name with a row.

//go:embed heldout/*.txt
var heldoutFS embed.FS

type nameList struct{ first, last []string }

var heldout = func() (h [numLocales]nameList) {
	inTables := map[string]bool{}
	for loc := range numLocales {
		for _, list := range [][]string{firstNames[loc], lastNames[loc]} {
			for _, n := range list {
				inTables[strings.ToLower(n)] = true
				for _, w := range strings.FieldsFunc(strings.ToLower(n), func(r rune) bool { return r == ' ' || r == '-' || r == '\'' }) {
					inTables[w] = true
				}
			}
		}
	}
	read := func(name string) []string {
		b, err := heldoutFS.ReadFile("heldout/" + name)
		if err != nil {
			panic("gen: " + err.Error()) // embedded: cannot happen
		}
		var out []string
		for line := range strings.SplitSeq(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line[0] == '#' || sharesWord(line, inTables) {
				continue
			}
			out = append(out, line)
		}
		if len(out) == 0 {
			panic("gen: heldout/" + name + " has no usable name")
		}
		return out
	}
	for loc := range numLocales {
		code := localeCodes[loc]
		h[loc] = nameList{first: read(code + "-first.txt"), last: read(code + "-last.txt")}
	}
	return h
}()

// sharesWord reports whether a word of name (split at spaces, hyphens and
// apostrophes) is in words, or the whole name is.
func sharesWord(name string, words map[string]bool) bool {
	n := strings.ToLower(name)
	if words[n] {
		return true
	}
	for _, w := range strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '-' || r == '\'' }) {
		if words[w] {
			return true
		}
	}
	return false
}
