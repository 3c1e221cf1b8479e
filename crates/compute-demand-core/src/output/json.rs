//! A small JSON writer. The core only ever writes JSON (reports, exports); a general library
//! such as serde_json would add tens of kilobytes to the WebAssembly bundle for that.

pub use crate::terms::quote::string;

/// A JSON number; `null` for NaN and infinities, which JSON cannot hold (the model never
/// produces them, and tests hold it to that).
pub fn number(value: f64) -> String {
    if value.is_finite() {
        crate::terms::notation::debug_number(value)
    } else {
        "null".to_string()
    }
}

pub fn optional<T>(value: Option<T>, render: impl FnOnce(T) -> String) -> String {
    value.map_or_else(|| "null".to_string(), render)
}

/// `{"key": value, …}` from already-rendered values.
pub fn object<'a>(fields: impl IntoIterator<Item = (&'a str, String)>) -> String {
    let body: Vec<String> = fields
        .into_iter()
        .map(|(key, value)| format!("{}:{value}", string(key)))
        .collect();
    format!("{{{}}}", body.join(","))
}

/// `[value, …]` from already-rendered values.
pub fn array(items: impl IntoIterator<Item = String>) -> String {
    let body: Vec<String> = items.into_iter().collect();
    format!("[{}]", body.join(","))
}
