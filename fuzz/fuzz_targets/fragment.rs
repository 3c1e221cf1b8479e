//! Share-link fragments: any text decodes without panicking, to a scenario the validator
//! accepts, with messages free of control characters; and what decoding kept survives
//! encode → decode unchanged and without problems.
#![no_main]

use compute_demand_core::input::link;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    let decoded = link::decode(&fragment);
    for problem in &decoded.problems {
        let message = problem.to_string();
        assert!(
            !message.chars().any(char::is_control),
            "a message carries a control character (a terminal escape or a line break): {message:?}"
        );
    }
    let pinned = decoded.link.pinned.as_deref();
    for scenario in std::iter::once(&decoded.link.scenario).chain(pinned) {
        if let Err(e) = scenario.validate() {
            panic!(
                "decode kept a scenario the validator refuses: {e}\n{:?}",
                decoded.link
            );
        }
    }

    // Round trip: the canonical fragment of what was kept.
    let encoded = link::encode(&decoded.link);
    let again = link::decode(&encoded);
    assert!(
        again.problems.is_empty(),
        "re-decoding the encoded link reported problems: {:?}\nencoded: {encoded}",
        again.problems
    );
    assert_eq!(
        again.link, decoded.link,
        "the link changed on encode → decode\nencoded: {encoded}"
    );
    // And the canonical form is a fixed point.
    assert_eq!(
        link::encode(&again.link),
        encoded,
        "encode is not canonical"
    );
});
