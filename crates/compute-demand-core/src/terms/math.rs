//! The normal distribution's numbers that a parameter's value needs: the inverse normal CDF
//! and a portable `exp`, the same bits natively and in WebAssembly.

/// Φ⁻¹(0.95): a 90% interval spans ±Z_95 standard deviations.
pub const Z_95: f64 = 1.644_853_626_951_472_2;

/// Φ⁻¹(p), the standard normal quantile, by Wichura's algorithm AS 241 (PPND16), accurate to
/// about 1e-16. `p` outside (0, 1) is clamped to the nearest representable tail.
pub fn normal_quantile(p: f64) -> f64 {
    let p = p.clamp(1e-300, 1.0 - 1e-16);
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return q * poly(&A, r) / poly(&B, r);
    }
    let r = if q < 0.0 { p } else { 1.0 - p };
    let r = (-libm::log(r)).sqrt();
    let value = if r <= 5.0 {
        let r = r - 1.6;
        poly(&C, r) / poly(&D, r)
    } else {
        let r = r - 5.0;
        poly(&E, r) / poly(&F, r)
    };
    if q < 0.0 {
        -value
    } else {
        value
    }
}

/// e^x for the lognormal draws, by table and polynomial in plain arithmetic: WebAssembly has
/// no exp instruction and its software exp took about 10 ns a draw; this one is a few
/// multiplications, and gives the same bits natively and in WebAssembly.
///
/// x = (64k + j)·ln2/64 + r with |r| ≤ ln2/128, so e^x = 2^k · 2^(j/64) · e^r; e^r by its
/// Taylor series to r⁵ (truncation below 4e-17), 2^(j/64) from a table of correctly rounded
/// values, 2^k in the exponent bits. Within 2 ulp of the correctly rounded result on
/// [-708, 709] (tested against std); arguments outside are clamped to it.
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    const SIXTY_FOUR_OVER_LN2: f64 = 92.332_482_616_893_66;
    // ln2/64 split so that n · LN2_64_HI is exact for |n| < 2^21 (fdlibm's ln2_hi ÷ 64).
    const LN2_64_HI: f64 = 6.931_471_803_691_238e-1 / 64.0;
    const LN2_64_LO: f64 = 1.908_214_929_270_587_7e-10 / 64.0;
    // Adding 1.5·2^52 rounds to an integer held in the low mantissa bits.
    const ROUND: f64 = 6_755_399_441_055_744.0;
    let x = x.clamp(-708.0, 709.0);
    let shifted = x * SIXTY_FOUR_OVER_LN2 + ROUND;
    let n = shifted - ROUND;
    let n_int = shifted.to_bits().wrapping_sub(ROUND.to_bits()) as i64;
    let r = (x - n * LN2_64_HI) - n * LN2_64_LO;
    let e_r = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0)))));
    let (k, j) = (n_int >> 6, (n_int & 63) as usize);
    let two_to_k = f64::from_bits(((k + 1023) as u64) << 52);
    two_to_k * (TWO_TO_J_OVER_64[j] * e_r)
}

/// 2^(j/64) for j = 0..63, correctly rounded.
#[rustfmt::skip]
const TWO_TO_J_OVER_64: [f64; 64] = [
    1.0, 1.0108892860517005, 1.0218971486541166, 1.0330248790212284,
    1.0442737824274138, 1.0556451783605572, 1.0671404006768237, 1.0787607977571199,
    1.0905077326652577, 1.102382583307841, 1.1143867425958924, 1.1265216186082418,
    1.1387886347566916, 1.1511892299529827, 1.1637248587775775, 1.1763969916502812,
    1.189207115002721, 1.202156731452703, 1.215247359980469, 1.22848053610687,
    1.241857812073484, 1.255380757024691, 1.2690509571917332, 1.2828700160787783,
    1.2968395546510096, 1.3109612115247644, 1.3252366431597413, 1.339667524053303,
    1.3542555469368927, 1.3690024229745905, 1.383909881963832, 1.3989796725383112,
    std::f64::consts::SQRT_2, 1.42961333839197, 1.4451808069770467, 1.460917794180647,
    1.4768261459394993, 1.4929077282912648, 1.5091644275934228, 1.5255981507445384,
    1.5422108254079407, 1.559004400237837, 1.5759808451078865, 1.593142151342267,
    1.6104903319492543, 1.6280274218573478, 1.645755478153965, 1.6636765803267364,
    1.681792830507429, 1.7001063537185235, 1.718619298122478, 1.7373338352737062,
    1.7562521603732995, 1.7753764925265212, 1.7947090750031072, 1.8142521755003989,
    1.8340080864093424, 1.8539791250833855, 1.8741676341103, 1.8945759815869656,
    1.9152065613971474, 1.9360617934922943, 1.9571441241754002, 1.978456026387951,
];

/// Horner evaluation, coefficients from the constant term up.
fn poly(coefficients: &[f64; 8], x: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, c| acc * x + c)
}

const A: [f64; 8] = [
    3.387_132_872_796_366_5,
    1.331_416_678_917_843_8e2,
    1.971_590_950_306_551_3e3,
    1.373_169_376_550_946e4,
    4.592_195_393_154_987e4,
    6.726_577_092_700_87e4,
    3.343_057_558_358_813e4,
    2.509_080_928_730_122_7e3,
];
const B: [f64; 8] = [
    1.0,
    4.231_333_070_160_091e1,
    6.872_871_378_068_687e2,
    5.394_196_021_424_751e3,
    2.121_379_430_158_659_7e4,
    3.930_789_580_009_271e4,
    2.872_908_573_572_194_3e4,
    5.226_495_278_852_545e3,
];
const C: [f64; 8] = [
    1.423_437_110_749_683_5,
    4.630_337_846_156_546,
    5.769_497_221_460_691,
    3.647_848_324_763_204_5,
    1.270_458_252_452_368_4,
    2.417_807_251_774_506e-1,
    2.272_384_498_926_918_4e-2,
    7.745_450_142_783_414e-4,
];
const D: [f64; 8] = [
    1.0,
    2.053_191_626_637_759,
    1.676_384_830_183_803_8,
    6.897_673_349_851e-1,
    1.481_037_648_997_505_2e-1,
    1.519_866_656_361_645_7e-2,
    5.475_938_084_995_345e-4,
    1.050_750_071_644_416_9e-9,
];
const E: [f64; 8] = [
    6.657_904_643_501_103,
    5.463_784_911_164_114,
    1.784_826_539_917_291_3,
    2.965_605_718_285_048_7e-1,
    2.653_218_952_657_612_4e-2,
    1.242_660_947_388_078_4e-3,
    2.711_555_568_743_487_6e-5,
    2.010_334_399_292_288_1e-7,
];
const F: [f64; 8] = [
    1.0,
    5.998_322_065_558_88e-1,
    1.369_298_809_227_358e-1,
    1.487_536_129_085_061_5e-2,
    7.868_691_311_456_133e-4,
    1.846_318_317_510_054_8e-5,
    1.421_511_758_316_446e-7,
    2.044_263_103_389_939_7e-15,
];
