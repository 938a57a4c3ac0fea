//! The 绩效档案 (performance file) of one trainee, as numbers: every attempt
//! with its review state and reviewed score, the summary, the per-dimension
//! means of the first and second half of the attempts, the rules and facts
//! that cost the most points (with the grader's own explanation and an
//! example of what the trainee wrote), and the reviews and disputes of each
//! session. Built from records already read (the caller reads the folders:
//! this layer does no IO and reads no clock); `performance_page` prints it.

use super::review_state::{DisputeEntry, ReviewIndex, ReviewStatus};
use super::{DisputeCard, QuizCard, Record, ReviewCard, Scorecard, Trainee};
use crate::grading::{Dimension, RuleId};
use std::collections::BTreeMap;

/// How many rules (and facts) the file lists.
pub const WEAKEST: usize = 10;

/// The dimensions whose shares the trends compare (platform rules only deduct: no share).
pub const TREND_DIMENSIONS: [Dimension; 5] = super::csv::SHARE_DIMENSIONS;

/// What the file is made from: one trainee's records, and the reviews and
/// disputes read beside them (any trainee's: only those naming one of this
/// trainee's scorecards count).
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub trainee_id: &'a str,
    pub records: &'a [Record],
    pub reviews: &'a [ReviewCard],
    pub disputes: &'a [DisputeCard],
    /// `YYYY-MM-DD` (UTC): only attempts from that day on (an untimed one is left out then).
    pub since: Option<&'a str>,
}

/// One scenario session with what the reviews say of it.
#[derive(Debug, Clone)]
pub struct Session<'a> {
    pub card: &'a Scorecard,
    pub status: ReviewStatus,
    /// The reviews naming the scorecard as it is, oldest first.
    pub reviews: Vec<&'a ReviewCard>,
    pub disputes: Vec<DisputeEntry<'a, usize>>,
}

impl Session<'_> {
    /// Whether the session passes or fails (not ended early).
    pub fn has_verdict(&self) -> bool {
        !self.card.grade.abandoned
    }
}

/// A rule (or fact) and what it cost over the attempts.
#[derive(Debug, Clone, PartialEq)]
pub struct Weak {
    pub rule: RuleId,
    /// The grader's explanation on the latest finding of the rule (in its scenario's language).
    pub explain: String,
    pub times: usize,
    pub lost: f64,
    /// What the trainee wrote there, from the latest finding with a span.
    pub example: Option<String>,
}

/// The summary numbers; scores count sessions with a verdict only.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Numbers {
    pub attempts: usize,
    pub ended_early: usize,
    pub verdicts: usize,
    pub passed: usize,
    pub best: Option<f64>,
    pub mean: Option<f64>,
    pub latest: Option<f64>,
    pub exams: usize,
    pub exams_passed: usize,
    pub practice_quizzes: usize,
    pub typing_phrases: usize,
}

impl Numbers {
    pub fn pass_rate(&self) -> Option<f64> {
        (self.verdicts > 0).then(|| 100.0 * self.passed as f64 / self.verdicts as f64)
    }
}

/// The mean share (0 to 100) of each of `TREND_DIMENSIONS` over some sessions, and how many.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DimensionMeans {
    pub sessions: usize,
    pub shares: [Option<f64>; 5],
}

#[derive(Debug, Clone)]
pub struct PerformanceFile<'a> {
    pub trainee: Trainee,
    pub since: Option<String>,
    /// The first and last moment (UTC, as recorded) of the attempts shown.
    pub period: Option<(String, String)>,
    /// Scenario sessions, oldest first (untimed ones first).
    pub sessions: Vec<Session<'a>>,
    /// Quiz and exam attempts, oldest first.
    pub quizzes: Vec<&'a QuizCard>,
    pub numbers: Numbers,
    /// The first and the second half of the sessions with a verdict.
    pub halves: [DimensionMeans; 2],
    pub weakest_rules: Vec<Weak>,
    pub weakest_facts: Vec<Weak>,
}

impl PerformanceFile<'_> {
    /// The sessions with a review or a dispute.
    pub fn reviewed(&self) -> impl Iterator<Item = &Session<'_>> {
        self.sessions.iter().filter(|s| !s.reviews.is_empty() || !s.disputes.is_empty())
    }
}

/// A dimension's share of one session, as the scorecard screen computes it.
pub fn share(card: &Scorecard, dimension: Dimension) -> Option<f64> {
    card.grade.dimensions.get(&dimension).filter(|t| t.possible > 0.0).map(|t| (100.0 * t.earned / t.possible).clamp(0.0, 100.0))
}

fn means<'a>(cards: impl Iterator<Item = &'a Scorecard>) -> DimensionMeans {
    let mut sums = [(0.0, 0usize); 5];
    let mut sessions = 0;
    for card in cards {
        sessions += 1;
        for (sum, dimension) in sums.iter_mut().zip(TREND_DIMENSIONS) {
            if let Some(share) = share(card, dimension) {
                sum.0 += share;
                sum.1 += 1;
            }
        }
    }
    DimensionMeans { sessions, shares: sums.map(|(sum, n)| (n > 0).then(|| sum / n as f64)) }
}

/// The text a finding's span covers, if the span lies in the transcript on
/// character boundaries (a hand-edited record may point anywhere).
fn span_text(card: &Scorecard, finding: &crate::grading::Finding) -> Option<String> {
    let span = finding.span?;
    let text = card.transcript.get(span.message)?.text.get(span.start..span.end)?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.chars().take(80).collect())
}

/// Points lost per rule over `sessions` (oldest first), most first: facts and
/// the other rules apart. A rubric's critical condition is not a rule to
/// practise (its rule is counted on its own finding) and is left out.
fn weakest(sessions: &[Session<'_>]) -> (Vec<Weak>, Vec<Weak>) {
    let mut tally: BTreeMap<&RuleId, Weak> = BTreeMap::new();
    for session in sessions {
        for finding in session.card.replies.iter().flat_map(|r| &r.findings) {
            if finding.lost() <= 0.0 || finding.rule.is_critical_condition() {
                continue;
            }
            let weak = tally.entry(&finding.rule).or_insert_with(|| Weak { rule: finding.rule.clone(), explain: String::new(), times: 0, lost: 0.0, example: None });
            weak.times += 1;
            weak.lost += finding.lost();
            weak.explain.clone_from(&finding.explain);
            if let Some(example) = span_text(session.card, finding) {
                weak.example = Some(example);
            }
        }
    }
    let mut ranked: Vec<Weak> = tally.into_values().collect();
    ranked.sort_by(|a, b| b.lost.total_cmp(&a.lost).then(b.times.cmp(&a.times)).then(a.rule.cmp(&b.rule)));
    let (mut facts, mut rules): (Vec<Weak>, Vec<Weak>) = ranked.into_iter().partition(|w| w.rule.starts_with("fact:"));
    facts.truncate(WEAKEST);
    rules.truncate(WEAKEST);
    (rules, facts)
}

fn kept(when: Option<&String>, since: Option<&str>) -> bool {
    since.is_none_or(|date| when.is_some_and(|when| when.as_str() >= date))
}

/// Builds the file: deterministic for the same records, whatever their order.
pub fn build<'a>(inputs: Inputs<'a>) -> PerformanceFile<'a> {
    let mine = |trainee: &Trainee, when: Option<&String>| trainee.id == inputs.trainee_id && kept(when, inputs.since);
    let mut cards: Vec<&Scorecard> = Vec::new();
    let mut quizzes: Vec<&QuizCard> = Vec::new();
    let mut numbers = Numbers::default();
    let mut trainee = Trainee { name: String::new(), id: inputs.trainee_id.to_string() };
    let mut name_when: Option<&String> = None;
    let mut period: Option<(String, String)> = None;
    for record in inputs.records {
        let (who, when) = match record {
            Record::Scenario(card) => (&card.trainee, card.when_utc.as_ref()),
            Record::Quiz(card) => (&card.trainee, card.when_utc.as_ref()),
            Record::Typing(card) => (&card.trainee, card.when_utc.as_ref()),
        };
        if !mine(who, when) {
            continue;
        }
        // The name on the latest record, as the cohort table shows it.
        if trainee.name.is_empty() || when >= name_when {
            trainee.name.clone_from(&who.name);
            name_when = when;
        }
        if let Some(when) = when {
            period = Some(match period {
                None => (when.clone(), when.clone()),
                Some((first, last)) => (first.min(when.clone()), last.max(when.clone())),
            });
        }
        match record {
            Record::Scenario(card) => cards.push(card),
            Record::Quiz(card) => quizzes.push(card),
            Record::Typing(_) => numbers.typing_phrases += 1,
        }
    }
    cards.sort_by(|a, b| a.when_utc.cmp(&b.when_utc).then_with(|| a.record_id().cmp(&b.record_id())));
    quizzes.sort_by(|a, b| a.when_utc.cmp(&b.when_utc).then_with(|| a.file_name().cmp(&b.file_name())));

    let index = ReviewIndex::build(inputs.reviews.iter().enumerate(), inputs.disputes.iter().enumerate());
    let sessions: Vec<Session<'a>> = cards
        .into_iter()
        .map(|card| {
            let seal = card.seal();
            let mut reviews: Vec<&ReviewCard> = index.reviews_of(&seal).into_iter().map(|(_, r)| r).collect();
            reviews.sort_by(|a, b| a.when_utc.cmp(&b.when_utc));
            Session { card, status: index.status(&card.record_id(), &seal), reviews, disputes: index.disputes_of(&seal) }
        })
        .collect();

    let mut sum = 0.0;
    for session in &sessions {
        numbers.attempts += 1;
        if !session.has_verdict() {
            numbers.ended_early += 1;
            continue;
        }
        let total = session.card.grade.total;
        numbers.verdicts += 1;
        numbers.passed += usize::from(session.card.grade.passed);
        numbers.best = Some(numbers.best.map_or(total, |best: f64| best.max(total)));
        numbers.latest = Some(total);
        sum += total;
    }
    numbers.mean = (numbers.verdicts > 0).then(|| sum / numbers.verdicts as f64);
    for quiz in &quizzes {
        if quiz.quiz.mode.has_verdict() {
            numbers.exams += 1;
            numbers.exams_passed += usize::from(quiz.result.passed);
        } else {
            numbers.practice_quizzes += 1;
        }
    }

    let judged: Vec<&Scorecard> = sessions.iter().filter(|s| s.has_verdict()).map(|s| s.card).collect();
    let middle = judged.len() / 2;
    let halves = [means(judged[..middle].iter().copied()), means(judged[middle..].iter().copied())];
    let (weakest_rules, weakest_facts) = weakest(&sessions);
    PerformanceFile { trainee, since: inputs.since.map(str::to_string), period, sessions, quizzes, numbers, halves, weakest_rules, weakest_facts }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::grading::{Finding, Span};

    pub(crate) fn card_at(when: &str, total: f64) -> Scorecard {
        let mut card = crate::scorecard::review_card::tests::card();
        card.when_utc = Some(when.into());
        card.grade.total = total;
        card.grade.passed = total >= card.grade.pass_mark;
        card.digests = card.field_digests();
        card
    }

    fn lose(card: &mut Scorecard, rule: &str, lost: f64, span: Option<Span>) {
        card.replies[0].findings.push(Finding {
            rule: RuleId::saved(rule),
            dimension: Dimension::Steps,
            points: 0.0,
            possible: lost,
            span,
            explain: format!("explained {rule}"),
            critical: false,
        });
        card.digests = card.field_digests();
    }

    #[test]
    fn weakest_rules_are_counted_summed_and_sorted_facts_apart() {
        let mut first = card_at("2026-11-01T10:00:00Z", 60.0);
        let mut second = card_at("2026-11-02T10:00:00Z", 80.0);
        lose(&mut first, "brush_off", 10.0, Some(Span { message: 1, start: 0, end: 3 }));
        lose(&mut second, "brush_off", 10.0, None);
        lose(&mut second, "curt", 15.0, None);
        lose(&mut second, "critical:Timeout", 5.0, None);
        // Out of the transcript or inside a character: no example, no panic.
        lose(&mut second, "nowhere", 1.0, Some(Span { message: 99, start: 0, end: 3 }));
        lose(&mut second, "split", 1.0, Some(Span { message: 1, start: 1, end: 2 }));
        let records = [Record::Scenario(second), Record::Scenario(first.clone())];
        let file = build(Inputs { trainee_id: "e1024", records: &records, reviews: &[], disputes: &[], since: None });
        let rules: Vec<(&str, usize, f64)> = file.weakest_rules.iter().map(|w| (w.rule.as_str(), w.times, w.lost)).collect();
        assert_eq!(rules, [("brush_off", 2, 20.0), ("curt", 1, 15.0), ("nowhere", 1, 1.0), ("split", 1, 1.0)]);
        let expected = first.transcript[1].text.get(0..3).map(|t| t.trim().to_string());
        assert_eq!(file.weakest_rules[0].example, expected);
        assert_eq!(file.weakest_rules[0].explain, "explained brush_off");
        assert!(file.weakest_rules.iter().skip(2).all(|w| w.example.is_none()));
        // The fixture lost its return-shipping fact in each session.
        assert_eq!(file.weakest_facts.len(), 1);
        assert_eq!((file.weakest_facts[0].rule.as_str(), file.weakest_facts[0].times), ("fact:policy.return_shipping_payer(WrongItem)", 2));
        assert_eq!(file.sessions[0].card.when_utc.as_deref(), Some("2026-11-01T10:00:00Z"), "oldest first");
    }

    #[test]
    fn numbers_halves_and_since() {
        let mut ended = card_at("2026-11-03T10:00:00Z", 10.0);
        ended.grade.abandoned = true;
        let mut other = card_at("2026-11-04T10:00:00Z", 99.0);
        other.trainee.id = "someone-else".into();
        let mut low = card_at("2026-11-01T10:00:00Z", 50.0);
        low.grade.dimensions.entry(Dimension::Steps).and_modify(|t| t.earned = t.possible / 2.0);
        let records: Vec<Record> = [low, card_at("2026-11-02T10:00:00Z", 90.0), ended, other].into_iter().map(Record::Scenario).collect();
        let file = build(Inputs { trainee_id: "e1024", records: &records, reviews: &[], disputes: &[], since: None });
        let n = &file.numbers;
        assert_eq!((n.attempts, n.ended_early, n.verdicts, n.passed), (3, 1, 2, 1));
        assert_eq!((n.best, n.mean, n.latest, n.pass_rate()), (Some(90.0), Some(70.0), Some(90.0), Some(50.0)));
        assert_eq!((file.halves[0].sessions, file.halves[1].sessions), (1, 1));
        assert_eq!((file.halves[0].shares[1], file.halves[1].shares[1]), (Some(50.0), Some(100.0)));
        assert_eq!(file.period, Some(("2026-11-01T10:00:00Z".into(), "2026-11-03T10:00:00Z".into())));
        let since = build(Inputs { trainee_id: "e1024", records: &records, reviews: &[], disputes: &[], since: Some("2026-11-02") });
        assert_eq!(since.numbers.attempts, 2);
    }
}
