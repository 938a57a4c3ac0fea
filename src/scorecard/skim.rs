//! Skimming a record's outer JSON object: the few top-level fields a summary
//! needs, copied out as text, while the big values (the transcript, the
//! replies with their findings: most of a scorecard's bytes) are passed over
//! by matching brackets and quotes instead of being parsed. The dashboard
//! summarises 100,000 files this way. Skimming never decides anything: what
//! it copies is parsed by serde, and anything it does not follow (a key
//! written with escapes, a duplicate, a broken bracket) makes the caller fall
//! back to reading the whole record.

/// The outer object's fields named in `wanted`, in the order written, as a
/// JSON object text; `None` when the text is not one object whose values are
/// balanced, with nothing after it but white space.
pub fn fields(json: &str, wanted: &[&str]) -> Option<String> {
    let bytes = json.as_bytes();
    let mut at = skip_space(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    at += 1;
    let mut out = String::with_capacity(1024);
    out.push('{');
    let mut first_field = true;
    loop {
        at = skip_space(bytes, at);
        match bytes.get(at)? {
            b'}' if first_field => {
                at += 1;
                break;
            }
            b'"' => {}
            _ => return None,
        }
        let key_start = at;
        let key_end = skip_string(bytes, at)?;
        // The key between its quotes, as written (a key with escapes matches nothing).
        let key = &json[key_start + 1..key_end - 1];
        at = skip_space(bytes, key_end);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        let value_start = skip_space(bytes, at + 1);
        let value_end = skip_value(bytes, value_start)?;
        if wanted.contains(&key) {
            if out.len() > 1 {
                out.push(',');
            }
            out.push_str(&json[key_start..key_end]);
            out.push(':');
            out.push_str(&json[value_start..value_end]);
        }
        first_field = false;
        at = skip_space(bytes, value_end);
        match bytes.get(at)? {
            b',' => at += 1,
            b'}' => {
                at += 1;
                break;
            }
            _ => return None,
        }
    }
    if skip_space(bytes, at) != bytes.len() {
        return None;
    }
    out.push('}');
    Some(out)
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        at += 1;
    }
    at
}

/// From an opening quote to just past its closing one (escapes passed over).
fn skip_string(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        // The next quote or backslash; everything between is string content.
        let offset = bytes.get(i..)?.iter().position(|b| *b == b'"' || *b == b'\\')?;
        i += offset;
        if bytes[i] == b'\\' {
            i += 2;
        } else {
            return Some(i + 1);
        }
    }
}

/// From the start of a value to just past its end: a string, a balanced
/// object or array (strings inside passed over whole), or a bare word or number.
fn skip_value(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => skip_string(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                match bytes.get(i)? {
                    b'"' => {
                        i = skip_string(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let end = bytes[at..].iter().position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')).map_or(bytes.len(), |p| at + p);
            (end > at).then_some(end)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_wanted_fields_are_copied_and_the_rest_passed_over() {
        let json = r#" { "a": 1, "big": [ {"t": "say \"}]\" \\ {"}, [1, 2] ], "b" : {"x": "y"}, "c": null } "#;
        assert_eq!(fields(json, &["a", "b"]).as_deref(), Some(r#"{"a":1,"b":{"x": "y"}}"#));
        assert_eq!(fields("{}", &["a"]).as_deref(), Some("{}"));
    }

    #[test]
    fn what_it_cannot_follow_is_refused() {
        for bad in [r#"{"a": [1, 2}"#, r#"{"a": "open"#, r#"{"a": 1} x"#, r#"[1]"#, r#"{"a" 1}"#, r#"{"a": 1,}"#, "", r#"{"a": }"#] {
            assert_eq!(fields(bad, &["a"]), None, "{bad}");
        }
    }

    fn value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            "[\\PC\"\\\\{}\\[\\],: ]{0,12}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
                prop::collection::btree_map("[a-z\"\\\\]{1,6}", inner, 0..6).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Over thousands of objects (strings full of quotes, backslashes and
        /// brackets), skimming keeps exactly the wanted fields with their values.
        #[test]
        fn skimming_agrees_with_parsing(object in prop::collection::btree_map("[a-e\"\\\\]{1,3}", value(), 0..8), pretty in any::<bool>()) {
            let object: serde_json::Map<String, serde_json::Value> = object.into_iter().collect();
            let text = if pretty { serde_json::to_string_pretty(&object).unwrap() } else { serde_json::to_string(&object).unwrap() };
            let wanted = ["a", "c", "e"];
            let skimmed: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&fields(&text, &wanted).unwrap()).unwrap();
            let expected: serde_json::Map<String, serde_json::Value> = object.into_iter().filter(|(k, _)| wanted.contains(&k.as_str())).collect();
            prop_assert_eq!(skimmed, expected);
        }
    }
}
