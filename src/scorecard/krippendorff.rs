//! Krippendorff's alpha for nominal data, with missing values: the
//! chance-corrected agreement of a calibration round. From the coincidence
//! matrix (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
//! each unit with m ≥ 2 values adds 1/(m−1) for every ordered pair of its
//! values; n_c = Σ_k o_ck, n = Σ_c n_c, and
//! α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
//! Units with fewer than two values are not pairable and left out.

use std::collections::BTreeMap;

/// α over `units`, each the values its raters gave (`None`: not rated).
/// `None` when nothing is pairable or every pairable value is the same
/// (no disagreement is expected by chance, so α is undefined).
pub fn alpha_nominal<V: Ord + Clone>(units: &[Vec<Option<V>>]) -> Option<f64> {
    let mut coincidence: BTreeMap<(V, V), f64> = BTreeMap::new();
    for unit in units {
        let values: Vec<&V> = unit.iter().flatten().collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        let weight = 1.0 / (m - 1) as f64;
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate() {
                if i != j {
                    *coincidence.entry(((*a).clone(), (*b).clone())).or_insert(0.0) += weight;
                }
            }
        }
    }
    let mut totals: BTreeMap<&V, f64> = BTreeMap::new();
    for ((c, _), count) in &coincidence {
        *totals.entry(c).or_insert(0.0) += count;
    }
    let n: f64 = totals.values().sum();
    if n <= 1.0 {
        return None;
    }
    let observed: f64 = coincidence.iter().filter(|((c, k), _)| c != k).map(|(_, count)| count).sum();
    let mut expected = 0.0;
    for (c, n_c) in &totals {
        for (k, n_k) in &totals {
            if c != k {
                expected += n_c * n_k;
            }
        }
    }
    if expected == 0.0 {
        return None;
    }
    Some(1.0 - (n - 1.0) * observed / expected)
}

/// The share of agreeing pairs among a unit's values (0..=1), `None` with fewer than two.
pub fn percent_agreement<V: PartialEq>(unit: &[Option<V>]) -> Option<f64> {
    let values: Vec<&V> = unit.iter().flatten().collect();
    let m = values.len();
    if m < 2 {
        return None;
    }
    let mut agreeing = 0;
    for (i, a) in values.iter().enumerate() {
        agreeing += values.iter().enumerate().filter(|(j, b)| i != *j && a == *b).count();
    }
    Some(agreeing as f64 / (m * (m - 1)) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Krippendorff (2011), section C: four observers, twelve units, values
    /// 1–5 with missing data; nominal α = 0.743.
    #[test]
    fn the_worked_example_with_missing_data_gives_0_743() {
        let rows: [[u8; 12]; 4] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ];
        let units: Vec<Vec<Option<u8>>> = (0..12).map(|u| rows.iter().map(|row| Some(row[u]).filter(|v| *v != 0)).collect()).collect();
        let alpha = alpha_nominal(&units).unwrap();
        assert!((alpha - 0.743).abs() < 0.0005, "{alpha}");
    }

    #[test]
    fn perfect_agreement_is_one_and_no_variation_is_undefined() {
        let units = vec![vec![Some("a"), Some("a")], vec![Some("b"), Some("b"), None]];
        assert_eq!(alpha_nominal(&units), Some(1.0));
        assert_eq!(alpha_nominal(&[vec![Some("a"), Some("a")]]), None, "one value only: nothing to correct for");
        assert_eq!(alpha_nominal::<&str>(&[vec![Some("a"), None]]), None, "nothing pairable");
        assert_eq!(percent_agreement(&[Some(1), Some(1), Some(2)]), Some(2.0 / 6.0));
        assert_eq!(percent_agreement(&[Some(1), None]), None);
    }
}
