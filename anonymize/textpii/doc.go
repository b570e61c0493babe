// Package textpii finds personal data in free text (support tickets in
// Italian, French, German and English) that the scrub mask's own scanner does
// not cover: national identifiers, identity-document numbers, CVV codes,
// birth dates, street addresses with postcode and city, IP addresses,
// obfuscated e-mail addresses ("mario AT gmail DOT com") and IBANs in lower
// or mixed case or irregular groups. It also draws the replacements that keep
// a value's shape: valid national identifiers, digit/letter look-alikes and
// IP addresses of the same family.
//
// Invariants:
//   - Detection is one hand-written pass over the bytes, no regular
//     expressions. Work is O(n) with a small constant: every matcher reads a
//     bounded window from a token start, and the scan never goes back before
//     the end of the previous hit (look-backs are bounded to a few words).
//   - Hits are appended left to right, non-overlapping, and a hit never starts
//     or ends inside a longer run of letters or digits.
//   - Precision first: checksums (codice fiscale, NIR, Steuer-ID, DNI/NIE,
//     IBAN mod-97), structural rules (NINO, SSN, IP octets, dates) and context
//     (a keyword before a document number, CVV or birth date; a city next to
//     a postcode; a house number after a street name) keep amounts, dates,
//     times, order and version numbers out.
//   - Pure functions: no global state is written after package
//     initialisation, so everything is safe for concurrent use. Find does not
//     allocate except when it grows the caller's hits slice and, rarely,
//     when it parses an IPv6 candidate.
//   - The fakes are deterministic functions of their seed bytes (a keyed hash
//     of the original, supplied by the caller); nothing is drawn from time or
//     a global random source.
//
// Choices the caller should know about:
//   - KindStreet, KindPostcode and KindCity are all controlled by
//     Options.Addresses, including the birth place after "nata a".
//   - A province in parentheses after a city ("09124 Cagliari (CA)") and a US
//     state code ("Springfield, IL 62704") are left alone.
//   - Postcodes of five digits are taken before a city on their own; the
//     other shapes (four digits "8010 Graz", Dutch "1015 MY Amsterdam",
//     Portuguese "1100-950 Lisboa") only right after a street or a residence
//     keyword, a country prefix ("L-4797", "D-80331") also at the start of
//     an address. A UK inward code with C I K M O V is taken only in a full
//     street, city, postcode line.
//   - CanonicalObfuscatedEmail turns an obfuscated address found by Find,
//     in any of the four languages ("x chiocciola y punto it"), back into
//     the plain one, so both can get the same pseudonym.
//   - A codice fiscale with a wrong check letter is accepted only right after
//     the keyword "codice fiscale", "cod. fiscale", "CF" or "C.F.".
package textpii
