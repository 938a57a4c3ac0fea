//! The 绩效档案 printed: one self-contained A4 page in the reader's language
//! (every word from `i18n::Msg`, every value escaped, no script, no external
//! resource), the score over time as an inline SVG line chart with the pass
//! mark dashed. What the page says is built by `performance_file`.

use super::html::escape;
use super::performance_file::{PerformanceFile, Session, TREND_DIMENSIONS, Weak};
use super::review_card::{Decision, Stance};
use crate::content::raw::Lang;
use crate::grading::verdict::dimension_label;
use crate::i18n::Msg;
use std::fmt::Write as _;
use std::io::Write;

const STYLE: &str = r#"
@page { size: A4; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
       font-size: 9.5pt; color: #1d1d1f; margin: 0 auto; max-width: 190mm; line-height: 1.4; }
h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #ccc; }
h3 { font-size: 10pt; margin: 4mm 0 1mm; }
.meta { color: #555; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d0d0d0; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } .num { text-align: right; white-space: nowrap; }
tr, .review { page-break-inside: avoid; } thead { display: table-header-group; }
.pass { color: #14632a; } .fail { color: #8a1c12; } .ended { color: #555; }
.numbers td { width: 25%; } .example { color: #333; background: #fff4d6; }
svg { width: 100%; height: auto; }
"#;

/// The date and minute of a recorded moment (`2026-11-23 09:30`), or a dash.
/// Counted in characters: a hand-edited record may hold any text there.
fn moment(when: Option<&str>) -> String {
    match when {
        Some(when) => {
            let date: String = when.chars().take(10).collect();
            let time: String = when.chars().skip(11).take(5).collect();
            if time.is_empty() { date } else { format!("{date} {time}") }
        }
        None => "—".into(),
    }
}

fn date(when: &str) -> String {
    when.chars().take(10).collect()
}

/// A number with one decimal and a unit, or a dash.
fn shown(value: Option<f64>, unit: &str) -> String {
    value.map(|v| format!("{:.1}{unit}", v)).unwrap_or_else(|| "—".into())
}

fn standing(session: &Session<'_>) -> (&'static str, Msg) {
    match session.card.grade.standing() {
        crate::grading::Standing::Passed => ("pass", Msg::Passed),
        crate::grading::Standing::Failed => ("fail", Msg::Failed),
        crate::grading::Standing::Abandoned => ("ended", Msg::Abandoned),
    }
}

fn mode(session: &Session<'_>) -> Msg {
    if session.card.mode.is_single() { Msg::PerfModeSingle } else { Msg::PerfModeRush }
}

fn header_row(html: &mut String, lang: Lang, columns: &[Msg]) -> std::fmt::Result {
    html.push_str("<thead><tr>");
    for column in columns {
        write!(html, "<th>{}</th>", escape(column.get(lang)))?;
    }
    html.push_str("</tr></thead>\n");
    Ok(())
}

/// Writes the page. `generated` is the day it is made (the caller's clock);
/// `unreadable` the files that could not be read (their paths).
pub fn write(mut out: impl Write, file: &PerformanceFile<'_>, generated: &str, unreadable: &[String], lang: Lang) -> std::io::Result<()> {
    let mut html = String::new();
    page(&mut html, file, generated, unreadable, lang).map_err(std::io::Error::other)?;
    out.write_all(html.as_bytes())
}

fn page(html: &mut String, file: &PerformanceFile<'_>, generated: &str, unreadable: &[String], lang: Lang) -> std::fmt::Result {
    let name = if file.trainee.name.trim().is_empty() { file.trainee.id.as_str() } else { file.trainee.name.as_str() };
    writeln!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{} · {}</title><style>{STYLE}</style></head><body>",
        if lang == Lang::Zh { "zh-CN" } else { "en" },
        escape(Msg::PerfTitle.get(lang)),
        escape(name),
    )?;
    writeln!(
        html,
        "<h1>{} · {}</h1>\n<p class=\"meta\">{}: {} · {}: {}</p>",
        escape(Msg::PerfTitle.get(lang)),
        escape(name),
        escape(Msg::Trainee.get(lang)),
        escape(&file.trainee.name),
        escape(Msg::TraineeId.get(lang)),
        escape(&file.trainee.id),
    )?;
    let mut meta = Vec::new();
    if let Some((first, last)) = &file.period {
        meta.push(Msg::PerfPeriod.fill(lang, &[("from", &date(first)), ("until", &date(last))]));
    }
    if let Some(since) = &file.since {
        meta.push(Msg::CohortSince.fill(lang, &[("date", since)]));
    }
    meta.push(Msg::PerfGenerated.fill(lang, &[("date", &generated)]));
    writeln!(html, "<p class=\"meta\">{}</p>", escape(&meta.join(" · ")))?;

    numbers(html, file, lang)?;
    attempts(html, file, lang)?;
    trends(html, file, lang)?;
    weakest(html, Msg::PerfWeakestRules, Msg::PerfRule, &file.weakest_rules, lang)?;
    weakest(html, Msg::PerfWeakestFacts, Msg::PerfFact, &file.weakest_facts, lang)?;
    reviews(html, file, lang)?;
    if !unreadable.is_empty() {
        writeln!(html, "<h2>{}</h2>\n<ul class=\"meta\">", escape(&Msg::CohortUnreadable.fill(lang, &[("n", &unreadable.len())])))?;
        for path in unreadable {
            writeln!(html, "<li>{}</li>", escape(path))?;
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</body></html>\n");
    Ok(())
}

fn numbers(html: &mut String, file: &PerformanceFile<'_>, lang: Lang) -> std::fmt::Result {
    let n = &file.numbers;
    writeln!(html, "<h2>{}</h2>\n<table class=\"numbers\">", escape(Msg::PerfSummary.get(lang)))?;
    let cells = [
        (Msg::Attempts, n.attempts.to_string()),
        (Msg::CohortEndedEarly, n.ended_early.to_string()),
        (Msg::PerfWithVerdict, n.verdicts.to_string()),
        (Msg::CohortPassRate, shown(n.pass_rate(), "%")),
        (Msg::Best, shown(n.best, "")),
        (Msg::CohortMean, shown(n.mean, "")),
        (Msg::CohortLatest, shown(n.latest, "")),
        (Msg::CohortExams, if n.exams == 0 { "—".to_string() } else { format!("{}/{}", n.exams_passed, n.exams) }),
        (Msg::CohortPracticeQuizzes, n.practice_quizzes.to_string()),
        (Msg::PerfTypingPhrases, n.typing_phrases.to_string()),
    ];
    for row in cells.chunks(2) {
        html.push_str("<tr>");
        for (label, value) in row {
            write!(html, "<th>{}</th><td class=\"num\">{}</td>", escape(label.get(lang)), escape(value))?;
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</table>\n");
    Ok(())
}

fn attempts(html: &mut String, file: &PerformanceFile<'_>, lang: Lang) -> std::fmt::Result {
    writeln!(html, "<h2>{}</h2>", escape(Msg::PerfAttempts.get(lang)))?;
    if file.sessions.is_empty() && file.quizzes.is_empty() {
        writeln!(html, "<p>{}</p>", escape(Msg::PerfNoAttempts.get(lang)))?;
        return Ok(());
    }
    if !file.sessions.is_empty() {
        html.push_str("<table>\n");
        header_row(html, lang, &[Msg::RecordWhen, Msg::ReportScenario, Msg::PerfMode, Msg::AutoScore, Msg::ReviewedScore, Msg::PerfResult, Msg::PerfReviewState])?;
        for session in &file.sessions {
            let (class, result) = standing(session);
            let mut state = session.status.state.label().get(lang).to_string();
            if session.status.open_disputes > 0 {
                state = format!("{state} · {}", Msg::ReviewOpenDisputes.fill(lang, &[("n", &session.status.open_disputes)]));
            }
            writeln!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{:.1}</td><td class=\"num\">{}</td><td class=\"{class}\">{}</td><td>{}</td></tr>",
                escape(&moment(session.card.when_utc.as_deref())),
                escape(session.card.scenario.title.get(lang)),
                escape(mode(session).get(lang)),
                session.card.grade.total,
                escape(&shown(session.status.reviewed_total, "")),
                escape(result.get(lang)),
                escape(&state),
            )?;
        }
        html.push_str("</table>\n");
    }
    if !file.quizzes.is_empty() {
        writeln!(html, "<h3>{}</h3>\n<table>", escape(Msg::PerfQuizzes.get(lang)))?;
        header_row(html, lang, &[Msg::RecordWhen, Msg::ReportQuiz, Msg::Score, Msg::PerfResult])?;
        for quiz in &file.quizzes {
            let (class, result) = match (quiz.quiz.mode.has_verdict(), quiz.result.passed) {
                (false, _) => ("ended", Msg::NoVerdict),
                (true, true) => ("pass", Msg::Passed),
                (true, false) => ("fail", Msg::Failed),
            };
            writeln!(
                html,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{:.1}%</td><td class=\"{class}\">{}</td></tr>",
                escape(&moment(quiz.when_utc.as_deref())),
                escape(quiz.title().get(lang)),
                quiz.result.score_pct,
                escape(result.get(lang)),
            )?;
        }
        html.push_str("</table>\n");
    }
    Ok(())
}

/// The pass mark most sessions share (the lowest of equally common ones).
fn common_pass_mark(sessions: &[&Session<'_>]) -> Option<f64> {
    let mut counts: Vec<(f64, usize)> = Vec::new();
    for session in sessions {
        let mark = session.card.grade.pass_mark;
        match counts.iter_mut().find(|(m, _)| *m == mark) {
            Some((_, n)) => *n += 1,
            None => counts.push((mark, 1)),
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0))).map(|(mark, _)| mark)
}

/// The sessions with a verdict as a line over 0..100, oldest left, the pass mark dashed.
fn chart(html: &mut String, file: &PerformanceFile<'_>, lang: Lang) -> std::fmt::Result {
    let judged: Vec<&Session<'_>> = file.sessions.iter().filter(|s| s.has_verdict()).collect();
    if judged.is_empty() {
        return Ok(());
    }
    let (width, height, left, right, top, bottom) = (640.0, 200.0, 36.0, 12.0, 10.0, 24.0);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let y = |score: f64| top + (100.0 - score.clamp(0.0, 100.0)) / 100.0 * plot_h;
    let x = |i: usize| if judged.len() == 1 { left + plot_w / 2.0 } else { left + plot_w * i as f64 / (judged.len() - 1) as f64 };
    writeln!(
        html,
        "<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"10\">",
        escape(Msg::PerfScoreOverTime.get(lang))
    )?;
    for score in [0.0, 50.0, 100.0] {
        writeln!(
            html,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#e0e0e0\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{score}</text>",
            width - right,
            left - 4.0,
            y(score) + 3.0,
            y = y(score),
        )?;
    }
    if let Some(mark) = common_pass_mark(&judged) {
        writeln!(
            html,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#8a1c12\" stroke-dasharray=\"6 4\"/><text x=\"{}\" y=\"{:.1}\" fill=\"#8a1c12\">{}</text>",
            width - right,
            left + 4.0,
            y(mark) - 3.0,
            escape(&format!("{} {mark:.0}", Msg::ReportPassMark.get(lang))),
            y = y(mark),
        )?;
    }
    let points: Vec<String> = judged.iter().enumerate().map(|(i, s)| format!("{:.1},{:.1}", x(i), y(s.card.grade.total))).collect();
    writeln!(html, "<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"1.5\" points=\"{}\"/>", points.join(" "))?;
    for (i, session) in judged.iter().enumerate() {
        let colour = if session.card.grade.passed { "#14632a" } else { "#8a1c12" };
        writeln!(
            html,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{colour}\"><title>{}</title></circle>",
            x(i),
            y(session.card.grade.total),
            escape(&format!("{} · {} · {:.1}", moment(session.card.when_utc.as_deref()), session.card.scenario.title.get(lang), session.card.grade.total)),
        )?;
    }
    let first = judged.first().and_then(|s| s.card.when_utc.as_deref()).map(date).unwrap_or_default();
    let last = judged.last().and_then(|s| s.card.when_utc.as_deref()).map(date).unwrap_or_default();
    writeln!(
        html,
        "<text x=\"{left}\" y=\"{}\" fill=\"#555\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#555\">{}</text></svg>",
        height - 6.0,
        escape(&first),
        width - right,
        height - 6.0,
        escape(&last),
    )
}

fn trends(html: &mut String, file: &PerformanceFile<'_>, lang: Lang) -> std::fmt::Result {
    writeln!(html, "<h2>{}</h2>\n<p class=\"meta\">{}</p>", escape(Msg::PerfTrends.get(lang)), escape(Msg::PerfScoreOverTime.get(lang)))?;
    chart(html, file, lang)?;
    writeln!(html, "<h3>{}</h3>\n<table>", escape(Msg::PerfDimensions.get(lang)))?;
    html.push_str("<thead><tr>");
    write!(html, "<th>{}</th>", escape(Msg::PerfDimension.get(lang)))?;
    for (half, msg) in file.halves.iter().zip([Msg::PerfFirstHalf, Msg::PerfSecondHalf]) {
        write!(html, "<th class=\"num\">{}</th>", escape(&msg.fill(lang, &[("n", &half.sessions)])))?;
    }
    html.push_str("</tr></thead>\n");
    for (index, dimension) in TREND_DIMENSIONS.into_iter().enumerate() {
        let [first, second] = [&file.halves[0], &file.halves[1]].map(|half| shown(half.shares.get(index).copied().flatten(), "%"));
        writeln!(
            html,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(dimension_label(dimension).get(lang)),
            escape(&first),
            escape(&second)
        )?;
    }
    html.push_str("</table>\n");
    Ok(())
}

fn weakest(html: &mut String, title: Msg, what: Msg, list: &[Weak], lang: Lang) -> std::fmt::Result {
    writeln!(html, "<h2>{}</h2>", escape(title.get(lang)))?;
    if list.is_empty() {
        writeln!(html, "<p>{}</p>", escape(Msg::PerfNoLosses.get(lang)))?;
        return Ok(());
    }
    html.push_str("<table>\n");
    header_row(html, lang, &[what, Msg::PerfTimes, Msg::PerfPointsLost, Msg::PerfExample])?;
    for weak in list {
        // The grader's explanation names the rule; its id is a key, not a word for people.
        let example = weak.example.as_deref().map(|e| format!("<span class=\"example\">{}</span>", escape(e))).unwrap_or_else(|| "—".into());
        writeln!(
            html,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1}</td><td>{example}</td></tr>",
            escape(&weak.explain),
            weak.times,
            weak.lost,
        )?;
    }
    html.push_str("</table>\n");
    Ok(())
}

fn reviews(html: &mut String, file: &PerformanceFile<'_>, lang: Lang) -> std::fmt::Result {
    writeln!(html, "<h2>{}</h2>", escape(Msg::PerfReviews.get(lang)))?;
    let mut any = false;
    for session in file.reviewed() {
        any = true;
        writeln!(
            html,
            "<div class=\"review\"><h3>{} · {} · {}: {:.1}</h3>",
            escape(&moment(session.card.when_utc.as_deref())),
            escape(session.card.scenario.title.get(lang)),
            escape(Msg::AutoScore.get(lang)),
            session.card.grade.total,
        )?;
        for review in &session.reviews {
            review_entry(html, session, review, lang)?;
        }
        for entry in &session.disputes {
            let state = entry.state.label().get(lang);
            writeln!(
                html,
                "<p><b>{}</b> ({}): {} — {}: {}</p>",
                escape(Msg::DisputeTitle.get(lang)),
                escape(state),
                escape(&entry.dispute.disputed.explain),
                escape(Msg::ReviewReason.get(lang)),
                escape(&entry.dispute.reason),
            )?;
            if let Some(answer) = entry.answer() {
                let by = entry.answered_by.map(|(_, review)| review.reviewer.name.as_str()).unwrap_or_default();
                writeln!(html, "<p>{} ({}): {}</p>", escape(Msg::DisputeAnswer.get(lang)), escape(by), escape(&answer.answer))?;
            }
        }
        html.push_str("</div>\n");
    }
    if !any {
        writeln!(html, "<p>{}</p>", escape(Msg::PerfNoReviews.get(lang)))?;
    }
    Ok(())
}

fn review_entry(html: &mut String, session: &Session<'_>, review: &super::ReviewCard, lang: Lang) -> std::fmt::Result {
    let state = if review.signed_off { Msg::ReviewStateSignedOff } else { Msg::ReviewStateReviewed };
    writeln!(
        html,
        "<p>{}: <b>{}</b> · {} · {} · {}: {:.1} → {}: <b>{:.1}</b></p>",
        escape(Msg::Reviewer.get(lang)),
        escape(&review.reviewer.name),
        escape(&moment(review.when_utc.as_deref())),
        escape(state.get(lang)),
        escape(Msg::AutoScore.get(lang)),
        review.score.auto,
        escape(Msg::ReviewedScore.get(lang)),
        review.score.reviewed,
    )?;
    let named = |finding: &super::FindingRef| finding.resolve(session.card).map(|f| f.explain.clone()).unwrap_or_else(|| Msg::ReportAnswerN.fill(lang, &[("n", &finding.reply)]));
    let disagreements: Vec<String> = review
        .judgements
        .iter()
        .filter(|j| j.stance == Stance::Disagree)
        .map(|j| format!("{} — {}: {}", escape(&named(&j.finding)), escape(Msg::ReviewReason.get(lang)), escape(&j.reason)))
        .collect();
    if !disagreements.is_empty() {
        writeln!(html, "<p class=\"meta\">{}</p><ul>", escape(Msg::PerfDisagreements.get(lang)))?;
        for line in disagreements {
            writeln!(html, "<li>{line}</li>")?;
        }
        html.push_str("</ul>\n");
    }
    if !review.added.is_empty() {
        writeln!(html, "<p class=\"meta\">{}</p><ul>", escape(Msg::ReviewAdded.get(lang)))?;
        for added in &review.added {
            writeln!(html, "<li>{} ({:+.1}): {}</li>", escape(&added.rule), added.points, escape(&added.comment))?;
        }
        html.push_str("</ul>\n");
    }
    if !review.overrides.is_empty() {
        writeln!(html, "<p class=\"meta\">{}</p><ul>", escape(Msg::ReviewOverrides.get(lang)))?;
        for over in &review.overrides {
            writeln!(html, "<li>{} {:.0}%: {}</li>", escape(dimension_label(over.dimension).get(lang)), over.score_pct, escape(&over.reason))?;
        }
        html.push_str("</ul>\n");
    }
    if let Some(answer) = &review.answers {
        let decision = match answer.decision {
            Decision::Accepted => Msg::DisputeAccepted,
            Decision::Rejected => Msg::DisputeRejected,
        };
        writeln!(html, "<p>{} {}: <b>{}</b></p>", escape(Msg::DisputeAnswered.get(lang)), escape(&named(&answer.finding)), escape(decision.get(lang)))?;
    }
    if !review.comment.is_empty() {
        writeln!(html, "<p>{}: {}</p>", escape(Msg::ReviewComment.get(lang)), escape(&review.comment))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::performance_file::tests::card_at;
    use crate::scorecard::performance_file::{Inputs, build};
    use crate::scorecard::review_card::tests::draft;
    use crate::scorecard::{DisputeCard, FindingRef, Record, ReviewCard};

    /// Every message the page may print (its own and those it borrows).
    const WORDS: &[Msg] = &[
        Msg::PerfTitle, Msg::PerfGenerated, Msg::PerfPeriod, Msg::PerfSummary, Msg::PerfWithVerdict, Msg::PerfTypingPhrases,
        Msg::PerfAttempts, Msg::PerfNoAttempts, Msg::PerfMode, Msg::PerfModeSingle, Msg::PerfModeRush, Msg::PerfResult,
        Msg::PerfReviewState, Msg::PerfQuizzes, Msg::PerfTrends, Msg::PerfScoreOverTime, Msg::PerfDimensions, Msg::PerfDimension,
        Msg::PerfFirstHalf, Msg::PerfSecondHalf, Msg::PerfWeakestRules, Msg::PerfWeakestFacts, Msg::PerfRule, Msg::PerfFact,
        Msg::PerfTimes, Msg::PerfPointsLost, Msg::PerfExample, Msg::PerfNoLosses, Msg::PerfReviews, Msg::PerfNoReviews,
        Msg::PerfDisagreements, Msg::Trainee, Msg::TraineeId, Msg::Attempts, Msg::CohortEndedEarly, Msg::CohortPassRate, Msg::Best,
        Msg::CohortMean, Msg::CohortLatest, Msg::CohortExams, Msg::CohortPracticeQuizzes, Msg::RecordWhen, Msg::ReportScenario,
        Msg::AutoScore, Msg::ReviewedScore, Msg::Passed, Msg::Failed, Msg::Abandoned, Msg::Reviewer, Msg::ReviewComment,
        Msg::ReviewReason, Msg::ReviewAdded, Msg::ReviewOverrides, Msg::DisputeTitle, Msg::DisputeAnswer, Msg::DisputeOpen,
        Msg::DisputeAccepted, Msg::DisputeRejected, Msg::DisputeAnswered, Msg::ReviewStateNone, Msg::ReviewStateReviewed,
        Msg::ReviewStateSignedOff, Msg::ReportPassMark, Msg::DimensionAccuracy, Msg::DimensionSteps, Msg::DimensionTone,
        Msg::DimensionSpeed, Msg::DimensionActions,
    ];

    fn page_of(records: &[Record], reviews: &[ReviewCard], disputes: &[DisputeCard], lang: Lang) -> String {
        let file = build(Inputs { trainee_id: "e1024", records, reviews, disputes, since: None });
        let mut bytes = Vec::new();
        write(&mut bytes, &file, "2026-12-02", &["<bad>.json".into()], lang).unwrap();
        String::from_utf8(bytes).unwrap()
    }

    /// Two sessions, the later reviewed (with a comment and a disagreement) and disputed.
    fn cohort() -> (Vec<Record>, Vec<ReviewCard>, Vec<DisputeCard>) {
        let card = card_at("2026-11-23T09:30:00Z", 86.07);
        let finding = FindingRef::parse("2:fact:policy.return_shipping_payer(WrongItem)").unwrap();
        let dispute = DisputeCard::new(&card, finding, "我说了运费我们出", Some("2026-11-23T12:00:00Z".into())).unwrap();
        let mut answering = draft();
        answering.answers = Some((dispute.clone(), Decision::Accepted, "确实说了".into()));
        let review = ReviewCard::new(&card, answering).unwrap();
        let records = vec![Record::Scenario(card_at("2026-11-20T09:30:00Z", 40.0)), Record::Scenario(card)];
        (records, vec![review], vec![dispute])
    }

    #[test]
    fn the_page_has_every_part_with_review_comments_and_no_script() {
        let (records, reviews, disputes) = cohort();
        let html = page_of(&records, &reviews, &disputes, Lang::Zh);
        for part in ["size: A4", "<svg", "stroke-dasharray", "整体不错", "说了“我们承担运费”", "我说了运费我们出", "确实说了", "张主管", "2026-12-02"] {
            assert!(html.contains(part), "{part} missing");
        }
        // The rule is named by the grader's explanation, never by its id.
        assert!(html.contains("没有说明:应为 运费由店铺承担"));
        assert!(!html.contains("return_shipping_payer") && !html.contains("fact:"));
        assert!(!html.contains("<script") && html.contains("&lt;bad&gt;.json"));
        assert!(html.contains(Msg::DisputeAccepted.get(Lang::Zh)));
    }

    #[test]
    fn a_hostile_name_is_escaped() {
        let (mut records, reviews, disputes) = cohort();
        if let Some(Record::Scenario(card)) = records.last_mut() {
            card.trainee.name = "<script>alert(1)</script>".into();
        }
        let html = page_of(&records, &reviews, &disputes, Lang::En);
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn each_language_has_none_of_the_others_words() {
        let (records, reviews, disputes) = cohort();
        for lang in [Lang::Zh, Lang::En] {
            let html = page_of(&records, &reviews, &disputes, lang);
            let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
            for msg in WORDS {
                let foreign = msg.get(other);
                // Placeholders aside, each message's own words in the other language.
                let stem = foreign.split('{').next().unwrap_or_default().trim();
                if stem.chars().count() >= 3 && stem != msg.get(lang) {
                    assert!(!html.contains(stem), "{lang:?} page holds {stem:?}");
                }
            }
            assert!(html.contains(Msg::PerfTitle.get(lang)));
        }
    }

    #[test]
    fn a_trainee_with_no_attempts_gets_a_page_that_says_so() {
        let html = page_of(&[], &[], &[], Lang::En);
        assert!(html.contains(Msg::PerfNoAttempts.get(Lang::En)) && !html.contains("<svg"));
    }
}
