//! Decimal text to the nearest `f64`: what `str::parse::<f64>` gives, without std's tables.
//!
//! std's parser (Eisel–Lemire) carries a 10 kB table of powers of five that gzip cannot
//! shrink, a twentieth of the WebAssembly bundle. Numbers here are typed by people or read
//! from files and links, a few per edit, so speed is not the point: short numbers take
//! Clinger's exact fast path, others an exact comparison of big integers. Either way the
//! result is correctly rounded (ties to even), so it is std's, bit for bit; the tests hold
//! it to std on random and hand-picked hard cases.
//!
//! build.rs includes this file verbatim (`#[path]`, through notation.rs), so it depends on
//! nothing but `core` and `alloc`.

/// Digits kept: a decimal that decides between two adjacent `f64`s has at most 767
/// significant digits, so digits past these only count as "something more".
const MAX_DIGITS: usize = 800;

/// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?` to the nearest `f64` (an
/// infinity beyond the largest, a zero below the smallest), as std parses it; `None` for any
/// other text. Unlike std, `inf` and `nan` are not numbers here.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let decimal = Decimal::read(text.as_bytes())?;
    let magnitude = decimal.nearest_f64_bits();
    Some(f64::from_bits(
        magnitude | (u64::from(decimal.negative) << 63),
    ))
}

/// A decimal as `digits × 10^exponent`, digits without leading or trailing zeros.
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    exponent: i64,
}

impl Decimal {
    fn read(text: &[u8]) -> Option<Decimal> {
        let (negative, text) = match text.first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let mut decimal = Decimal {
            negative,
            digits: Vec::new(),
            exponent: 0,
        };
        let mut truncated = false;
        let mut seen_digit = false;
        let mut at = 0;
        let mut in_fraction = false;
        while let Some(&byte) = text.get(at) {
            match byte {
                b'0'..=b'9' => {
                    seen_digit = true;
                    let digit = byte - b'0';
                    if decimal.digits.is_empty() && digit == 0 {
                        // A leading zero: it only moves the point.
                        decimal.exponent -= i64::from(in_fraction);
                    } else if decimal.digits.len() < MAX_DIGITS {
                        decimal.digits.push(digit);
                        decimal.exponent -= i64::from(in_fraction);
                    } else {
                        truncated |= digit != 0;
                        decimal.exponent += i64::from(!in_fraction);
                    }
                }
                b'.' if !in_fraction => in_fraction = true,
                _ => break,
            }
            at += 1;
        }
        if !seen_digit {
            return None;
        }
        if let Some(b'e' | b'E') = text.get(at) {
            decimal.exponent = decimal
                .exponent
                .saturating_add(read_exponent(&text[at + 1..])?);
        } else if at != text.len() {
            return None;
        }
        if truncated {
            // Past the last digit kept there is more: a final 1 says so, and is enough to
            // round the same way (see MAX_DIGITS).
            decimal.digits.push(1);
            decimal.exponent -= 1;
        }
        while decimal.digits.last() == Some(&0) {
            decimal.digits.pop();
            decimal.exponent += 1;
        }
        Some(decimal)
    }

    /// The bits of the nearest `f64` to the decimal's magnitude.
    fn nearest_f64_bits(&self) -> u64 {
        const INFINITY: u64 = 0x7ff0_0000_0000_0000;
        if self.digits.is_empty() {
            return 0;
        }
        let count = self.digits.len() as i64;
        // The power of ten of the leading digit: beyond 1.8e308 is infinite, below 2.5e-324
        // rounds to zero.
        let leading = self.exponent.saturating_add(count - 1);
        if leading > 309 {
            return INFINITY;
        }
        if leading < -326 {
            return 0;
        }
        if count <= 15 && (-22..=22).contains(&self.exponent) {
            // Clinger: both operands exact, so the one rounding is the correct one.
            let digits = self.digits.iter().fold(0u64, |n, &d| n * 10 + u64::from(d)) as f64;
            let power = POWERS_OF_TEN[self.exponent.unsigned_abs() as usize];
            let value = if self.exponent < 0 {
                digits / power
            } else {
                digits * power
            };
            return value.to_bits();
        }
        self.nearest_by_division()
    }

    /// The nearest `f64` by exact division: digits × 10^exponent as a fraction of big
    /// integers, scaled by a power of two so that its integer part has 56 or 57 bits; those
    /// bits and whether anything remains decide the rounding.
    fn nearest_by_division(&self) -> u64 {
        let mut numerator = Big::from_digits(&self.digits);
        let mut denominator = Big::one();
        if self.exponent >= 0 {
            numerator.mul_pow10(self.exponent as u32);
        } else {
            denominator.mul_pow10(self.exponent.unsigned_abs() as u32);
        }
        let scale = 56 - (numerator.bits() as i64 - denominator.bits() as i64);
        if scale >= 0 {
            numerator.shl(scale as u32);
        } else {
            denominator.shl(scale.unsigned_abs() as u32);
        }
        // Now 2^55 < numerator / denominator < 2^57: long division, bit by bit.
        let mut quotient = 0u64;
        for bit in (0..57).rev() {
            let mut shifted = denominator.clone();
            shifted.shl(bit);
            if numerator.at_least(&shifted) {
                numerator.sub(&shifted);
                quotient |= 1 << bit;
            }
        }
        round_to_f64_bits(quotient, !numerator.is_zero(), scale)
    }
}

/// The exponent after `e`: optional sign, at least one digit; saturated far beyond any
/// `f64`.
fn read_exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let magnitude = digits
        .iter()
        .fold(0i64, |n, &d| (n * 10 + i64::from(d - b'0')).min(1 << 40));
    Some(if negative { -magnitude } else { magnitude })
}

/// The bits of the `f64` nearest to `(quotient + ε) × 2^-scale`, where ε is in (0, 1) when
/// `more` and 0 otherwise; `quotient` has 56 or 57 bits.
fn round_to_f64_bits(quotient: u64, more: bool, scale: i64) -> u64 {
    let length = 64 - i64::from(quotient.leading_zeros());
    // The power of two of the leading bit, and the bits the result keeps: 53, fewer below
    // the normal range.
    let leading = length - 1 - scale;
    if leading > 1023 {
        return 0x7ff0_0000_0000_0000;
    }
    let kept = if leading >= -1022 {
        53
    } else {
        53 - (-1022 - leading)
    };
    if kept < 0 {
        return 0;
    }
    let dropped = (length - kept) as u32;
    let mut mantissa = quotient >> dropped;
    let half = 1u64 << (dropped - 1);
    let rest = quotient & (2 * half - 1);
    // To nearest; a tie (exactly half, nothing more) to even.
    if rest > half || (rest == half && (more || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    if kept < 53 {
        // Subnormal: the mantissa counts units of 2^-1074, and one that rounded up to 2^52 is
        // the smallest normal number, with the same bits.
        return mantissa;
    }
    let (mantissa, leading) = if mantissa == 1 << 53 {
        (mantissa >> 1, leading + 1)
    } else {
        (mantissa, leading)
    };
    if leading > 1023 {
        return 0x7ff0_0000_0000_0000;
    }
    (((leading + 1023) as u64) << 52) | (mantissa - (1 << 52))
}

/// 10^0 to 10^22, each exact in an `f64`.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// An unsigned big integer, 32-bit limbs, least significant first, no high zero limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |n, &d| n * 10 + u32::from(d));
            big.mul_add(10u32.pow(chunk.len() as u32), value);
        }
        big
    }

    fn mul_pow10(&mut self, mut power: u32) {
        while power > 0 {
            let step = power.min(9);
            self.mul_add(10u32.pow(step), 0);
            power -= step;
        }
    }

    /// self × factor + addend.
    fn mul_add(&mut self, factor: u32, addend: u32) {
        let mut carry = u64::from(addend);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn shl(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let shifted = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = shifted;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn bits(&self) -> u32 {
        match self.0.last() {
            Some(top) => 32 * self.0.len() as u32 - top.leading_zeros(),
            None => 0,
        }
    }

    fn at_least(&self, other: &Big) -> bool {
        self.0.len() > other.0.len()
            || (self.0.len() == other.0.len() && self.0.iter().rev().ge(other.0.iter().rev()))
    }

    /// self − other, for other ≤ self.
    fn sub(&mut self, other: &Big) {
        let mut borrow = false;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let (less, b1) = limb.overflowing_sub(other.0.get(i).copied().unwrap_or(0));
            let (less, b2) = less.overflowing_sub(u32::from(borrow));
            *limb = less;
            borrow = b1 || b2;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
}
