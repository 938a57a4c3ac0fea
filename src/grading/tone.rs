//! Tone of a turn: starts neutral, rises with honorifics and courtesy, falls
//! with 服务禁语, blaming, insults, shouting and curt one-word answers. The
//! result is a score in 0..=1 and a band (Rude .. Warm).

use crate::content::raw::{Polarity, Severity, ToneBand};

/// Where every reply starts before markers move it.
pub const BASELINE: f64 = 0.5;
/// What one good tone marker adds, up to `GOOD_CAP` in all.
pub const GOOD_STEP: f64 = 0.2;
pub const GOOD_CAP: f64 = 0.5;
pub const MINOR: f64 = -0.25;
pub const MAJOR: f64 = -0.5;
pub const CRITICAL: f64 = -1.0;

/// Adds up tone markers: each good one counts `GOOD_STEP` until `GOOD_CAP` is
/// reached; bad ones count by severity. Shared by reply grading and `grade_text`.
#[derive(Debug, Clone)]
pub struct Tally {
    good_left: f64,
}

impl Default for Tally {
    fn default() -> Tally {
        Tally { good_left: GOOD_CAP }
    }
}

impl Tally {
    /// What one (distinct) marker moves the tone score by.
    pub fn effect(&mut self, polarity: Polarity, severity: Severity) -> f64 {
        match (polarity, severity) {
            (Polarity::Good, _) => {
                let effect = GOOD_STEP.min(self.good_left);
                self.good_left -= effect;
                effect
            }
            (Polarity::Bad, Severity::Minor) => MINOR,
            (Polarity::Bad, Severity::Major) => MAJOR,
            (Polarity::Bad, Severity::Critical) => CRITICAL,
        }
    }
}

pub fn band(score: f64) -> ToneBand {
    match score {
        s if s >= 0.85 => ToneBand::Warm,
        s if s >= 0.65 => ToneBand::Polite,
        s if s >= 0.45 => ToneBand::Neutral,
        s if s >= 0.2 => ToneBand::Curt,
        _ => ToneBand::Rude,
    }
}

/// English written in capitals reads as shouting: at least two all-caps words
/// of three or more letters.
pub fn shouts_in_capitals(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.len() >= 3 && word.chars().all(|c| c.is_ascii_uppercase()))
        .count()
        >= 2
}

/// A one-word answer: fewer than six CJK characters and fewer than four English words.
pub fn is_curt(text: &str) -> bool {
    let cjk = text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
    let words = text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).count();
    cjk < 6 && words < 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_and_markers() {
        assert_eq!(band(BASELINE), ToneBand::Neutral);
        assert_eq!(band(BASELINE + GOOD_STEP), ToneBand::Polite);
        assert_eq!(band(BASELINE + 2.0 * GOOD_STEP), ToneBand::Warm);
        assert_eq!(band(BASELINE + MAJOR), ToneBand::Rude);
        assert!(shouts_in_capitals("WHY DID YOU NOT READ"));
        assert!(!shouts_in_capitals("I'm sorry, the SKU is fine"));
        assert!(is_curt("3L的"));
        assert!(!is_curt("亲,这款容量是500ml的哦"));
    }
}
