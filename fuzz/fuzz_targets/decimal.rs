//! The core's decimal parser against std's: on any text of digits, signs, points and
//! exponent marks, both give the same `f64` bit for bit, or both refuse it; any other text
//! (std's `inf` and `nan` among them) the core refuses. Every number read is written back
//! (`write_number`, `plain_number`, `debug_number`, from Ryū's digits) as text that reads to
//! the same `f64`.
#![no_main]

use compute_demand_core::input::decimal::parse_decimal;
use compute_demand_core::input::notation::{debug_number, plain_number, write_number};
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
    if let Some(value) = parse_decimal(text).filter(|v| v.is_finite()) {
        for written in [write_number(value), plain_number(value), debug_number(value)] {
            let back = parse_decimal(&written).map(f64::to_bits);
            assert_eq!(back, Some(value.to_bits()), "{text:?} written as {written:?}");
        }
    }
});
