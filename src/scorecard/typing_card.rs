//! The record of one typing-drill phrase (seed 003: 打字速度), in the same
//! family as scenario and quiz records: trainee, time, app version, content
//! hashes and per-field seals, plus the phrase, what was typed, how long it
//! took and the score. A supervisor sees typing speed over time from these;
//! `verify` checks the seals, that the phrase is still one the drill asks,
//! and re-scores what was typed.

use super::{SCHEMA_VERSION, Trainee, hash};
use crate::content::raw::{Lang, Text};
use crate::i18n::Msg;
use crate::quiz::typing::{TypingScore, phrases, score};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of `kind` that tells a typing record from the others.
pub const TYPING_KIND: &str = "typing";

/// Bump when the scoring (speed, accuracy) changes in a way that changes scores.
pub const SCORER_VERSION: &str = "typing-scoring-1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypingCard {
    pub schema_version: u32,
    /// Always `typing`.
    pub kind: String,
    pub trainee: Trainee,
    /// RFC 3339, UTC; `None` for scripted runs.
    pub when_utc: Option<String>,
    pub app_version: String,
    /// The drill's language: its phrases and its unit (字/分 or WPM).
    pub lang: Lang,
    /// Part → SHA-256: `phrases` (the drill's phrases in `lang`), `scorer`, `total`.
    pub content: BTreeMap<String, String>,
    /// The phrase to copy.
    pub phrase: String,
    /// What the trainee typed (committed characters only: paste is refused).
    pub typed: String,
    /// From the first keystroke to done.
    pub secs: f64,
    pub result: TypingScore,
    /// The speed in the language's unit (`TypingScore::speed`).
    pub speed: f64,
    pub digests: BTreeMap<String, String>,
}

/// Part → hash of what a drill in `lang` is scored against.
pub fn content_hashes(lang: Lang) -> BTreeMap<String, String> {
    let mut parts = BTreeMap::new();
    parts.insert("phrases".to_string(), hash::hash_of(phrases(lang)));
    parts.insert("scorer".to_string(), hash::hash_of(SCORER_VERSION));
    let total = hash::hash_of(&parts);
    parts.insert("total".to_string(), total);
    parts
}

impl TypingCard {
    /// The record of one phrase typed in `secs`.
    pub fn from_attempt(lang: Lang, phrase: &str, typed: &str, secs: f64, meta: super::RunMeta) -> TypingCard {
        let result = score(phrase, typed, secs);
        let mut card = TypingCard {
            schema_version: SCHEMA_VERSION,
            kind: TYPING_KIND.into(),
            trainee: meta.trainee,
            when_utc: meta.when_utc,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            lang,
            content: content_hashes(lang),
            phrase: phrase.to_string(),
            typed: typed.to_string(),
            secs,
            result,
            speed: result.speed(lang),
            digests: BTreeMap::new(),
        };
        card.digests = card.field_digests();
        card
    }

    /// "打字练习" / "Typing drill".
    pub fn title(&self) -> Text {
        Text { zh: Msg::Typing.get(Lang::Zh).into(), en: Msg::Typing.get(Lang::En).into() }
    }

    /// The activity id in exports: `typing-zh`, `typing-en`.
    pub fn activity_id(&self) -> String {
        format!("typing-{}", self.lang.code())
    }

    /// A number that tells two phrases typed in the same second apart in a file name.
    pub fn seed(&self) -> u64 {
        let digest = hash::hash_of(&(&self.phrase, &self.typed, self.secs));
        u64::from_str_radix(&digest[..15], 16).unwrap_or(0)
    }

    /// A stable file name: time, trainee, activity and the seed above.
    pub fn file_name(&self) -> String {
        super::file_name(self.when_utc.as_deref(), &self.trainee.id, &self.activity_id(), self.seed())
    }

    /// Digests of every field that matters.
    pub fn field_digests(&self) -> BTreeMap<String, String> {
        hash::Seals::new()
            .field("kind", &self.kind)
            .field("trainee", &self.trainee)
            .field("when_utc", &self.when_utc)
            .field("app_version", &self.app_version)
            .field("lang", &self.lang)
            .field("content", &self.content)
            .field("phrase", &self.phrase)
            .field("typed", &self.typed)
            .field("secs", &self.secs)
            .field("result", &self.result)
            .field("speed", &self.speed)
            .done()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::{Record, RunMeta, Verdict, read_record, verify::verify_typing};

    fn card() -> TypingCard {
        let meta = RunMeta { trainee: Trainee { name: "王小明".into(), id: "e1024".into() }, when_utc: Some("2026-12-02T10:00:00Z".into()) };
        TypingCard::from_attempt(Lang::Zh, phrases(Lang::Zh)[1], "亲,请稍等,马上为您查询订单", 9.25, meta)
    }

    #[test]
    fn a_typing_record_reads_back_and_verifies() {
        let card = card();
        assert_eq!(card.speed, card.result.speed(Lang::Zh));
        let Ok(Record::Typing(read)) = read_record(&card.to_json()) else { panic!("read back as a typing record") };
        assert_eq!(read, card);
        assert_eq!(verify_typing(&read), Verdict::Ok);
    }

    #[test]
    fn an_edited_speed_or_phrase_is_caught() {
        let mut faster = card();
        faster.speed *= 2.0;
        assert_eq!(verify_typing(&faster), Verdict::Edited(vec!["speed".into()]));
        // Resealed by hand: the re-score still disagrees.
        faster.digests = faster.field_digests();
        assert_eq!(verify_typing(&faster), Verdict::Edited(vec!["speed".into()]));
        let mut easier = card();
        easier.phrase = "亲".into();
        easier.result = score(&easier.phrase, &easier.typed, easier.secs);
        easier.speed = easier.result.speed(Lang::Zh);
        easier.digests = easier.field_digests();
        assert_eq!(verify_typing(&easier), Verdict::Edited(vec!["phrase".into()]));
    }

    /// The report calls it a drill, not a quiz, and shows no seed: a typing
    /// record's number only tells file names apart.
    #[test]
    fn the_report_names_a_drill_and_shows_no_seed() {
        for (lang, drill, quiz, seed) in [(Lang::Zh, "练习:", "测验:", "随机种子"), (Lang::En, "Drill:", "Quiz:", "Seed")] {
            let meta = RunMeta { trainee: Trainee { name: "Amy".into(), id: "e1".into() }, when_utc: Some("2026-12-02T10:00:00Z".into()) };
            let card = TypingCard::from_attempt(lang, phrases(lang)[0], phrases(lang)[0], 9.0, meta);
            let mut html = Vec::new();
            crate::scorecard::write_html(&mut html, [&card]).unwrap();
            let html = String::from_utf8(html).unwrap();
            assert!(html.contains(drill), "{html}");
            assert!(!html.contains(quiz) && !html.contains(seed), "{html}");
        }
    }
}
