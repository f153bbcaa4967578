//! JSON for people to read (raw image views, request previews, exports), indented the way
//! `serde_json::to_string_pretty` does it.

use serde::Serialize;

/// `value` as indented JSON. Written compactly, then re-indented as text: one serialiser per
/// type instead of a second, pretty one — which keeps the console's wasm smaller — and numbers
/// stay exactly as written.
pub fn pretty_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).map(|compact| indent(&compact)).unwrap_or_default()
}

/// Re-indents compact JSON text (two spaces, `": "`, empty `{}` and `[]` kept on one line).
pub fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        (0..depth).for_each(|_| out.push_str("  "));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn indents_exactly_like_serde_json() {
        let samples = [
            json!({}),
            json!([]),
            json!({"a": {}, "b": [], "c": [1, {"d": null}], "e": "x, y: {z} [w] \"q\" \\"}),
            json!([[[]], {"k": [true, false, 1.5, -2, 18446744073709551615u64]}]),
            json!({"q": "a\", {b}: [c]", "r": "\\", "s": ","}),
            json!("plain"),
            json!(42),
        ];
        for v in &samples {
            assert_eq!(pretty_json(v), serde_json::to_string_pretty(v).unwrap(), "{v}");
        }
        for image in crate::demo::demo_catalog() {
            assert_eq!(pretty_json(&image), serde_json::to_string_pretty(&image).unwrap());
        }
    }

    #[test]
    fn whitespace_between_tokens_is_dropped_and_kept_inside_strings() {
        let spaced = "{ \"a b\" : [ 1 , {} ] ,\n\t\"c\": \" \" }";
        assert_eq!(indent(spaced), serde_json::to_string_pretty(&json!({"a b": [1, {}], "c": " "})).unwrap());
    }

    #[test]
    fn malformed_text_is_reindented_without_a_panic() {
        for text in ["}}]]", "{\"a\":", "\"unterminated", "[1,,2", ""] {
            let _ = indent(text);
        }
    }
}
