//! CSV and JSON exports of the rows a table shows, in its visible columns.

use crate::Image;
use serde_json::{Map, Value};

/// One CSV cell: text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
/// `@`, tab or carriage return) gets a leading `'`; cells with commas, quotes or line breaks
/// are quoted with inner quotes doubled (RFC 4180).
pub fn csv_cell(text: &str) -> String {
    let neutral = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// The rows as CSV: a header line of `headers`, then one line per image with the attributes
/// named by `columns` (absent values are empty cells). Lines end with CRLF.
pub fn to_csv(images: &[Image], columns: &[&str], headers: &[&str]) -> String {
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    let mut out = line(headers.iter().map(|h| csv_cell(h)).collect());
    for image in images {
        out += &line(columns.iter().map(|c| csv_cell(&image.attr_text(c).unwrap_or_default())).collect());
    }
    out
}

/// The rows as a JSON array of objects holding only the visible columns, values as the API
/// sent them.
pub fn to_json(images: &[Image], columns: &[&str]) -> String {
    let rows: Vec<Value> = images
        .iter()
        .map(|image| {
            // `extend` inserts one by one; `collect` into a map would sort first, with its own
            // copy of the sort in the console's wasm.
            let mut obj = Map::new();
            obj.extend(columns.iter().map(|c| ((*c).to_owned(), image.attr(c).unwrap_or(Value::Null))));
            Value::Object(obj)
        })
        .collect();
    super::pretty_json(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cells_are_escaped_and_formulas_neutralised() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for f in ["+1", "-1", "@SUM(A1)", "\tx"] {
            assert!(csv_cell(f).trim_start_matches('"').starts_with('\''), "{f}");
        }
    }

    #[test]
    fn exports_keep_only_visible_columns() {
        let images: Vec<Image> = vec![
            serde_json::from_value(json!({"id": "1", "name": "a,b", "min_disk": 40, "tags": ["x", "y"]})).unwrap(),
            serde_json::from_value(json!({"id": "2", "name": "=cmd", "virtual_size": null})).unwrap(),
        ];
        let csv = to_csv(&images, &["id", "name", "min_disk", "tags"], &["ID", "Name", "Min disk", "Tags"]);
        assert_eq!(csv, "ID,Name,Min disk,Tags\r\n1,\"a,b\",40,\"x, y\"\r\n2,'=cmd,,\r\n");
        let parsed: Value = serde_json::from_str(&to_json(&images, &["id", "min_disk"])).unwrap();
        assert_eq!(parsed, json!([{"id": "1", "min_disk": 40}, {"id": "2", "min_disk": null}]));
    }
}
