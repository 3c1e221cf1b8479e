//! The core's decimal parser against std's: on any text of digits, signs, points and
//! exponent marks, both give the same `f64` bit for bit, or both refuse it; any other text
//! (std's `inf` and `nan` among them) the core refuses.
#![no_main]

use compute_demand_core::input::decimal::parse_decimal;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = parse_decimal(text).map(f64::to_bits);
    let decimal_alphabet = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'));
    if decimal_alphabet {
        let std = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{text:?}: ours {ours:x?}, std {std:x?}");
    } else {
        assert_eq!(ours, None, "{text:?} is not a decimal");
    }
});
