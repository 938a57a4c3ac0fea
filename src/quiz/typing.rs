//! The typing drill (seed 003: 打字速度): copy a standard service phrase in the
//! UI's language; accuracy is 1 − edit distance / length. Speed is measured in
//! committed characters (an IME's pinyin keystrokes do not count, only the
//! characters that land) and told as each language's typing tests tell it:
//! Chinese in characters per minute (字/分), English in words per minute.

use crate::content::raw::Lang;
use serde::{Deserialize, Serialize};

/// Standard service phrases to copy, from the seeds' norms.
pub const ZH_PHRASES: &[&str] = &[
    "亲,您好,很高兴为您服务,请问有什么可以帮您?",
    "亲,请稍等,马上为您查询订单信息~",
    "非常抱歉给您添麻烦了,麻烦您提供一下订单号和照片,我马上为您核实。",
    "亲,付款后48小时内发货,发出后会把快递单号发给您哦。",
    "本店支持7天无理由退货,每单都有运费险,请您放心购买。",
    "还有什么问题随时找我哦,祝您生活愉快!",
];

/// The same service phrases as an English-speaking shop writes them (plain
/// ASCII, so every character is on the keyboard).
pub const EN_PHRASES: &[&str] = &[
    "Hi, thanks for reaching out! How can I help you today?",
    "Please hold on a moment while I look up your order.",
    "I'm so sorry for the trouble. Could you send me your order number and a photo? I'll check it right away.",
    "Orders ship within 48 hours of payment, and I'll send you the tracking number as soon as it's on its way.",
    "We offer 7-day no-reason returns, and every order comes with return shipping insurance.",
    "If you have any other questions, just message me. Have a great day!",
];

/// The phrases a drill in `lang` copies.
pub fn phrases(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Zh => ZH_PHRASES,
        Lang::En => EN_PHRASES,
    }
}

/// The accuracy (0..=1) a copy needs for its speed to count as a personal
/// best: a fast scramble is no record.
pub const BEST_MIN_ACCURACY: f64 = 0.95;

/// Characters per word in an English typing speed: typing tests count a
/// "word" as 5 characters (spaces and punctuation included), so WPM =
/// characters per minute / 5, whatever the words' real lengths.
pub const CHARS_PER_WORD: f64 = 5.0;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TypingScore {
    pub chars_per_min: f64,
    /// 0..=1.
    pub accuracy: f64,
}

/// Levenshtein distance over characters.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb)).min(row[j] + 1).min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

impl TypingScore {
    /// The speed as a drill in `lang` tells it: characters per minute in
    /// Chinese, words per minute (`CHARS_PER_WORD`) in English. The two are
    /// not comparable, so each language keeps its own personal best.
    pub fn speed(&self, lang: Lang) -> f64 {
        match lang {
            Lang::Zh => self.chars_per_min,
            Lang::En => (self.chars_per_min / CHARS_PER_WORD * 10.0).round() / 10.0,
        }
    }
}

pub fn score(target: &str, typed: &str, secs: f64) -> TypingScore {
    let target: Vec<char> = target.chars().collect();
    let typed: Vec<char> = typed.chars().collect();
    let accuracy = if target.is_empty() { 0.0 } else { 1.0 - distance(&target, &typed) as f64 / target.len() as f64 };
    let chars_per_min = if secs > 0.0 { typed.len() as f64 * 60.0 / secs } else { 0.0 };
    TypingScore { chars_per_min: (chars_per_min * 10.0).round() / 10.0, accuracy: accuracy.clamp(0.0, 1.0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speed_and_accuracy() {
        let perfect = score("亲,您好", "亲,您好", 6.0);
        assert_eq!(perfect, TypingScore { chars_per_min: 40.0, accuracy: 1.0 });
        let typo = score("亲,请稍等", "亲,请稍后", 10.0);
        assert!((typo.accuracy - 0.8).abs() < 1e-9);
        assert_eq!(score("abc", "", 5.0).accuracy, 0.0);
    }

    #[test]
    fn english_speed_is_words_of_five_characters_per_minute() {
        let typed = "Hi, thanks for reaching out!"; // 28 characters in 6 s: 280 a minute
        let score = score(typed, typed, 6.0);
        assert_eq!(score.speed(Lang::Zh), 280.0);
        assert_eq!(score.speed(Lang::En), 56.0);
    }

    #[test]
    fn each_language_has_its_own_phrases() {
        assert_eq!(phrases(Lang::Zh).len(), phrases(Lang::En).len());
        assert!(phrases(Lang::En).iter().all(|p| p.is_ascii()));
        assert!(phrases(Lang::Zh).iter().all(|p| !p.is_ascii()));
    }
}
