package anonymize

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// jsonWrap masks text as "<" + text + ">"; it fits text columns only, so
// numbers and booleans go through its text form.
type jsonWrap struct{}

func (jsonWrap) Bind(c Column) (Bound, error) {
	if CategoryOf(c.Type) != CatText {
		return Bound{}, errType("wrap", c, "text")
	}
	return FuncBound(func(dst, src []byte) ([]byte, error) {
		dst = append(dst, '<')
		dst = append(dst, src...)
		return append(dst, '>'), nil
	}), nil
}

// jsonNeg fits numeric columns only and negates the number.
type jsonNeg struct{}

func (jsonNeg) Bind(c Column) (Bound, error) {
	if c.Type != "numeric" {
		return Bound{}, errType("neg", c, "numeric")
	}
	return FuncBound(func(dst, src []byte) ([]byte, error) { return append(append(dst, '-'), src...), nil }), nil
}

// jsonFail fits text and fails on every value.
type jsonFail struct{}

func (jsonFail) Bind(c Column) (Bound, error) {
	return FuncBound(func(dst, _ []byte) ([]byte, error) { return dst, errors.New("refused") }), nil
}

// jsonNone fits nothing.
type jsonNone struct{}

func (jsonNone) Bind(c Column) (Bound, error) { return Bound{}, errType("none", c, "nothing") }

func jsonRegistryMask(t testing.TB, name string, p MapParams) Masker {
	t.Helper()
	m, err := New(name, Env{Key: scrubKey(t)}, p)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// jsonMaskBound builds the json mask from (path, Masker) pairs.
func jsonMaskBound(t testing.TB, c Column, pairs ...any) (Bound, error) {
	t.Helper()
	var l []NamedMasker
	for i := 0; i+1 < len(pairs); i += 2 {
		l = append(l, NamedMasker{Name: pairs[i].(string), Masker: pairs[i+1].(Masker)})
	}
	m, err := New("json", Env{Key: scrubKey(t)}, MapParams{"paths": l})
	if err != nil {
		return Bound{}, err
	}
	return m.Bind(c)
}

func mustJSONBound(t testing.TB, pairs ...any) Bound {
	t.Helper()
	b, err := jsonMaskBound(t, Column{Type: "jsonb"}, pairs...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestJSONMaskRewrites(t *testing.T) {
	wrap, neg := jsonWrap{}, jsonNeg{}
	redact := jsonRegistryMask(t, "redact", nil)
	null := jsonRegistryMask(t, "null", nil)
	keep := jsonRegistryMask(t, "keep", nil)
	cases := []struct {
		name      string
		in, want  string
		pathMasks []any
	}{
		{"member", `{"email": "a@b.it", "name": "x"}`, `{"email": "<a@b.it>", "name": "x"}`, []any{"$.email", wrap}},
		{"nested", `{"a":{"b":{"c":"v"}},"c":"w"}`, `{"a":{"b":{"c":"<v>"}},"c":"w"}`, []any{"$.a.b.c", wrap}},
		{"brackets", `{"a b":"v","it's":"w","x":"y"}`, `{"a b":"<v>","it's":"<w>","x":"y"}`,
			[]any{"$['a b']", wrap, `$["it's"]`, wrap}},
		{"all elements", `{"phones":["1","2",3]}`, `{"phones":["<1>","<2>","<3>"]}`, []any{"$.phones[*]", wrap}},
		{"one element", `{"phones":["1","2"]}`, `{"phones":["1","<2>"]}`, []any{"$.phones[1]", wrap}},
		{"root element", `["x","y"]`, `["<x>","y"]`, []any{"$[0]", wrap}},
		{"index past end", `["x"]`, `["x"]`, []any{"$[3]", wrap}},
		{"name on array, index on object", `{"0":"x","a":["y"]}`, `{"0":"x","a":["y"]}`, []any{"$[0]", wrap, "$.a.0", wrap}},
		{"star member", `{"a":"1","b":{"c":"2"}}`, `{"a":"<1>","b":{"c":"<2>"}}`, []any{"$.*", wrap}},
		{"recursive", `{"email":"a","x":{"email":"b","y":[{"email":"c"},{"other":"d"}]}}`,
			`{"email":"<a>","x":{"email":"<b>","y":[{"email":"<c>"},{"other":"d"}]}}`, []any{"$..email", wrap}},
		{"recursive index", `{"x":[["a","b"]],"y":["c"]}`, `{"x":[["<a>","<b>"]],"y":["<c>"]}`, []any{"$..[0]", wrap}},
		{"recursive then member", `{"u":[{"c":{"m":"a"}},{"m":"b"}],"m":"c"}`, `{"u":[{"c":{"m":"<a>"}},{"m":"b"}],"m":"c"}`,
			[]any{"$..c.m", wrap}},
		{"escapes", `{"s":"line\nbreak \u00e9 \ud83d\ude00 \"q\" \\ \/"}`, `{"s":"<line\nbreak é 😀 \"q\" \\ />"}`,
			[]any{"$.s", wrap}},
		{"control and lone surrogate", `["\u0001\t", "\ud800x", "\udc00"]`, `["<\u0001\t>", "<` + "\uFFFD" + `x>", "<` + "\uFFFD" + `>"]`,
			[]any{"$[*]", wrap}},
		{"escaped key", `{"e\u006dail":"v","email2":"w"}`, `{"e\u006dail":"<v>","email2":"w"}`, []any{"$.email", wrap}},
		{"unicode", `{"nome":"Niccolò 🇮🇹"}`, `{"nome":"<Niccolò 🇮🇹>"}`, []any{"$.nome", wrap}},
		{"formatting kept", "{\n  \"a\" : [ 1 ,\t2 ],\r\n  \"b\":\"x\"  }\n", "{\n  \"a\" : [ 1 ,\t2 ],\r\n  \"b\":\"<x>\"  }\n",
			[]any{"$.b", wrap}},
		{"container", `{"p":{"n":1.5,"s":"x","t":true,"z":null,"l":["y",{"k":"w"}]},"q":"v"}`,
			`{"p":{"n":"<1.5>","s":"<x>","t":true,"z":null,"l":["<y>",{"k":"<w>"}]},"q":"v"}`, []any{"$.p", wrap}},
		{"boolean", `{"t":true,"f":false}`, `{"t":"<true>","f":false}`, []any{"$.t", wrap}},
		{"null stays null", `{"a":null}`, `{"a":null}`, []any{"$.a", wrap}},
		{"numeric mask keeps numbers bare", `{"age":42,"l":[1e3,-0.5]}`, `{"age":-42,"l":[-1e3,"--0.5"]}`,
			[]any{"$.age", neg, "$.l[0]", neg, "$.l[1]", neg}},
		{"null mask", `{"a":"x","b":[1,"2",true]}`, `{"a":null,"b":[null,null,true]}`, []any{"$.a", null, "$.b", null}},
		{"keep mask", `{"a":"x","b":[1,"\u0032"]}`, `{"a":"x","b":[1,"\u0032"]}`, []any{"$.a", keep, "$.b", keep}},
		{"redact", `{"a":"x","n":12}`, `{"a":"***","n":"***"}`, []any{"$.a", redact, "$.n", redact}},
		{"first path wins", `{"a":"x"}`, `{"a":"<x>"}`, []any{"$.a", wrap, "$..a", redact}},
		{"first path wins reversed", `{"a":"x"}`, `{"a":"***"}`, []any{"$..a", redact, "$.a", wrap}},
		{"outer match wins", `{"a":{"b":"x","c":"y"}}`, `{"a":{"b":"<x>","c":"<y>"}}`, []any{"$.a.b", redact, "$.a", wrap}},
		{"root", ` "x" `, ` "<x>" `, []any{"$", wrap}},
		{"root object", `{"a":"b","c":[1]}`, `{"a":"<b>","c":["<1>"]}`, []any{"$", wrap}},
		{"duplicate keys", `{"a":"x","a":"y"}`, `{"a":"<x>","a":"<y>"}`, []any{"$.a", wrap}},
		{"no match", `{"a" : [1, {"b":"c"}] }`, `{"a" : [1, {"b":"c"}] }`, []any{"$.zzz", wrap}},
		{"empty containers", `{"a":{},"b":[],"c":[{}]}`, `{"a":{},"b":[],"c":[{}]}`, []any{"$.a", wrap, "$.b[*]", wrap, "$..c", wrap}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := mustJSONBound(t, c.pathMasks...)
			out, null, err := b.Apply([]byte("prefix:"), []byte(c.in), false)
			if err != nil || null {
				t.Fatalf("Apply: null %v, %v", null, err)
			}
			got, ok := strings.CutPrefix(string(out), "prefix:")
			if !ok {
				t.Fatalf("dst not appended to: %q", out)
			}
			if got != c.want {
				t.Errorf("\n in  %s\n got %s\nwant %s", c.in, got, c.want)
			}
			if json.Valid([]byte(c.want)) && !json.Valid([]byte(got)) {
				t.Errorf("output is not valid JSON")
			}
		})
	}
}

func TestJSONMaskWithRegistryMasks(t *testing.T) {
	b := mustJSONBound(t, "$.email", plainMasker(t, "email"), "$.phones[*]", plainMasker(t, "phone"))
	in := `{"id": 7, "email": "mario.rossi@example.it", "phones": ["+39 347 123 4567", "06 1234 5678"]}`
	want := fmt.Sprintf(`{"id": 7, "email": %q, "phones": [%q, %q]}`,
		applyOK(t, plainBound(t, "email"), "mario.rossi@example.it"),
		applyOK(t, plainBound(t, "phone"), "+39 347 123 4567"), applyOK(t, plainBound(t, "phone"), "06 1234 5678"))
	if got := applyOK(t, b, in); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func plainMasker(t testing.TB, kind string) Masker {
	t.Helper()
	m, err := New(kind, Env{Key: scrubKey(t), Domain: kind}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestJSONMaskErrors(t *testing.T) {
	// Mask failures and masks that do not fit the leaf: an error, never the input.
	for _, c := range []struct {
		in    string
		pairs []any
	}{
		{`{"a":"x"}`, []any{"$.a", jsonFail{}}},
		{`{"a":[1,{"b":"x"}]}`, []any{"$.a", jsonFail{}}},
		{`{"s":"7"}`, []any{"$.s", jsonNeg{}}},
		{`{"t":true}`, []any{"$.t", jsonNeg{}}},
	} {
		b := mustJSONBound(t, c.pairs...)
		if out, _, err := b.Apply(nil, []byte(c.in), false); err == nil {
			t.Errorf("%s with %v: no error, got %q", c.in, c.pairs, out)
		}
	}
	// Column types.
	for _, c := range []Column{{Type: "text"}, {Type: "jsonb", Array: true}, {Type: "int4"}} {
		if _, err := jsonMaskBound(t, c, "$.a", jsonWrap{}); err == nil {
			t.Errorf("Bind(%v) accepted", c)
		}
	}
	for _, c := range []Column{{Type: "json"}, {Type: "jsonb"}} {
		if _, err := jsonMaskBound(t, c, "$.a", jsonWrap{}); err != nil {
			t.Errorf("Bind(%v): %v", c, err)
		}
	}
	if _, err := jsonMaskBound(t, Column{Type: "json"}, "$.a", jsonNone{}); err == nil || !strings.Contains(err.Error(), "$.a") {
		t.Errorf("a mask that fits no leaf: %v", err)
	}
	// Parameters.
	if _, err := New("json", Env{Key: scrubKey(t)}, MapParams{}); err == nil {
		t.Error("no paths accepted")
	}
	if _, err := New("json", Env{Key: scrubKey(t)}, MapParams{"paths": []NamedMasker{}}); err == nil {
		t.Error("empty paths accepted")
	}
	_, err := New("json", Env{Key: scrubKey(t)}, MapParams{"paths": []NamedMasker{{"$.ok", jsonWrap{}}, {"$.a[-1]", jsonWrap{}}}})
	if err == nil || !strings.Contains(err.Error(), `"$.a[-1]"`) || !strings.Contains(err.Error(), "valid") {
		t.Errorf("bad path: %v", err)
	}
	if _, err := New("json", Env{Key: scrubKey(t)}, MapParams{"paths": []NamedMasker{{"$.a", nil}}}); err == nil {
		t.Error("path without mask accepted")
	}
}

var invalidJSONDocs = []string{
	"", " ", "{", "}", "[1,]", `{"a":1,}`, `{"a" 1}`, `{a:1}`, `'a'`, "01", "1.", ".5", "-", "1e", "1e+", "-01",
	"tru", "nul", "falsey", `"abc`, `"\x"`, `"\u12"`, `"\u12g4"`, "\"a\nb\"", "[1] [2]", `{"a":1}}`, "NaN", "+1",
	`["a",]`, "\xef\xbb\xbf{}", `{"a":1 "b":2}`, `[1 2]`, `{"a":[}`, `{"a"}`, `{1:2}`, "[\"\\", "\"\t\"", "[",
	`{"a":"x"`, `nulll`, "\x00",
}

func TestJSONMaskRejectsInvalidDocuments(t *testing.T) {
	for _, path := range []string{"$.a", "$.zzz", "$..*", "$"} {
		b := mustJSONBound(t, path, jsonWrap{})
		for _, doc := range invalidJSONDocs {
			if json.Valid([]byte(doc)) {
				t.Fatalf("test document %q is valid JSON", doc)
			}
			if out, _, err := b.Apply(nil, []byte(doc), false); err == nil {
				t.Errorf("path %s: %q accepted, got %q", path, doc, out)
			}
		}
	}
	deep := strings.Repeat("[", jsonMaxDepth+2) + strings.Repeat("]", jsonMaxDepth+2)
	if _, _, err := mustJSONBound(t, "$..*", jsonWrap{}).Apply(nil, []byte(deep), false); err == nil {
		t.Error("nesting deeper than the limit accepted")
	}
}

func TestJSONPathParse(t *testing.T) {
	type st = jsonStep
	valid := []struct {
		path string
		want []jsonStep
	}{
		{"$", nil},
		{"$.a", []st{{kind: jsonStepName, name: "a"}}},
		{"$.a.b_c-d$", []st{{kind: jsonStepName, name: "a"}, {kind: jsonStepName, name: "b_c-d$"}}},
		{"$['a b']", []st{{kind: jsonStepName, name: "a b"}}},
		{`$["x\"y"]`, []st{{kind: jsonStepName, name: `x"y`}}},
		{`$['it\'s']`, []st{{kind: jsonStepName, name: "it's"}}},
		{"$[0][12]", []st{{kind: jsonStepIndex, index: 0}, {kind: jsonStepIndex, index: 12}}},
		{"$[*].*", []st{{kind: jsonStepWild}, {kind: jsonStepWild}}},
		{"$..a", []st{{kind: jsonStepName, name: "a", descend: true}}},
		{"$..*", []st{{kind: jsonStepWild, descend: true}}},
		{"$..['a.b']", []st{{kind: jsonStepName, name: "a.b", descend: true}}},
		{"$..[2]", []st{{kind: jsonStepIndex, index: 2, descend: true}}},
		{"$.a[*].b", []st{{kind: jsonStepName, name: "a"}, {kind: jsonStepWild}, {kind: jsonStepName, name: "b"}}},
		{"$.città", []st{{kind: jsonStepName, name: "città"}}},
	}
	for _, c := range valid {
		p, err := parseJSONPath(c.path)
		if err != nil {
			t.Errorf("parse(%q): %v", c.path, err)
			continue
		}
		if fmt.Sprint(p.steps) != fmt.Sprint(c.want) {
			t.Errorf("parse(%q) = %+v, want %+v", c.path, p.steps, c.want)
		}
	}
	for _, bad := range []string{"", "a", "$.", "$..", "$[", "$[]", "$[-1]", "$['a'", "$[a]", "$.a b", "$a", "$[1",
		"$[99999999999]", "$.a.", "$...a", "$[?(@.a)]", "$.a[1:2]", " $.a", "$['a']x", "$[ 1]"} {
		if p, err := parseJSONPath(bad); err == nil {
			t.Errorf("parse(%q) accepted: %+v", bad, p.steps)
		}
	}
}

// jsonBenchDoc is a customer profile of about 400 bytes.
const jsonBenchDoc = `{"id": 48213, "name": "Mario Rossi", "email": "mario.rossi@example.it",
 "phones": ["+39 347 123 4567", "06 1234 5678"], "address": {"street": "Via Roma 1", "city": "Milano",
 "zip": "20121"}, "preferences": {"newsletter": true, "language": "it", "tags": ["vip", "b2c", "north"]},
 "payment": {"iban": "IT60X0542811101000000123456", "holder": "Mario Rossi"}, "created": "2024-03-15T10:30:00Z"}`

func BenchmarkJSONMask(b *testing.B) {
	bd := mustJSONBound(b, "$.email", plainMasker(b, "email"), "$.phones[*]", plainMasker(b, "phone"),
		"$..iban", plainMasker(b, "iban"))
	src := []byte(jsonBenchDoc)
	var out []byte
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		var err error
		out, _, err = bd.Apply(out[:0], src, false)
		if err != nil {
			b.Fatal(err)
		}
	}
}
