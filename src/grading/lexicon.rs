//! The course's lexicons compiled into one phrase set: which steps, tone
//! markers and platform rules a message contains, with spans. A bad phrase
//! under a negation ("我不能告诉您她的地址", "can't move this to WeChat") is not held against the agent.

use crate::content::Course;
use crate::content::raw::{LexiconEntry, LexiconKind, Polarity, Severity, Text};
use crate::text::matcher::{PhraseHit, PhraseSet};
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct EntryInfo {
    pub id: String,
    pub kind: LexiconKind,
    pub polarity: Polarity,
    pub severity: Severity,
    pub label: Text,
    pub explain: Text,
    /// The hand-label intent this entry counts as (`kefu eval`), from the lexicon file.
    pub intent: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CompiledLexicon {
    pub entries: Vec<EntryInfo>,
    by_id: BTreeMap<String, usize>,
    phrases: PhraseSet,
}

/// Words that, just before a bad phrase in the same clause, turn it into a refusal.
const NEGATORS: &[&str] = &[
    "不能", "不会", "不可以", "无法", "不方便", "不得", "禁止", "不要", "别", "不允许", "没法", "不好",
    "can't", "cannot", "can not", "won't", "will not", "not", "never", "don't", "do not", "unable to",
];

/// Ordinary words that contain a negator but negate nothing: 不好意思 (sorry),
/// 别家 (other shops), 要不要 / 能不能 (questions). They are blanked before
/// looking for a negation, so "不好意思,加我微信吧" still counts as moving the buyer off the platform.
const NOT_NEGATIONS: &[&str] = &[
    "不好意思", "别家", "别人", "区别", "特别", "别的", "分别", "要不要", "能不能", "会不会", "可不可以", "好不好", "是不是",
    "不能不", "not only", "whether or not",
];

/// How far back (in characters, within the clause) a negation reaches.
const NEGATION_REACH_CHARS: usize = 40;

/// Whether the clause before byte `start` of `text` holds a negation.
pub fn negated(text: &str, start: usize) -> bool {
    let from = text[..start].char_indices().rev().nth(NEGATION_REACH_CHARS - 1).map(|(i, _)| i).unwrap_or(0);
    let before = &text[from..start];
    let clause = before.rsplit(|c| ",.!?;:".contains(c)).next().unwrap_or(before);
    let mut clause = clause.to_string();
    for word in NOT_NEGATIONS {
        clause = clause.replace(word, &" ".repeat(word.len()));
    }
    let clause = clause.as_str();
    NEGATORS.iter().any(|n| {
        clause.find(n).is_some_and(|at| {
            // An English negator must be a whole word.
            let ascii = n.is_ascii();
            !ascii || !clause[..at].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
        })
    })
}

impl CompiledLexicon {
    pub fn new(course: &Course) -> CompiledLexicon {
        let mut entries = Vec::new();
        let mut builder = PhraseSet::builder();
        for (kind, list) in &course.lexicons {
            for entry in list {
                let group = entries.len();
                add_entry(&mut builder, group, entry);
                entries.push(EntryInfo {
                    id: entry.id.clone(),
                    kind: *kind,
                    polarity: entry.polarity,
                    severity: entry.severity,
                    label: entry.label.clone(),
                    explain: entry.explain.clone(),
                    intent: entry.intent.clone(),
                });
            }
        }
        let by_id = entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        CompiledLexicon { entries, by_id, phrases: builder.build() }
    }

    pub fn entry(&self, id: &str) -> Option<&EntryInfo> {
        self.by_id.get(id).map(|i| &self.entries[*i])
    }

    /// Hits in normalised `text`; bad phrases under a negation are dropped.
    pub fn hits(&self, text: &str) -> Vec<PhraseHit> {
        let mut hits = self.phrases.find(text);
        hits.retain(|hit| self.entries[hit.group].polarity == Polarity::Good || !negated(text, hit.start));
        hits
    }
}

fn add_entry(builder: &mut crate::text::matcher::PhraseSetBuilder, group: usize, entry: &LexiconEntry) {
    for phrase in entry.zh.iter().chain(&entry.en) {
        builder.add(group, phrase);
    }
    for exception in &entry.except {
        builder.except(group, exception);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_looks_back_within_the_clause() {
        assert!(negated("我不能告诉您她的地址", "我不能告诉您".len()));
        assert!(!negated("不能退,她的地址", "不能退,".len()));
        assert!(negated("sorry, we can't move this to wechat", "sorry, we can't move this to ".len()));
        assert!(!negated("knot wechat", "knot ".len()));
        assert!(!negated("不好意思亲加我微信吧", "不好意思亲".len()), "sorry is not a negation");
        assert!(!negated("要不要加个微信", "要不要".len()));
        assert!(!negated("区别就是这款全网最低价", "区别就是这款".len()));
    }
}
