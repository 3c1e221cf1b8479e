//! A range slider: `value`, `min`, `max`, `step`, and a callback for each move and for the
//! release.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SliderProps {
    pub id: AttrValue,
    /// The parameter key, for `input[type=range][data-param=…]`.
    pub param: AttrValue,
    pub value: f64,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// Every `input` event while dragging.
    pub oninput: Callback<f64>,
    /// The `change` event on release.
    pub onchange: Callback<f64>,
}

fn number_of(event: &Event) -> Option<f64> {
    let input: HtmlInputElement = event.target_unchecked_into();
    input.value().parse().ok()
}

#[component]
pub fn Slider(props: &SliderProps) -> Html {
    let oninput = {
        let callback = props.oninput.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(value) = number_of(&event) {
                callback.emit(value);
            }
        })
    };
    let onchange = {
        let callback = props.onchange.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = number_of(&event) {
                callback.emit(value);
            }
        })
    };
    html! {
        <input
            type="range"
            id={props.id.clone()}
            data-param={props.param.clone()}
            min={props.min.to_string()}
            max={props.max.to_string()}
            step={props.step.to_string()}
            value={props.value.to_string()}
            {oninput}
            {onchange}
        />
    }
}
