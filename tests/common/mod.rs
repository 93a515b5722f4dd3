//! The test model of the search's word rule, shared by the property tests of search (tests/search.rs) and of the
//! list (tests/listing.rs): written from the module's documentation, not from its code, so that each checks it.

/// A letter or digit of a script written with spaces, by block as the module documents it: ASCII letters and
/// digits, U+00C0–U+1FFF but × and ÷, U+2C00–U+2DFF.
pub fn word_char(c: char) -> bool {
    let u = c as u32;
    c.is_ascii_alphanumeric() || (0xC0..0x2000).contains(&u) && u != 0xD7 && u != 0xF7 || (0x2C00..0x2E00).contains(&u)
}

/// Whether `t` occurs in `field` where it begins a word: anywhere when `t` does not begin with a word character,
/// else at the field's start or after a character that is not one.
pub fn begins_word(field: &str, t: &str) -> bool {
    let spaced = t.chars().next().is_some_and(word_char);
    field.match_indices(t).any(|(at, _)| !spaced || !field[..at].chars().next_back().is_some_and(word_char))
}
