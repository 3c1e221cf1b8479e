//! Sorting for short lists: a scenario's correlations, the tornado's swings, suggestions for a
//! misspelt key, a few dozen items at most.
//!
//! std's sorts are fast on long slices and cost 2–4 kB of WebAssembly for every element type
//! and order they are instantiated with; an insertion sort costs a tenth of that, and on
//! short lists it loses nothing. Long columns (draws, ranks) keep std's sorts.

/// Sorts `items` so that no item is `less` than the one before it. Stable: equal items keep
/// their order.
pub fn sort_short_by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts `items` by `key`, stably.
pub fn sort_short_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_short_by(items, |a, b| key(a) < key(b));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_std_sorts_stably(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..80)) {
            let mut ours = items.clone();
            sort_short_by_key(&mut ours, |&(key, _)| key);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|&(key, _)| key);
            prop_assert_eq!(ours, std_sorted);

            let mut descending = items.clone();
            sort_short_by(&mut descending, |a, b| a > b);
            let mut std_descending = items;
            std_descending.sort_by(|a, b| b.cmp(a));
            prop_assert_eq!(descending, std_descending);
        }
    }
}
