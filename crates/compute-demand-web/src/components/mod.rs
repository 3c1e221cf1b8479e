//! Leaf components: they render their props and call their callbacks with what the user did,
//! as typed or chosen; nothing else. None of them knows the app's state or checks input.

pub mod charts;
pub mod correlations;
pub mod headline;
pub mod notices;
pub mod param_control;
pub mod projects;
pub mod toolbar;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::{Event, NodeRef, TargetCast};

/// The text of the input an event came from.
pub fn input_text(event: &Event) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

/// The value of the option chosen in the select an event came from.
pub fn chosen(event: &Event) -> String {
    event.target_unchecked_into::<HtmlSelectElement>().value()
}

/// What an input or a select holds. (web-sys reads `value` as a property, by name, so the
/// input's binding reads a select's too.)
pub fn value_of(input: &NodeRef) -> String {
    input
        .get()
        .map(|node| node.unchecked_into::<HtmlInputElement>().value())
        .unwrap_or_default()
}

/// `value` rounded to `digits` significant figures, as the shortest text: what a number box
/// shows for a median such as 2.1908902300206643.
pub fn short_number(value: f64, digits: i32) -> String {
    if value == 0.0 || !value.is_finite() {
        return "0".to_string();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits - 1 - magnitude);
    format!("{}", (value * factor).round() / factor)
}

/// A number for a `data-*` attribute: every digit, so tests can compare with the CLI.
pub fn raw(value: f64) -> String {
    format!("{value}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_numbers() {
        let table = [
            (2.1908902300206643, "2.19089"),
            (751.0, "751"),
            (0.0, "0"),
            (123456789.0, "123457000"),
            (-0.5, "-0.5"),
        ];
        for (value, expected) in table {
            assert_eq!(super::short_number(value, 6), expected);
        }
    }
}
