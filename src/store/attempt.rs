//! "An attempt is over", written once for the app and the CLI: the records are
//! saved (never replacing another), what the trainee got wrong goes into their
//! review deck, and the state kept while the attempt ran (the autosave, the
//! exam in progress) is cleared, in that order, so a failure at any step
//! leaves the earlier steps done and the later ones still to do.

use super::autosave::Autosave;
use super::exam::ExamInProgress;
use super::review::Progress;
use super::{StoreError, save_record};
use crate::scorecard::{QuizCard, RecordRef, Scorecard, TypingCard};
use std::path::{Path, PathBuf};

/// A finished attempt, as the app or the CLI hands it over.
#[derive(Debug, Clone, Copy)]
pub enum Attempt<'a> {
    /// One finished session: a scorecard per buyer (several in rush mode,
    /// saved with the mode `rush`).
    Session(&'a [Scorecard]),
    /// A finished practice quiz, review or exam.
    Quiz(&'a QuizCard),
    /// One phrase of the typing drill (only the app's drill records them).
    #[cfg_attr(not(feature = "gui"), allow(dead_code))]
    Typing(&'a TypingCard),
}

impl<'a> Attempt<'a> {
    /// The attempt's records, in order.
    pub fn records(self) -> Vec<RecordRef<'a>> {
        match self {
            Attempt::Session(cards) => cards.iter().map(RecordRef::from).collect(),
            Attempt::Quiz(card) => vec![RecordRef::from(card)],
            Attempt::Typing(card) => vec![RecordRef::from(card)],
        }
    }
}

/// What the data folder kept while the attempt ran, cleared once it is recorded.
// Only the app keeps an attempt in progress: unused without the GUI.
#[cfg_attr(not(feature = "gui"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InProgress {
    /// Nothing: a scripted run (`kefu play`, `kefu quiz`) or a practice quiz in the app.
    Nothing,
    /// The app's running session (`autosave.json`).
    Autosave,
    /// The app's exam (`exam-in-progress.json`).
    Exam,
}

/// One question put into a trainee's review deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewed {
    pub trainee_id: String,
    pub question: String,
    /// A right answer moves the question up a box; a wrong one (or a fact
    /// missed in a scenario) brings it back tomorrow.
    pub right: bool,
}

/// What `record_attempt` did.
#[derive(Debug)]
pub struct Recorded {
    /// Where each record is, in the order given (an identical record saved
    /// before is found, not written again).
    pub saved: Vec<PathBuf>,
    /// What went into the review decks, in order.
    pub reviewed: Vec<Reviewed>,
    /// What was cleared (only the tests look).
    #[cfg(test)]
    pub cleared: InProgress,
    /// Problems that lost nothing: a review deck that could not be read was
    /// set aside (`StoreError::SetAside`) and a fresh one started. Show them.
    pub warnings: Vec<StoreError>,
}

/// Records a finished attempt in the data folder at `now_unix` (the time the
/// review deck counts from): saves every record, feeds each trainee's review
/// deck (facts missed or stated wrongly in a scenario, every quiz answer), then
/// clears `in_progress`. Stops at the first step that fails: records not saved
/// leave the deck and the autosave as they were, so nothing is lost and
/// recording again is safe (a record saved already is found, not copied).
pub fn record_attempt(data: &Path, attempt: Attempt<'_>, in_progress: InProgress, now_unix: i64) -> Result<Recorded, StoreError> {
    let saved = match attempt {
        // Several buyers at once is a rush shift: each scorecard says so (sealed),
        // so exports and the cohort tell rush attempts from single ones.
        Attempt::Session(cards) if cards.len() > 1 => {
            cards.iter().map(|card| if card.mode.is_single() { save_record(data, &card.clone().in_rush()) } else { save_record(data, card) }).collect::<Result<Vec<_>, _>>()?
        }
        Attempt::Session(cards) => cards.iter().map(|card| save_record(data, card)).collect::<Result<Vec<_>, _>>()?,
        Attempt::Quiz(card) => vec![save_record(data, card)?],
        Attempt::Typing(card) => vec![save_record(data, card)?],
    };
    // A typed phrase teaches no fact: the review decks are left alone.
    let (reviewed, warnings) = if matches!(attempt, Attempt::Typing(_)) { (Vec::new(), Vec::new()) } else { feed_review_decks(data, attempt, now_unix)? };
    match in_progress {
        InProgress::Nothing => {}
        InProgress::Autosave => Autosave::clear(data)?,
        InProgress::Exam => ExamInProgress::clear(data)?,
    }
    Ok(Recorded {
        saved,
        reviewed,
        #[cfg(test)]
        cleared: in_progress,
        warnings,
    })
}

/// The trainees whose attempt it is, each once, in order.
fn trainees(attempt: Attempt<'_>) -> Vec<&str> {
    let mut ids: Vec<&str> = match attempt {
        Attempt::Session(cards) => cards.iter().map(|c| c.trainee.id.as_str()).collect(),
        Attempt::Quiz(card) => vec![card.trainee.id.as_str()],
        Attempt::Typing(card) => vec![card.trainee.id.as_str()],
    };
    let mut seen = std::collections::BTreeSet::new();
    ids.retain(|id| seen.insert(*id));
    ids
}

/// Puts `trainee_id`'s part of the attempt into `progress`: (question id, right).
fn feed(progress: &mut Progress, attempt: Attempt<'_>, trainee_id: &str, now_unix: i64) -> Vec<(String, bool)> {
    match attempt {
        // Facts stated wrongly or left out come back later as review questions.
        Attempt::Session(cards) => cards
            .iter()
            .filter(|card| card.trainee.id == trainee_id)
            .flat_map(|card| {
                let facts: Vec<_> = card.replies.iter().flat_map(|r| r.facts.iter().map(|f| (f.rule.clone(), f.status))).collect();
                progress.deck.record_scenario(&facts, now_unix)
            })
            .map(|question| (question, false))
            .collect(),
        // Only answered questions move in the deck: a question never seen (an
        // early hand-in) says nothing about what the trainee knows.
        Attempt::Quiz(card) => card
            .items
            .iter()
            .zip(&card.result.marks)
            .zip(&card.answers)
            .filter(|(_, answer)| answer.is_some())
            .map(|((item, mark), _)| {
                let right = mark.as_ref().is_some_and(|m| m.right);
                progress.deck.record(&item.id, right, now_unix);
                (item.id.clone(), right)
            })
            .collect(),
        Attempt::Typing(_) => Vec::new(),
    }
}

/// Loads, feeds and saves each trainee's deck once. A deck that cannot be read
/// was set aside by `Progress::load`, so a fresh one is started and the
/// problem returned as a warning; any other failure stops here.
fn feed_review_decks(data: &Path, attempt: Attempt<'_>, now_unix: i64) -> Result<(Vec<Reviewed>, Vec<StoreError>), StoreError> {
    let mut reviewed = Vec::new();
    let mut warnings = Vec::new();
    for trainee_id in trainees(attempt) {
        let mut progress = match Progress::load(data, trainee_id) {
            Ok(progress) => progress,
            Err(problem @ StoreError::SetAside { .. }) => {
                warnings.push(problem);
                Progress::default()
            }
            Err(problem) => return Err(problem),
        };
        let recorded = feed(&mut progress, attempt, trainee_id, now_unix);
        if recorded.is_empty() {
            continue;
        }
        progress.save(data, trainee_id)?;
        reviewed.extend(recorded.into_iter().map(|(question, right)| Reviewed { trainee_id: trainee_id.to_string(), question, right }));
    }
    Ok((reviewed, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::facts::FactStatus;
    use crate::grading::reply::FactResult;
    use crate::scorecard::RunMeta;
    use crate::scorecard::Trainee;

    /// The fixture scorecard for `trainee_id`, with one fact stated wrongly and one right.
    fn card(trainee_id: &str) -> Scorecard {
        let mut card = crate::scorecard::read(include_str!("../../tests/fixtures/scorecard-v2.json")).unwrap();
        card.trainee.id = trainee_id.to_string();
        let fact = |rule: &str, status| FactResult { rule: crate::content::raw::FactId::saved(rule), expected: String::new(), status, from_earlier: false, unasked: false };
        for reply in &mut card.replies {
            reply.facts.clear();
        }
        card.replies[0].facts = vec![fact("fact:thermos-500.capacity", FactStatus::Wrong), fact("fact:thermos-500.material", FactStatus::Correct)];
        card
    }

    /// A finished two-question practice quiz: the first answered right, the second left out.
    fn quiz_card(trainee_id: &str) -> QuizCard {
        use crate::quiz::session::QuizSession;
        use crate::quiz::spec::{QuizSpec, build};
        let course = crate::content::Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")));
        let spec = QuizSpec { count: 2, ..QuizSpec::practice(crate::content::raw::Lang::Zh, 3) };
        let items = build(&course, &spec).unwrap();
        let mut session = QuizSession::from_spec(items.clone(), &spec, 0.0);
        use crate::quiz::{Answer, ItemKind};
        let right = match &items[0].kind {
            ItemKind::Single { options, right } => Answer::Choice(options[*right].clone()),
            ItemKind::Multiple { options, right } => Answer::Choices(right.iter().map(|i| options[*i].clone()).collect()),
            ItemKind::TrueFalse { answer } => Answer::Bool(*answer),
            ItemKind::FillIn { answers } => Answer::Text(answers[0].clone()),
            ItemKind::Numeric { answer, .. } => Answer::Number(*answer),
        };
        session.answer(0, right, 1.0).unwrap();
        session.finish(2.0).unwrap();
        let meta = RunMeta { trainee: Trainee { name: "王小明".into(), id: trainee_id.into() }, when_utc: None };
        QuizCard::from_attempt(&course, &spec, &items, session.answers(), session.result().unwrap(), meta).unwrap()
    }

    #[test]
    fn a_session_is_saved_its_missed_facts_reviewed_and_the_autosave_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let autosave = Autosave { buyers: vec![("wrong-colour-thermos".into(), 1)], inputs: Vec::new() };
        autosave.save(dir.path()).unwrap();
        let cards = [card("e1024")];
        let recorded = record_attempt(dir.path(), Attempt::Session(&cards), InProgress::Autosave, 1_000).unwrap();
        assert_eq!(recorded.saved.len(), 1);
        assert_eq!(crate::store::read_scorecard(&recorded.saved[0]).unwrap(), cards[0]);
        assert_eq!(recorded.reviewed, [Reviewed { trainee_id: "e1024".into(), question: "gen-thermos-500-capacity".into(), right: false }]);
        assert!(recorded.warnings.is_empty());
        assert_eq!(recorded.cleared, InProgress::Autosave);
        assert_eq!(Autosave::load(dir.path()).unwrap(), None);
        let deck = Progress::load(dir.path(), "e1024").unwrap().deck;
        assert_eq!(deck.cards.keys().collect::<Vec<_>>(), ["gen-thermos-500-capacity"]);
        assert_eq!(deck.due(1_000 + 24 * 3600), ["gen-thermos-500-capacity"], "back tomorrow");
    }

    #[test]
    fn recording_again_never_copies_the_record() {
        let dir = tempfile::tempdir().unwrap();
        let cards = [card("e1024")];
        let first = record_attempt(dir.path(), Attempt::Session(&cards), InProgress::Nothing, 1_000).unwrap();
        let again = record_attempt(dir.path(), Attempt::Session(&cards), InProgress::Nothing, 1_000).unwrap();
        assert_eq!(first.saved, again.saved);
        assert_eq!(crate::store::trainee_scorecards(dir.path(), "e1024").len(), 1);
    }

    #[test]
    fn a_rush_shift_feeds_each_trainee_deck_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut other = card("e1024");
        other.seed += 1;
        let cards = [card("e1024"), other, card("e2048")];
        let recorded = record_attempt(dir.path(), Attempt::Session(&cards), InProgress::Nothing, 1_000).unwrap();
        assert_eq!(recorded.saved.len(), 3);
        assert_eq!(recorded.reviewed.iter().filter(|r| r.trainee_id == "e1024").count(), 2);
        let card = &Progress::load(dir.path(), "e1024").unwrap().deck.cards["gen-thermos-500-capacity"];
        assert_eq!((card.reviews, card.lapses), (2, 2));
        assert_eq!(Progress::load(dir.path(), "e2048").unwrap().deck.cards.len(), 1);
        for path in &recorded.saved {
            let saved = crate::store::read_scorecard(path).unwrap();
            assert_eq!(saved.mode, crate::scorecard::SessionMode::Rush, "{}", path.display());
            assert_eq!(saved.digests, saved.field_digests(), "sealed with its mode");
        }
        let single = record_attempt(dir.path(), Attempt::Session(&cards[..1]), InProgress::Nothing, 1_000).unwrap();
        let text = std::fs::read_to_string(&single.saved[0]).unwrap();
        assert!(!text.contains("\"mode\""), "a single session's record is as before");
    }

    #[test]
    fn a_quiz_feeds_its_answered_questions_and_an_exam_clears_the_exam_in_progress() {
        let dir = tempfile::tempdir().unwrap();
        let card = quiz_card("e1024");
        let exam = ExamInProgress { trainee: card.trainee.clone(), spec: card.quiz.clone(), started_unix: 0.0, answers: card.answers.clone() };
        exam.save(dir.path()).unwrap();
        // A practice quiz leaves the exam alone.
        let recorded = record_attempt(dir.path(), Attempt::Quiz(&card), InProgress::Nothing, 1_000).unwrap();
        // The second question was never answered: it stays out of the deck.
        assert!(card.answers[0].is_some() && card.answers[1].is_none());
        let expected: Vec<(String, bool)> = vec![(card.items[0].id.clone(), true)];
        assert_eq!(recorded.reviewed.iter().map(|r| (r.question.clone(), r.right)).collect::<Vec<_>>(), expected);
        assert!(ExamInProgress::load(dir.path()).unwrap().is_some());
        let recorded = record_attempt(dir.path(), Attempt::Quiz(&card), InProgress::Exam, 2_000).unwrap();
        assert_eq!(recorded.saved.len(), 1);
        assert_eq!(ExamInProgress::load(dir.path()).unwrap(), None);
        assert_eq!(crate::store::trainee_records(dir.path(), "e1024").len(), 1);
    }

    #[test]
    fn a_corrupt_deck_is_set_aside_and_reported_and_the_attempt_still_recorded() {
        let dir = tempfile::tempdir().unwrap();
        Progress::default().save(dir.path(), "e1024").unwrap();
        let deck_file = dir.path().join("review").join("e1024.json");
        std::fs::write(&deck_file, "not json").unwrap();
        let cards = [card("e1024")];
        let recorded = record_attempt(dir.path(), Attempt::Session(&cards), InProgress::Nothing, 1_000).unwrap();
        assert_eq!(recorded.warnings.len(), 1, "{:?}", recorded.warnings);
        let kept = crate::store::state::kept_as(&recorded.warnings[0]).unwrap();
        assert_eq!(std::fs::read_to_string(kept).unwrap(), "not json");
        assert_eq!(Progress::load(dir.path(), "e1024").unwrap().deck.cards.len(), 1);
    }

    #[test]
    fn a_record_that_cannot_be_saved_leaves_the_deck_and_the_autosave() {
        let dir = tempfile::tempdir().unwrap();
        let autosave = Autosave { buyers: vec![("wrong-colour-thermos".into(), 1)], inputs: Vec::new() };
        autosave.save(dir.path()).unwrap();
        std::fs::write(dir.path().join("scorecards"), b"in the way").unwrap();
        let cards = [card("e1024")];
        let error = record_attempt(dir.path(), Attempt::Session(&cards), InProgress::Autosave, 1_000).unwrap_err();
        assert!(matches!(error, StoreError::NotAFolder { .. }), "{error}");
        assert_eq!(Autosave::load(dir.path()).unwrap(), Some(autosave), "the session can still be resumed");
        assert_eq!(Progress::load(dir.path(), "e1024").unwrap(), Progress::default());
    }
}
