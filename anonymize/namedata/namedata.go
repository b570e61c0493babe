package namedata

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io/fs"
	"sync"
)

//go:embed data/*.txt.gz
var files embed.FS

// locales is sorted; Locales returns a copy.
var locales = []string{"de", "en", "fr", "it"}

// lazyList is one embedded list, decoded on first use.
type lazyList struct {
	file string
	once sync.Once
	v    []string
}

func (l *lazyList) get() []string {
	l.once.Do(func() { l.v = load(l.file) })
	return l.v
}

var first, last, common = lists("first"), lists("last"), lists("common")

func lists(kind string) map[string]*lazyList {
	m := make(map[string]*lazyList, len(locales))
	for _, loc := range locales {
		m[loc] = &lazyList{file: "data/" + loc + "-" + kind + ".txt.gz"}
	}
	return m
}

// Locales lists the locale codes with lists: "de", "en", "fr", "it".
func Locales() []string { return append([]string(nil), locales...) }

// First returns the locale's given names, most frequent first where the source
// gives frequencies; nil for an unknown locale. The slice is loaded lazily
// once, is shared, and must not be modified by the caller.
func First(locale string) []string { return from(first, locale) }

// Last returns the locale's surnames, with the same contract as First.
func Last(locale string) []string { return from(last, locale) }

// CommonWords returns lower-case ordinary words of the locale, most frequent
// first, used to demand context before treating a capitalised word that is
// also a name ("Rosa", "Franco", "Will", "Mark") as a name. nil if none is
// shipped for the locale. Same sharing contract as First.
func CommonWords(locale string) []string { return from(common, locale) }

func from(m map[string]*lazyList, locale string) []string {
	l, ok := m[locale]
	if !ok {
		return nil
	}
	return l.get()
}

// load decodes one embedded gzip list (one entry per line). The data is
// embedded and checked by the package tests, so a decoding failure is a
// build defect, not a runtime condition: it panics.
func load(name string) []string {
	raw, err := fs.ReadFile(files, name)
	if err != nil {
		return nil // no list of this kind for the locale
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		panic(fmt.Sprintf("namedata: corrupt embedded %s: %v", name, err))
	}
	defer zr.Close()
	var out []string
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if t := sc.Text(); t != "" {
			out = append(out, t)
		}
	}
	if err := sc.Err(); err != nil {
		panic(fmt.Sprintf("namedata: corrupt embedded %s: %v", name, err))
	}
	return out[:len(out):len(out)]
}
