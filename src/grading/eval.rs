//! `kefu eval`: how often the grader agrees with hand labels on real replies.
//! Politeness comes from the tone band; intents from the lexicon entries'
//! `intent` names (in the lexicon files, so a trainer can remap them). Pure:
//! the caller reads the file and prints the report.

use super::Grader;
use super::text_report::TextReport;
use crate::content::raw::{Lang, ToneBand};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The six intents frequent enough in real replies for a stable figure.
pub const FREQUENT_INTENTS: [&str; 6] = ["greet", "ask_order_info", "offer_solution", "apologise", "thank", "refuse"];

/// The three politeness labels of the labelling rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Politeness {
    Polite,
    Neutral,
    Impolite,
}

impl Politeness {
    pub const ALL: [Politeness; 3] = [Politeness::Polite, Politeness::Neutral, Politeness::Impolite];

    /// Warm and Polite bands are polite, Neutral is neutral, Curt and Rude are impolite.
    pub fn of_band(band: ToneBand) -> Politeness {
        match band {
            ToneBand::Warm | ToneBand::Polite => Politeness::Polite,
            ToneBand::Neutral => Politeness::Neutral,
            ToneBand::Curt | ToneBand::Rude => Politeness::Impolite,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Politeness::Polite => "polite",
            Politeness::Neutral => "neutral",
            Politeness::Impolite => "impolite",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One labelled reply: a line `{"text", "politeness", "intents"}`, and
/// optionally `"context"`, the buyer's message it answers (other fields ignored).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Labelled {
    pub text: String,
    pub politeness: Politeness,
    #[serde(default)]
    pub intents: BTreeSet<String>,
    #[serde(default)]
    pub context: Option<String>,
}

/// A line of the labels file that could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct LabelError {
    pub line: usize,
    pub message: String,
}

/// Reads JSON Lines of labelled replies; blank lines are skipped. Every bad line is reported.
pub fn parse_labels(text: &str) -> Result<Vec<Labelled>, Vec<LabelError>> {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Labelled>(line) {
            Ok(item) => items.push(item),
            Err(error) => errors.push(LabelError {
                line: index + 1,
                message: format!(
                    "{error} (expected {{\"text\": \"…\", \"politeness\": \"polite|neutral|impolite\", \"intents\": [\"greet\", …]}})"
                ),
            }),
        }
    }
    if errors.is_empty() { Ok(items) } else { Err(errors) }
}

/// What the grader made of one reply, in the labels' terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgement {
    pub politeness: Politeness,
    pub intents: BTreeSet<String>,
    pub report: TextReport,
}

impl Grader {
    /// The grader's politeness and intents for one reply to the buyer's message
    /// `asked` (if known), with the findings behind them.
    pub fn judge(&self, text: &str, asked: Option<&str>, lang: Lang) -> Judgement {
        let report = self.grade_text_answering(text, asked, lang);
        let intents = report
            .hits
            .iter()
            .filter_map(|hit| self.lexicon.entry(&hit.rule).and_then(|e| e.intent.clone()))
            .collect();
        Judgement { politeness: Politeness::of_band(report.tone_band), intents, report }
    }
}

/// True/false positives and false negatives of one intent (or of several, added up).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub true_positive: usize,
    pub false_positive: usize,
    pub false_negative: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }
    pub fn f1(&self) -> f64 {
        ratio(2 * self.true_positive, 2 * self.true_positive + self.false_positive + self.false_negative)
    }
    /// How many replies carry the intent by hand label.
    pub fn support(&self) -> usize {
        self.true_positive + self.false_negative
    }
    fn add(&mut self, other: &Counts) {
        self.true_positive += other.true_positive;
        self.false_positive += other.false_positive;
        self.false_negative += other.false_negative;
    }
}

/// 0 when there is nothing to divide: no claim, no support.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

/// One reply where the grader and the label disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// 1-based position among the labelled replies.
    pub item: usize,
    pub text: String,
    pub politeness: (Politeness, Politeness),
    /// Labelled but not heard.
    pub missed: BTreeSet<String>,
    /// Heard but not labelled.
    pub extra: BTreeSet<String>,
    pub report: TextReport,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    pub replies: usize,
    /// Rows: the label; columns: the grader. Order: polite, neutral, impolite.
    pub confusion: [[usize; 3]; 3],
    pub intents: BTreeMap<String, Counts>,
    pub disagreements: Vec<Disagreement>,
}

impl EvalReport {
    pub fn politeness_accuracy(&self) -> f64 {
        let right: usize = (0..3).map(|i| self.confusion[i][i]).sum();
        ratio(right, self.replies)
    }

    /// What answering "polite" every time would score.
    pub fn always_polite_accuracy(&self) -> f64 {
        ratio(self.confusion[0].iter().sum(), self.replies)
    }

    /// Counts added up over `names` (micro-averaging).
    pub fn micro(&self, names: &[&str]) -> Counts {
        let mut total = Counts::default();
        for name in names {
            if let Some(counts) = self.intents.get(*name) {
                total.add(counts);
            }
        }
        total
    }

    /// Counts added up over every intent seen in the labels or the grader's answers.
    pub fn micro_all(&self) -> Counts {
        let names: Vec<&str> = self.intents.keys().map(String::as_str).collect();
        self.micro(&names)
    }
}

/// Grades every labelled reply and compares it with its labels.
pub fn evaluate(grader: &Grader, items: &[Labelled], lang: Lang) -> EvalReport {
    let mut confusion = [[0; 3]; 3];
    let mut intents: BTreeMap<String, Counts> = BTreeMap::new();
    let mut disagreements = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let judgement = grader.judge(&item.text, item.context.as_deref(), lang);
        confusion[item.politeness.index()][judgement.politeness.index()] += 1;
        for name in item.intents.union(&judgement.intents) {
            let counts = intents.entry(name.clone()).or_default();
            match (item.intents.contains(name), judgement.intents.contains(name)) {
                (true, true) => counts.true_positive += 1,
                (false, true) => counts.false_positive += 1,
                (true, false) => counts.false_negative += 1,
                (false, false) => {}
            }
        }
        let missed: BTreeSet<String> = item.intents.difference(&judgement.intents).cloned().collect();
        let extra: BTreeSet<String> = judgement.intents.difference(&item.intents).cloned().collect();
        if item.politeness != judgement.politeness || !missed.is_empty() || !extra.is_empty() {
            disagreements.push(Disagreement {
                item: index + 1,
                text: item.text.clone(),
                politeness: (item.politeness, judgement.politeness),
                missed,
                extra,
                report: judgement.report,
            });
        }
    }
    EvalReport { replies: items.len(), confusion, intents, disagreements }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Course;
    use std::path::Path;

    fn grader() -> Grader {
        Grader::new(&Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR"))))
    }

    #[test]
    fn bad_lines_are_all_reported_with_their_numbers() {
        let text = "{\"text\": \"亲\", \"politeness\": \"polite\", \"intents\": []}\n\nnot json\n{\"text\": \"x\", \"politeness\": \"rude\"}\n";
        let errors = parse_labels(text).unwrap_err();
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [3, 4]);
    }

    #[test]
    fn counts_and_confusion_add_up() {
        let items = parse_labels(concat!(
            "{\"text\": \"亲,您好,方便发一下您的订单编号吗\", \"politeness\": \"polite\", \"intents\": [\"greet\", \"ask_order_info\"]}\n",
            "{\"text\": \"你自己没看详情吧,爱买不买\", \"politeness\": \"impolite\", \"intents\": [\"blame_customer\", \"thank\"]}\n",
        ))
        .unwrap();
        let report = evaluate(&grader(), &items, Lang::Zh);
        assert_eq!(report.replies, 2);
        assert_eq!(report.confusion.iter().flatten().sum::<usize>(), 2);
        assert_eq!(report.confusion[0][0], 1, "{:?}", report.confusion);
        assert_eq!(report.confusion[2][2], 1, "{:?}", report.confusion);
        assert_eq!(report.intents["thank"].false_negative, 1);
        assert_eq!(report.micro(&["greet", "ask_order_info"]).true_positive, 2);
        assert!(report.disagreements.iter().any(|d| d.item == 2 && d.missed.contains("thank")));
        assert_eq!(report.politeness_accuracy(), 1.0);
    }

    #[test]
    fn f1_of_nothing_is_zero_not_nan() {
        let counts = Counts::default();
        assert_eq!((counts.precision(), counts.recall(), counts.f1()), (0.0, 0.0, 0.0));
    }
}
