//! Grader agreement ("the grader graded"): from all reviews, per rule id, how
//! often reviewers agreed with the grader's findings, overturned one, or added
//! one it missed; rules sorted by disagreement, so trainers fix the lexicon
//! entries that mislead. Also the reviewed replies as labelled data in the
//! `kefu eval` format (`{"text", "politeness", "intents"}`). Pure: the caller
//! reads the records and writes the bytes.

use super::review_card::{ReviewCard, Stance};
use super::{Scorecard, csv};
use crate::grading::Dimension;
use crate::grading::eval::Politeness;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;

/// What the reviews say about one rule id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleAgreement {
    /// The rule id as records spell it (`apologise`, `fact:thermos-500.capacity`),
    /// or what a reviewer wrote for an added finding.
    pub rule: String,
    /// Findings of this rule a reviewer judged (agreed or overturned).
    pub judged: usize,
    pub agreed: usize,
    /// Judged wrong by the reviewer.
    pub overturned: usize,
    /// Added by a reviewer: the grader missed it.
    pub added: usize,
}

impl RuleAgreement {
    /// Every time a reviewer looked at this rule: judged or added.
    pub fn count(&self) -> usize {
        self.judged + self.added
    }

    /// The share of those times the reviewer and the grader differed (0..=1):
    /// a finding overturned or a finding missed.
    pub fn disagreement(&self) -> f64 {
        match self.count() {
            0 => 0.0,
            n => (self.overturned + self.added) as f64 / n as f64,
        }
    }
}

/// The reviews that count: for each reviewer and scorecard only the latest
/// (a reviewer who changed their mind counts once), and none whose scorecard is
/// among `cards` with another seal (it judged a scorecard since changed). A
/// review whose scorecard is not given still counts.
pub fn counting<'a>(reviews: &[&'a ReviewCard], cards: &[&Scorecard]) -> Vec<&'a ReviewCard> {
    let seals: HashMap<String, BTreeSet<String>> = cards.iter().fold(HashMap::new(), |mut map, card| {
        map.entry(card.record_id()).or_default().insert(card.seal());
        map
    });
    let current = |review: &ReviewCard| seals.get(&review.scorecard.id).is_none_or(|known| known.contains(&review.scorecard.seal));
    let mut latest: BTreeMap<(&str, &str), &'a ReviewCard> = BTreeMap::new();
    for review in reviews.iter().copied().filter(|r| current(r)) {
        let key = (review.reviewer.id.as_str(), review.scorecard.id.as_str());
        // Later time wins (an untimed one is earliest); on a tie, the record id, so the order given does not matter.
        let later = |old: &ReviewCard| (&review.when_utc, review.record_id()) > (&old.when_utc, old.record_id());
        if latest.get(&key).is_none_or(|old| later(old)) {
            latest.insert(key, review);
        }
    }
    latest.into_values().collect()
}

/// Per rule id, what the reviews say, sorted by disagreement (highest first),
/// then by how often the rule was looked at (most first), then by id.
pub fn tally(reviews: &[&ReviewCard]) -> Vec<RuleAgreement> {
    let mut rules: BTreeMap<&str, RuleAgreement> = BTreeMap::new();
    for review in reviews {
        for judgement in &review.judgements {
            let entry = rules.entry(judgement.finding.rule.as_str()).or_insert_with(|| RuleAgreement { rule: judgement.finding.rule.clone(), ..Default::default() });
            entry.judged += 1;
            match judgement.stance {
                Stance::Agree => entry.agreed += 1,
                Stance::Disagree => entry.overturned += 1,
            }
        }
        for added in &review.added {
            let rule = added.rule.trim();
            let entry = rules.entry(rule).or_insert_with(|| RuleAgreement { rule: rule.to_string(), ..Default::default() });
            entry.added += 1;
        }
    }
    let mut rows: Vec<RuleAgreement> = rules.into_values().collect();
    rows.sort_by(|a, b| {
        b.disagreement().total_cmp(&a.disagreement()).then(b.count().cmp(&a.count())).then_with(|| a.rule.cmp(&b.rule))
    });
    rows
}

/// The agreement table as CSV: UTF-8 with a byte-order mark, every text cell
/// neutralised (a reviewer's added rule is free text), the rule's label in the
/// reader's language beside its id when the lexicon has one.
pub fn write_csv(out: impl Write, rows: &[RuleAgreement], label: &dyn Fn(&str) -> Option<String>) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(csv::BOM)?;
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(["rule", "label", "judged", "agreed", "overturned", "added_missed", "disagreement_pct"])?;
    for row in rows {
        writer.write_record([
            csv::neutralise(&row.rule),
            csv::neutralise(&label(&row.rule).unwrap_or_default()),
            row.judged.to_string(),
            row.agreed.to_string(),
            row.overturned.to_string(),
            row.added.to_string(),
            format!("{:.1}", row.disagreement() * 100.0),
        ])?;
    }
    writer.flush()
}

/// One reviewed reply as a `kefu eval` label line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalLine {
    /// The agent's messages of the reply's turn, one per line.
    pub text: String,
    pub politeness: Politeness,
    pub intents: BTreeSet<String>,
}

/// The labelled lines, and how many reviewed replies were left out and why.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalExport {
    pub lines: Vec<EvalLine>,
    /// The reviewer changed the reply's tone (overturned or added a tone
    /// finding, or overrode the tone dimension): its politeness is unknown.
    pub tone_unknown: usize,
    /// Reviews whose scorecard was not given: no text to label.
    pub no_scorecard: usize,
}

/// Each reviewed reply (one the review judged a finding of or added one to) as
/// labelled data: the grader's heard lexicon entries, minus those a reviewer
/// overturned, plus those overturned as missing or added, mapped to intent
/// names by `intent_of` (lexicon id → intent, from the lexicon files); the
/// politeness is the grader's tone band where the reviewer left the tone alone.
/// One line per review and reply, so two reviewers of one reply give two lines.
pub fn eval_lines(reviews: &[&ReviewCard], cards: &[&Scorecard], intent_of: &BTreeMap<String, String>) -> EvalExport {
    let by_seal: HashMap<(String, String), &Scorecard> = cards.iter().map(|card| ((card.record_id(), card.seal()), *card)).collect();
    let mut export = EvalExport::default();
    for review in reviews {
        let Some(card) = by_seal.get(&(review.scorecard.id.clone(), review.scorecard.seal.clone())) else {
            export.no_scorecard += 1;
            continue;
        };
        let texts = csv::reply_texts(card);
        let replies: BTreeSet<usize> = review.judgements.iter().map(|j| j.finding.reply).chain(review.added.iter().map(|a| a.reply)).collect();
        let tone_overridden = review.overrides.iter().any(|o| o.dimension == Dimension::Tone);
        for number in replies {
            let (Some(reply), Some(text)) = (number.checked_sub(1).and_then(|i| card.replies.get(i)), number.checked_sub(1).and_then(|i| texts.get(i))) else { continue };
            let overturned: BTreeSet<&str> = review
                .judgements
                .iter()
                .filter(|j| j.finding.reply == number && j.stance == Stance::Disagree)
                .map(|j| j.finding.rule.as_str())
                .collect();
            let added: Vec<_> = review.added.iter().filter(|a| a.reply == number).collect();
            let tone_touched = tone_overridden
                || added.iter().any(|a| a.dimension == Dimension::Tone)
                || review.judgements.iter().filter(|j| j.finding.reply == number && j.stance == Stance::Disagree).any(|j| j.finding.resolve(card).is_some_and(|f| f.dimension == Dimension::Tone));
            if tone_touched {
                export.tone_unknown += 1;
                continue;
            }
            // Overturning a heard entry says it was not there; overturning one
            // the grader missed (a required step "not done") says it was.
            let mut heard: BTreeSet<&str> = reply.found.iter().map(String::as_str).collect();
            for rule in overturned {
                if !heard.remove(rule) {
                    heard.insert(rule);
                }
            }
            heard.extend(added.iter().map(|a| a.rule.trim()));
            export.lines.push(EvalLine {
                text: text.join("\n"),
                politeness: Politeness::of_band(reply.tone_band),
                intents: heard.into_iter().filter_map(|id| intent_of.get(id).cloned()).collect(),
            });
        }
    }
    export
}

/// The lines as JSON Lines, what `kefu eval` reads.
pub fn write_eval(mut out: impl Write, lines: &[EvalLine]) -> std::io::Result<()> {
    for line in lines {
        serde_json::to_writer(&mut out, line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::review_card::tests::{card, draft};
    use crate::scorecard::review_card::{AddedFinding, Judgement, ReviewDraft, Reviewer};
    use crate::scorecard::FindingRef;

    fn judge(reference: &str, stance: Stance) -> Judgement {
        let reason = if stance == Stance::Disagree { "不对".to_string() } else { String::new() };
        Judgement { finding: FindingRef::parse(reference).unwrap(), stance, reason }
    }

    fn review(card: &Scorecard, id: &str, when: &str, judgements: Vec<Judgement>, added: Vec<AddedFinding>) -> ReviewCard {
        let draft = ReviewDraft {
            reviewer: Reviewer { name: format!("主管{id}"), id: id.into() },
            when_utc: Some(when.into()),
            judgements,
            added,
            overrides: Vec::new(),
            ..draft()
        };
        ReviewCard::new(card, draft).unwrap()
    }

    fn added(reply: usize, rule: &str, dimension: Dimension) -> AddedFinding {
        AddedFinding { reply, message: None, rule: rule.into(), dimension, points: -2.0, comment: "漏了".into() }
    }

    #[test]
    fn only_the_latest_review_per_reviewer_and_current_scorecards_count() {
        let card = card();
        let early = review(&card, "s01", "2026-11-20T10:00:00Z", vec![judge("1:ask_order_info", Stance::Disagree)], vec![]);
        let late = review(&card, "s01", "2026-11-24T10:00:00Z", vec![judge("1:apologise", Stance::Agree)], vec![]);
        let other = review(&card, "s02", "2026-11-21T10:00:00Z", vec![judge("1:apologise", Stance::Disagree)], vec![]);
        let mut changed = card.clone();
        changed.grade.total = 1.0;
        changed.digests = changed.field_digests();
        let stale = review(&changed, "s03", "2026-11-25T10:00:00Z", vec![judge("1:apologise", Stance::Disagree)], vec![]);
        let counted = counting(&[&late, &stale, &early, &other], &[&card]);
        assert_eq!(counted.len(), 2);
        assert!(counted.contains(&&late) && counted.contains(&&other));
        // The scorecard not given: every reviewer's latest counts, the stale one too.
        assert_eq!(counting(&[&early, &late, &stale], &[]).len(), 2);
    }

    #[test]
    fn rules_are_sorted_by_disagreement_then_count_then_id() {
        let card = card();
        let a = review(
            &card,
            "s01",
            "2026-11-24T10:00:00Z",
            vec![judge("1:apologise", Stance::Agree), judge("2:fact:policy.return_shipping_payer(WrongItem)", Stance::Disagree)],
            vec![added(2, "没有致谢", Dimension::Tone)],
        );
        let b = review(&card, "s02", "2026-11-24T11:00:00Z", vec![judge("1:apologise", Stance::Disagree), judge("2:offer_resend", Stance::Agree)], vec![]);
        let rows = tally(&[&a, &b]);
        let summary: Vec<(&str, usize, usize, usize, usize)> = rows.iter().map(|r| (r.rule.as_str(), r.judged, r.agreed, r.overturned, r.added)).collect();
        assert_eq!(
            summary,
            vec![
                ("fact:policy.return_shipping_payer(WrongItem)", 1, 0, 1, 0),
                ("没有致谢", 0, 0, 0, 1),
                ("apologise", 2, 1, 1, 0),
                ("offer_resend", 1, 1, 0, 0),
            ]
        );
        assert_eq!(rows[2].disagreement(), 0.5);
        assert_eq!(RuleAgreement::default().disagreement(), 0.0, "no division by zero");
    }

    #[test]
    fn the_csv_has_a_bom_labels_and_no_formulas() {
        let rows = vec![RuleAgreement { rule: "=HYPERLINK(1)".into(), judged: 0, agreed: 0, overturned: 0, added: 1 }, RuleAgreement { rule: "apologise".into(), judged: 4, agreed: 3, overturned: 1, added: 0 }];
        let mut out = Vec::new();
        write_csv(&mut out, &rows, &|rule| (rule == "apologise").then(|| "道歉".to_string())).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines, ["rule,label,judged,agreed,overturned,added_missed,disagreement_pct", "'=HYPERLINK(1),,0,0,0,1,100.0", "apologise,道歉,4,3,1,0,25.0"]);
    }

    #[test]
    fn reviewed_replies_become_labels_with_the_reviewers_corrections() {
        let card = card();
        let intents: BTreeMap<String, String> =
            [("apologise", "apologise"), ("ask_order_info", "ask_order_info"), ("greet", "greet"), ("offer_resend", "offer_solution")].into_iter().map(|(a, b)| (a.into(), b.into())).collect();
        // Overturns the apology, adds a greeting the grader missed.
        let a = review(&card, "s01", "2026-11-24T10:00:00Z", vec![judge("1:apologise", Stance::Disagree)], vec![added(1, "greet", Dimension::Steps)]);
        // Agrees on reply 2 but adds a tone finding there: its politeness is unknown.
        let b = review(&card, "s02", "2026-11-24T10:00:00Z", vec![judge("2:offer_resend", Stance::Agree)], vec![added(2, "没有致谢", Dimension::Tone)]);
        let export = eval_lines(&[&a, &b], &[&card], &intents);
        assert_eq!(export.tone_unknown, 1);
        assert_eq!(export.lines.len(), 1);
        let line = &export.lines[0];
        assert!(line.text.starts_with("亲,非常抱歉"), "{}", line.text);
        assert_eq!(line.politeness, Politeness::Polite);
        assert_eq!(line.intents, ["ask_order_info", "greet"].into_iter().map(String::from).collect());
        let mut out = Vec::new();
        write_eval(&mut out, &export.lines).unwrap();
        let back = crate::grading::eval::parse_labels(&String::from_utf8(out).unwrap()).unwrap();
        assert_eq!(back[0].intents, line.intents, "kefu eval reads what is written");
        assert_eq!(eval_lines(&[&a], &[], &intents).no_scorecard, 1);
    }
}
