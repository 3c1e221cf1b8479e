//! The page's footer: where the figures come from; the version, the data's vintage and the
//! licences; and how to cite this scenario, APA and BibTeX, each ready to copy.

use super::toolbar::{copy_click, copy_status, CopyAsked};
use crate::cite;
use crate::export::VERSION;
use crate::i18n::{texts, tr};
use compute_demand_core::output::format::Lang;
use yew::prelude::*;

/// The methodology page in `lang` (xtask writes both; a parameter's entry is `PAGE#KEY`).
pub fn methodology_page(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "methodology.html",
        Lang::Fr => "methodology.fr.html",
    }
}

/// The link to the methodology page (every formula, source and comparison) in the page's
/// language, as the header and the footer show it.
pub fn methodology_link(lang: Lang) -> Html {
    html! {
        <a class="methodology-link" href={methodology_page(lang)} data-link="methodology">
            { tr(lang, "Methodology and sources") }</a>
    }
}

/// The footer for the scenario at `permalink`. (A function: no state.)
pub fn footer(lang: Lang, permalink: &str, oncopy: &Callback<CopyAsked>) -> Html {
    let t = texts(lang);
    let (apa, bibtex) = (cite::apa(permalink), cite::bibtex(permalink));
    let copy = |text: &String| copy_click(oncopy, Some(text.clone()));
    html! {
        <footer class="footer">
            <p>{ t.footer() }{ " " }{ methodology_link(lang) }</p>
            <p class="version" data-version={VERSION}>{ cite::version_line(lang) }</p>
            <details class="cite" data-cite="">
                <summary>{ t.cite() }</summary>
                <p class="note">{ t.cite_note() }</p>
                <pre data-cite-apa="">{ &apa }</pre>
                <button type="button" data-copy="apa" onclick={copy(&apa)}>{ t.copy() }</button>
                { copy_status() }
                <pre data-cite-bibtex="">{ &bibtex }</pre>
                <button type="button" data-copy="bibtex" onclick={copy(&bibtex)}>{ t.copy() }</button>
                { copy_status() }
            </details>
        </footer>
    }
}
