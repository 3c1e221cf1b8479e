//! CSV as RFC 4180 reads it: one header line, then one record per line; a field holding a
//! comma, a quote or a line break is quoted, its quotes doubled.

use std::borrow::Cow;

/// One field, quoted when it must be.
pub fn field(text: &str) -> Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

/// One record and its line break.
pub fn record<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> String {
    let mut line = fields
        .into_iter()
        .map(|f| field(f.as_ref()).into_owned())
        .collect::<Vec<_>>()
        .join(",");
    line.push('\n');
    line
}

/// A header and its records.
pub fn table<S: AsRef<str>>(header: &[&str], records: impl IntoIterator<Item = Vec<S>>) -> String {
    let mut out = record(header);
    for fields in records {
        out.push_str(&record(fields));
    }
    out
}
