//! The part of `KefuApp::handle` that opens a scorecard for review, seals and
//! saves a supervisor's review, and files a trainee's dispute. Reviews are
//! saved in the data folder the scorecard was read from (so the team folder
//! holds them and the trainee sees the answer); the scorecard itself is only
//! ever read.

use super::dispute_form::DisputeForm;
use super::review_form::ReviewForm;
use super::{KefuApp, Notice, Screen, ScorecardView};
use crate::i18n::Msg;
use crate::scorecard::{DisputeCard, FindingRef, Record, ReviewCard, Scorecard};
use crate::store::Beside;
use std::path::PathBuf;

impl KefuApp {
    /// The time a review or a dispute is signed with.
    fn now_utc(&self) -> Option<String> {
        Some(humantime::format_rfc3339_seconds(self.clock.wall()).to_string())
    }

    /// A record the dashboard lists, opened with the review panel beside it;
    /// with `dispute`, the panel is set to decide that dispute.
    pub(super) fn open_for_review(&mut self, path: PathBuf, dispute: Option<PathBuf>) {
        let Screen::Supervisor(screen) = &self.screen else { return };
        let Some(opener) = screen.opener() else { return };
        let beside = screen.beside();
        match opener(&path) {
            Ok(Record::Scenario(card)) => {
                let seal = card.seal();
                let earlier: Vec<ReviewCard> = beside.reviews.iter().filter(|(_, r)| r.scorecard.seal == seal).map(|(_, r)| r.clone()).collect();
                let answering = dispute.and_then(|wanted| beside.disputes.iter().find(|(p, _)| *p == wanted).map(|(_, d)| d.clone()));
                let form = ReviewForm::new(&card, &self.settings.reviewer_name, &self.settings.reviewer_id, answering, sorted(earlier));
                let mut view = ScorecardView::new(vec![card], &self.bundle);
                view.review = Some(form);
                view.source = Some(path);
                self.go(Screen::Scorecard(Box::new(view)));
            }
            other => self.open_record(other),
        }
    }

    /// A calibration round's scorecard, opened for one of its reviewers: the
    /// panel is fixed to that reviewer and the round, and shows only the
    /// reviews that reviewer may see (`visible_reviews`: blind until submitted).
    pub(super) fn open_round_review(&mut self, round_id: &str, path: PathBuf, reviewer: crate::scorecard::Reviewer) {
        let Screen::Supervisor(screen) = &self.screen else { return };
        let (Some(opener), Some(round)) = (screen.opener(), screen.round(round_id)) else { return };
        let beside = screen.beside();
        match opener(&path) {
            Ok(Record::Scenario(card)) => {
                let seal = card.seal();
                let of_card: Vec<(usize, &ReviewCard)> = beside.reviews.iter().enumerate().filter(|(_, (_, r))| r.scorecard.seal == seal).map(|(i, (_, r))| (i, r)).collect();
                let visible = crate::scorecard::calibration::visible_reviews(&[&round], Some(&reviewer.id), &of_card);
                let earlier = sorted(visible.into_iter().map(|(_, r)| r.clone()).collect());
                let form = ReviewForm::in_round(&card, (round.id(), round.name.clone()), &reviewer, earlier);
                let mut view = ScorecardView::new(vec![card], &self.bundle);
                view.review = Some(form);
                view.source = Some(path);
                self.go(Screen::Scorecard(Box::new(view)));
            }
            other => self.open_record(other),
        }
    }

    /// Seals the panel's review and saves it beside the scorecard; the
    /// reviewer's name is remembered and the dashboard reads the folder again.
    pub(super) fn save_review(&mut self, signed_off: bool) {
        let when = self.now_utc();
        let Screen::Scorecard(view) = &mut self.screen else { return };
        let (Some(card), Some(form)) = (view.cards.get(view.selected), view.review.as_ref()) else { return };
        let Some(draft) = form.draft(when, signed_off) else { return };
        let in_round = form.round().is_some();
        let made = match form.round() {
            Some(round) => ReviewCard::new_in_round(card, draft, round.to_string()),
            None => ReviewCard::new(card, draft),
        };
        let review = match made {
            Ok(review) => review,
            // The panel checks everything the core does first; this is a defect, said plainly.
            Err(_) => {
                self.notice = Some(Notice::plain(Msg::ReviewSaveFailed));
                return;
            }
        };
        let data = view.source.as_deref().and_then(crate::store::data_folder_of).unwrap_or_else(|| self.data.clone());
        let saved = crate::store::save_record(&data, &review);
        let (name, id) = (review.reviewer.name.clone(), review.reviewer.id.clone());
        if let Ok(path) = &saved {
            // The panel shows what was saved, with this review among the earlier ones.
            view.review = view.review.as_ref().map(|form| form.after_saving(card, review));
            self.notice = Some(Notice::done(Msg::ReviewSaved, path.display()));
        }
        if let Err(error) = saved {
            self.notice = Some(Notice::problem(Msg::ReviewSaveFailed, error));
            return;
        }
        // A round's reviewer was picked in the 校准 tab, not typed: not remembered as "me".
        if !in_round && (name.as_str(), id.as_str()) != (self.settings.reviewer_name.as_str(), self.settings.reviewer_id.as_str()) {
            self.settings.reviewer_name = name;
            self.settings.reviewer_id = id;
            let notice = self.notice.take();
            self.save_settings();
            self.notice = self.notice.take().or(notice);
        }
        if let Some(screen) = &mut self.parked_supervisor {
            screen.refresh();
        }
    }

    /// The trainee disputes a finding of the scorecard on show.
    pub(super) fn file_dispute(&mut self, finding: FindingRef, reason: &str) {
        let when = self.now_utc();
        let Screen::Scorecard(view) = &self.screen else { return };
        let Some(card) = view.cards.get(view.selected) else { return };
        let dispute = match DisputeCard::new(card, finding, reason, when) {
            Ok(dispute) => dispute,
            Err(_) => {
                self.notice = Some(Notice::plain(Msg::DisputeSendFailed));
                return;
            }
        };
        self.notice = Some(match crate::store::save_record(&self.data, &dispute) {
            Ok(path) => Notice::done(Msg::DisputeSent, path.display()),
            Err(error) => Notice::problem(Msg::DisputeSendFailed, error),
        });
        let beside = Beside::read(&self.data);
        if let Screen::Scorecard(view) = &mut self.screen
            && let Some(card) = view.cards.get(view.selected)
            && let Some(form) = &mut view.disputes
        {
            let (disputes, reviews) = parts(&beside);
            form.refresh(card, &disputes, &reviews);
        }
    }

    /// The trainee's dispute form for `card`, from the disputes and reviews in their data folder.
    pub(super) fn dispute_form(&self, card: &Scorecard) -> DisputeForm {
        let beside = Beside::read(&self.data);
        let (disputes, reviews) = parts(&beside);
        DisputeForm::new(card, &disputes, &reviews)
    }

    /// Gives the trainee's scorecard view its dispute form (for the card on show).
    pub(super) fn attach_dispute_form(&mut self) {
        if self.settings.role != crate::store::Role::Trainee {
            return;
        }
        let Screen::Scorecard(view) = &self.screen else { return };
        let Some(card) = view.cards.get(view.selected) else { return };
        let form = self.dispute_form(card);
        if let Screen::Scorecard(view) = &mut self.screen {
            view.disputes = Some(form);
        }
    }
}

/// The disputes and reviews of a folder, owned.
fn parts(beside: &Beside) -> (Vec<DisputeCard>, Vec<ReviewCard>) {
    (beside.disputes.iter().map(|(_, d)| d.clone()).collect(), beside.reviews.iter().map(|(_, r)| r.clone()).collect())
}

/// Earlier reviews oldest first (an untimed one first), as the panel lists them.
fn sorted(mut reviews: Vec<ReviewCard>) -> Vec<ReviewCard> {
    reviews.sort_by(|a, b| a.when_utc.cmp(&b.when_utc));
    reviews
}
