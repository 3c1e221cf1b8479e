//! Leaf components: they render their props and call their callbacks with what the user did,
//! as typed or chosen; nothing else. None of them knows the app's state or checks input.

pub mod charts;
pub mod compare;
pub mod correlations;
pub mod explain;
pub mod footer;
pub mod headline;
pub mod notices;
pub mod param_control;
pub mod projects;
pub mod register;
pub mod summary;
pub mod toolbar;

use compute_demand_core::input::notation::plain_number;
use compute_demand_core::output::format::Lang;
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
    plain_number(crate::geometry::significant_figures(value, digits))
}

/// What a number box shows: four significant figures, with a decimal comma in French (the
/// reducer reads the box in the page's language).
pub fn box_text(value: f64, lang: Lang) -> String {
    let text = short_number(value, 4);
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

/// A number for a `data-*` attribute: every digit, so tests can compare with the CLI.
pub fn raw(value: f64) -> String {
    plain_number(value)
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_numbers() {
        let table = [
            (2.1908902300206643, "2.191"),
            (751.0, "751"),
            (0.0, "0"),
            (123456789.0, "123500000"),
            (98765.4, "98770"),
            (0.000123456, "0.0001235"),
            (-0.5, "-0.5"),
            (21.94, "21.94"),
            (0.07 * 100.0, "7"),
        ];
        for (value, expected) in table {
            assert_eq!(super::short_number(value, 4), expected);
        }
        assert_eq!(super::box_text(21.9, super::Lang::Fr), "21,9");
        assert_eq!(super::box_text(21.9, super::Lang::En), "21.9");
        assert_eq!(super::box_text(12500.0, super::Lang::Fr), "12500");
    }
}
