//! France's figures, to the bit (issue 28): every preset's whole outlook — every metric, every
//! year, p5, p50, p95 and mean, and the first year of shortfall — at the default sampling
//! (10,000 draws, seed 20240513), folded into one 64-bit digest per preset. Moving France's
//! data into a country pack, or any refactor of the engine, must leave these unchanged; a
//! change of the model or its data that is meant to move them updates the table below (the
//! failure prints the new one) and says why in the commit.

use compute_demand_core::{Metric, Outlook, Scenario, Simulator, PRESETS};

/// FNV-1a over the bits of every figure, in `Metric::ALL` and year order.
fn digest(outlook: &Outlook) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |word: u64| {
        for byte in word.to_le_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for year in &outlook.years {
        for metric in Metric::ALL {
            let s = year[metric];
            for value in [s.p5, s.p50, s.p95, s.mean] {
                eat(value.to_bits());
            }
        }
    }
    let shortfall = outlook.first_shortfall;
    for year in [shortfall.p5, shortfall.p50, shortfall.p95] {
        eat(year.map_or(0, u64::from));
    }
    hash
}

/// Each preset's digest, as the engine computed it when the table was last written.
const PINNED: &[(&str, u64)] = &[
    ("baseline", 0xe7ae_ca9b_ce04_1b9a),
    ("low", 0x4e52_5f2a_adfe_b838),
    ("high", 0x4a72_59b3_5cf1_187e),
];

#[test]
fn every_presets_outlook_is_pinned_to_the_bit() {
    let computed: Vec<(&str, u64)> = PRESETS
        .iter()
        .map(|preset| {
            let scenario = Scenario::from_preset(preset);
            (preset.id, digest(&Simulator::new().run(&scenario)))
        })
        .collect();
    let table: String = computed
        .iter()
        .map(|(id, d)| format!("    ({id:?}, 0x{d:016x}),\n"))
        .collect();
    assert_eq!(
        computed, PINNED,
        "France's figures moved. If that is meant, PINNED becomes:\n&[\n{table}]"
    );
}
