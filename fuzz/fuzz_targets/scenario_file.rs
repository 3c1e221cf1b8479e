//! Scenario files: any UTF-8 text parses or is refused without panicking, with a message free
//! of control characters; what parses passes the validator, survives write → parse unchanged,
//! and its share link fits the link cap and decodes to the same scenario.
#![no_main]

use compute_demand_core::input::{link, scenario_file, validate::limits};
use libfuzzer_sys::fuzz_target;

const FILE: &str = "fuzz.toml";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let scenario = match scenario_file::parse(text, FILE) {
        Ok(scenario) => scenario,
        Err(e) => {
            let message = e.to_string();
            assert!(
                !message.chars().any(char::is_control),
                "a message carries a control character (a terminal escape or a line break): {message:?}"
            );
            return;
        }
    };
    if let Err(e) = scenario.validate() {
        panic!("parse accepted a scenario the validator refuses: {e}\n{scenario:?}");
    }

    let written = scenario_file::write(&scenario);
    let reread = match scenario_file::parse(&written, FILE) {
        Ok(reread) => reread,
        Err(e) => panic!("the written file does not parse: {e}\n--- written ---\n{written}"),
    };
    assert_eq!(
        reread, scenario,
        "the scenario changed on write → parse\n--- written ---\n{written}"
    );
    assert_eq!(
        scenario_file::write(&reread),
        written,
        "write is not canonical"
    );

    // The app imports a file and then shares it as a link (and keeps it in localStorage in
    // the same form): the link must fit the decoder's cap and carry the same scenario, held to
    // the six significant digits a link writes (as the app holds it once imported).
    let fragment = link::encode(&link::Link::of(scenario.clone()));
    assert!(
        fragment.len() <= limits::MAX_FRAGMENT_BYTES,
        "the link of an imported file is {} bytes, over the {}-byte cap",
        fragment.len(),
        limits::MAX_FRAGMENT_BYTES
    );
    let decoded = link::decode(&fragment);
    assert!(
        decoded.problems.is_empty(),
        "link of an imported file has problems: {:?}\n{fragment}",
        decoded.problems
    );
    assert_eq!(
        decoded.link.scenario,
        link::canonical(&scenario),
        "link of an imported file differs\n{fragment}"
    );
});
