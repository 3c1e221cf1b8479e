//! The page's footer: where the figures come from; the version, the data's vintage and the
//! licences; and how to cite this scenario, APA and BibTeX, each ready to copy.

use crate::cite;
use crate::export::VERSION;
use crate::i18n::{texts, tr};
use compute_demand_core::output::format::Lang;
use yew::prelude::*;

/// The link to the methodology page (every formula, source and comparison), as the header
/// and the footer show it.
pub fn methodology_link(lang: Lang) -> Html {
    html! {
        <a class="methodology-link" href="methodology.html" data-link="methodology">
            { tr(lang, "Methodology and sources") }</a>
    }
}

/// The footer for the scenario at `permalink`. (A function: no state.)
pub fn footer(lang: Lang, permalink: &str, oncopy: &Callback<String>) -> Html {
    let t = texts(lang);
    let (apa, bibtex) = (cite::apa(permalink), cite::bibtex(permalink));
    let copy = |text: &String| {
        let text = text.clone();
        oncopy.reform(move |_| text.clone())
    };
    html! {
        <footer class="footer">
            <p>{ t.footer }{ " " }{ methodology_link(lang) }</p>
            <p class="version" data-version={VERSION}>{ cite::version_line(lang) }</p>
            <details class="cite" data-cite="">
                <summary>{ t.cite }</summary>
                <p class="note">{ t.cite_note }</p>
                <pre data-cite-apa="">{ &apa }</pre>
                <button type="button" data-copy="apa" onclick={copy(&apa)}>{ t.copy }</button>
                <pre data-cite-bibtex="">{ &bibtex }</pre>
                <button type="button" data-copy="bibtex" onclick={copy(&bibtex)}>{ t.copy }</button>
            </details>
        </footer>
    }
}
