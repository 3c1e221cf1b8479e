//! The core's decimal parser gives std's `f64`, bit for bit, and refuses what std refuses.

use compute_demand_core::input::decimal::parse_decimal;
use proptest::prelude::*;

/// Ours and std's agree on `text`: the same bits, or both refuse it.
fn check(text: &str) {
    let ours = parse_decimal(text).map(f64::to_bits);
    let std = text.parse::<f64>().ok().map(f64::to_bits);
    assert_eq!(ours, std, "{text:?}: ours {ours:x?}, std {std:x?}");
}

#[test]
fn hard_cases_round_as_std_rounds() {
    let long_half = format!("9007199254740993.{}1", "0".repeat(900));
    let long_ones = "1".repeat(1200);
    let cases = [
        // Grammar.
        "0",
        "-0",
        "+0",
        "00",
        "0.",
        ".0",
        "1.",
        ".5",
        "-.5",
        "+.5",
        "1e5",
        "1E5",
        "1e+5",
        "1e-5",
        "1.e1",
        ".1e1",
        "",
        ".",
        "+",
        "-",
        "e1",
        ".e1",
        "1e",
        "1e+",
        "1e-",
        "++1",
        "+-1",
        "1-1",
        "1..2",
        "1.2.3",
        "1e1.5",
        "1e5e5",
        " 1",
        "1 ",
        "0x10",
        "1__0",
        // Clinger's fast path and just beyond it.
        "0.1",
        "0.2",
        "0.3",
        "123456789012345",
        "1234567890123456",
        "12345678901234567",
        "1e22",
        "1e23",
        "1e-22",
        "1e-23",
        "123456789012345e-22",
        "8.589973e9",
        // Ties: 2^53 + 1 and + 3 lie halfway between doubles.
        "9007199254740993",
        "9007199254740995",
        "9007199254740993.0000000000000000001",
        &long_half,
        // The ends of the range.
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1e309",
        "-1e309",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "2.2250738585072014e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "2.4703282292062327208828439643411068618252990130716238221279284125033775364e-324",
        "1e-324",
        "3e-324",
        "1e-400",
        "1e-99999999999999999999",
        "1e99999999999999999999",
        "0.000000000000000000000000000000000000000000001e-300",
        // Many digits, past the 800 kept.
        &long_ones,
        "0.1000000000000000055511151231257827021181583404541015625",
        "0.1000000000000000055511151231257827021181583404541015624",
        "0.1000000000000000055511151231257827021181583404541015626",
    ];
    for case in cases {
        check(case);
    }
}

/// The exact decimal halfway between `x` and the next `f64` up, when both share a power of
/// ten in scientific notation (`d.ddd…e±n`).
fn midpoint_text(x: f64) -> Option<String> {
    let (a, b) = (format!("{x:.1100e}"), format!("{:.1100e}", x.next_up()));
    let (a_digits, a_exp) = a.split_once('e')?;
    let (b_digits, b_exp) = b.split_once('e')?;
    if a_exp != b_exp || !b.is_char_boundary(1) {
        return None;
    }
    let digits = |s: &str| -> Vec<u32> { s.chars().filter_map(|c| c.to_digit(10)).collect() };
    let (a, b) = (digits(a_digits), digits(b_digits));
    // (a + b) / 2, digit by digit, with one digit more for the half.
    let mut sum = vec![0u32; a.len() + 1];
    let mut carry = 0;
    for i in (0..a.len()).rev() {
        let s = a[i] + b[i] + carry;
        sum[i + 1] = s % 10;
        carry = s / 10;
    }
    sum[0] = carry;
    let mut half = Vec::with_capacity(sum.len() + 1);
    let mut rest = 0;
    for d in sum {
        let v = rest * 10 + d;
        half.push(v / 2);
        rest = v % 2;
    }
    half.push(rest * 5);
    let text: String = half.iter().map(|d| char::from(b'0' + *d as u8)).collect();
    // `half` is the mantissa's digits with one leading digit more: 0d.ddd… or 1d.ddd….
    Some(format!("{}.{}e{}", &text[..2], &text[2..], a_exp))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn every_double_reads_back_as_itself(bits in any::<u64>(), precision in 0usize..20) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        for text in [format!("{x}"), format!("{x:e}"), format!("{x:.precision$e}"), format!("{x:.precision$}")] {
            check(&text);
        }
    }

    #[test]
    fn halfway_points_round_to_even_as_std(bits in any::<u64>()) {
        let x = f64::from_bits(bits & !(1 << 63));
        prop_assume!(x.is_finite() && x.next_up().is_finite());
        if let Some(mid) = midpoint_text(x) {
            check(&mid);
            check(&format!("{}1{}", &mid[..mid.find('e').unwrap()], &mid[mid.find('e').unwrap()..]));
        }
    }

    #[test]
    fn random_decimals_and_near_misses_agree_with_std(
        text in "[+-]?[0-9]{0,30}(\\.[0-9]{0,30})?([eE][+-]?[0-9]{1,3})?",
        junk in "[0-9eE.+-]{0,12}",
    ) {
        check(&text);
        check(&junk);
    }
}
