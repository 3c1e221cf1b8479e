//! The page's footer: where the figures come from; the version, the data's vintage and the
//! licences; and how to cite this scenario, APA and BibTeX, each ready to copy.

use super::toolbar::{copy_click, copy_status, CopyAsked};
use crate::cite;
use crate::export::VERSION;
use crate::i18n::{texts, tr};
use compute_demand_core::data::Country;
use compute_demand_core::output::format::Lang;
use yew::prelude::*;

/// The methodology page for `country` in `lang` (xtask writes them; a parameter's entry is
/// `PAGE#KEY`): the shared method with the default pack's chapter at the old addresses, so
/// every link written before packs still lands, and `methodology-<code>.html` for another
/// pack (its chapter is in English only).
pub fn methodology_page(lang: Lang, country: &Country) -> String {
    match (lang, country.is_default()) {
        (Lang::En, true) => "methodology.html".to_string(),
        (Lang::Fr, true) => "methodology.fr.html".to_string(),
        (_, false) => format!("methodology-{}.html", country.code),
    }
}

/// The link to the methodology page (every formula, source and comparison) in the page's
/// language, as the header and the footer show it.
pub fn methodology_link(lang: Lang, country: &Country) -> Html {
    html! {
        <a class="methodology-link" href={methodology_page(lang, country)} data-link="methodology">
            { tr(lang, "Methodology and sources") }</a>
    }
}

/// The footer for the scenario at `permalink`. (A function: no state.)
pub fn footer(
    lang: Lang,
    country: &Country,
    permalink: &str,
    oncopy: &Callback<CopyAsked>,
) -> Html {
    let t = texts(lang);
    let (apa, bibtex) = (cite::apa(permalink), cite::bibtex(permalink));
    let copy = |text: &String| copy_click(oncopy, Some(text.clone()));
    html! {
        <footer class="footer">
            <p>{ t.footer() }{ " " }{ methodology_link(lang, country) }</p>
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
