//! The printable HTML report: one self-contained page (A4), no scripts, no
//! external resources, every piece of text escaped. Header, KPIs against their
//! thresholds, totals by dimension, and the transcript with each graded span
//! highlighted and each finding explained.

use super::{QuizCard, RecordRef, Scorecard};
use crate::quiz::mark::shown;
use crate::content::raw::Lang;
use crate::i18n::Msg;
use crate::engine::{EntryKind, Who};
use crate::grading::Finding;
use std::fmt::Write as _;
use std::io::Write;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
@page { size: A4; margin: 14mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
       font-size: 10.5pt; color: #1d1d1f; margin: 0 auto; max-width: 190mm; line-height: 1.45; }
h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #ccc; }
.meta { color: #555; font-size: 9pt; } .badge { display: inline-block; padding: 1mm 3mm; border-radius: 2mm; font-weight: bold; }
.pass { background: #dff3e3; color: #14632a; } .fail { background: #fbe3e1; color: #8a1c12; } .practice { background: #e8eef7; color: #1f3b63; } .ended { background: #ececec; color: #444; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d0d0d0; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } .num { text-align: right; white-space: nowrap; }
.msg { margin: 1.5mm 0; page-break-inside: avoid; } .who { font-weight: bold; } .time { color: #777; font-size: 8.5pt; }
.buyer .text { background: #f4f4f6; } .agent .text { background: #eef5ff; } .text { padding: 1mm 2mm; border-radius: 1.5mm; display: inline-block; max-width: 150mm; }
mark.earned { background: #c9f0d2; } mark.lost { background: #ffd2cc; } sup { font-size: 7pt; color: #555; }
ol.findings { margin: 1mm 0 2mm 8mm; font-size: 9pt; } .lost-item { color: #8a1c12; } .earned-item { color: #14632a; }
.note { color: #777; font-style: italic; }
"#;

/// The scenario report's words, in the order the page uses them.
const WORDS: [Msg; 14] = [
    Msg::ReportTitle, Msg::Trainee, Msg::ReportWhen, Msg::ReportScenario, Msg::ReportSeed, Msg::Total, Msg::ReportPassMark,
    Msg::Kpis, Msg::ReportKpi, Msg::ReportValue, Msg::ReportTarget, Msg::Transcript, Msg::Buyer, Msg::Agent,
];

fn words(lang: Lang) -> [&'static str; 14] {
    WORDS.map(|msg| msg.get(lang))
}

/// Wraps each graded span of `text` in <mark>, numbering findings with superscripts.
fn highlight(text: &str, findings: &[(usize, &Finding)]) -> Result<String, std::fmt::Error> {
    // Numbers by identity, looked up once per finding instead of by a scan per
    // superscript (which made a message with many findings quadratic).
    let mut numbers_by_finding: std::collections::HashMap<*const Finding, usize> = std::collections::HashMap::with_capacity(findings.len());
    for (number, finding) in findings {
        numbers_by_finding.entry(std::ptr::from_ref(*finding)).or_insert(*number);
    }
    let number_of = |f: &Finding| numbers_by_finding.get(&std::ptr::from_ref(f)).copied().unwrap_or(0);
    let plain: Vec<&Finding> = findings.iter().map(|(_, f)| *f).collect();
    let mut out = String::new();
    for segment in super::layout::segments(text, &plain) {
        let piece = escape(&text[segment.start..segment.end]);
        if segment.covering.is_empty() {
            out.push_str(&piece);
            continue;
        }
        // The reader's explanations only: rule ids are the record's keys, not words for people.
        let title: Vec<&str> = segment.covering.iter().map(|f| f.explain.as_str()).collect();
        let class = if segment.lost() { "lost" } else { "earned" };
        write!(out, "<mark class=\"{class}\" title=\"{}\">{piece}</mark>", escape(&title.join(" | ")))?;
        let numbers: Vec<String> = segment
            .covering
            .iter()
            .filter(|f| f.span.is_some_and(|s| s.end == segment.end))
            .map(|f| number_of(f).to_string())
            .collect();
        if !numbers.is_empty() {
            write!(out, "<sup>{}</sup>", numbers.join(","))?;
        }
    }
    Ok(out)
}

/// The first 12 characters of a hash; counted in characters, since a hand-edited
/// record may put any text there and a byte cut could split a character.
fn short_hash(hash: &str) -> String {
    hash.chars().take(12).collect()
}

fn finding_item(number: usize, finding: &Finding, lang: Lang) -> String {
    let class = if finding.points < 0.0 || finding.critical || finding.lost() > 0.0 { "lost-item" } else { "earned-item" };
    let critical = if finding.critical { format!(" <b>{}</b>", Msg::ReportCriticalTag.get(lang)) } else { String::new() };
    format!(
        "<li value=\"{number}\" class=\"{class}\">{:+.1}/{:.1}{critical} — {}</li>",
        finding.points,
        finding.possible,
        escape(&finding.explain)
    )
}

/// Writes one page for all `cards` (one section each; page break between):
/// scenario scorecards and quiz cards alike.
pub fn write<'a, R: Into<RecordRef<'a>>>(mut out: impl Write, cards: impl IntoIterator<Item = R>) -> std::io::Result<()> {
    let cards: Vec<RecordRef<'a>> = cards.into_iter().map(Into::into).collect();
    let lang = match cards.first() {
        Some(RecordRef::Scenario(card)) => card.scenario.lang,
        Some(RecordRef::Quiz(card)) => card.quiz.lang,
        Some(RecordRef::Typing(card)) => card.lang,
        Some(RecordRef::Review(card)) => card.scorecard.scenario.lang,
        Some(RecordRef::Dispute(card)) => card.scorecard.scenario.lang,
        None => Lang::Zh,
    };
    let mut html = String::new();
    page(&mut html, &cards, lang).map_err(std::io::Error::other)?;
    out.write_all(html.as_bytes())
}

/// The whole page into `html` (writing to a String cannot fail; the result is
/// passed up rather than dropped all the same).
fn page(html: &mut String, cards: &[RecordRef<'_>], lang: Lang) -> std::fmt::Result {
    let w = words(lang);
    writeln!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{}</title><style>{STYLE}</style></head><body>",
        if lang == Lang::Zh { "zh-CN" } else { "en" },
        escape(w[0])
    )?;
    // A review printed with its scorecard names each finding by the grader's explanation.
    let reviewed: std::collections::HashMap<String, &Scorecard> = if cards.iter().any(|c| matches!(c, RecordRef::Review(_))) {
        cards.iter().filter_map(|c| if let RecordRef::Scenario(card) = c { Some((card.seal(), *card)) } else { None }).collect()
    } else {
        std::collections::HashMap::new()
    };
    for (index, card) in cards.iter().enumerate() {
        if index > 0 {
            html.push_str("<div style=\"page-break-before: always\"></div>\n");
        }
        match card {
            RecordRef::Scenario(card) => section(html, card)?,
            RecordRef::Quiz(card) => quiz_section(html, card)?,
            RecordRef::Typing(card) => typing_section(html, card)?,
            RecordRef::Review(card) => review_section(html, card, reviewed.get(&card.scorecard.seal).copied())?,
            RecordRef::Dispute(card) => dispute_section(html, card)?,
        }
    }
    html.push_str("</body></html>\n");
    Ok(())
}

/// The section's heading and its line of who, when, what, seed (when the
/// record has one that drew anything), version and content hash.
#[allow(clippy::too_many_arguments)]
fn header(
    html: &mut String,
    labels: [&str; 5],
    trainee: &super::Trainee,
    when_utc: Option<&str>,
    (title, id): (&str, &str),
    seed: Option<u64>,
    app_version: &str,
    content: &std::collections::BTreeMap<String, String>,
    lang: Lang,
) -> std::fmt::Result {
    let [heading, trainee_label, when_label, activity_label, seed_label] = labels;
    let seed = seed.map(|seed| format!(" · {seed_label}: {seed}")).unwrap_or_default();
    writeln!(
        html,
        "<section><h1>{}</h1><p class=\"meta\">{}: {} ({}) · {}: {} · {}: {} [{}]{} · v{} · {}: {}</p>",
        escape(heading),
        trainee_label,
        escape(&trainee.name),
        escape(&trainee.id),
        when_label,
        escape(when_utc.unwrap_or("—")),
        activity_label,
        escape(title),
        escape(id),
        seed,
        escape(app_version),
        Msg::ReportContent.get(lang),
        escape(&content.get("total").map(|h| short_hash(h)).unwrap_or_else(|| "—".into())),
    )
}

fn section(html: &mut String, card: &Scorecard) -> std::fmt::Result {
    // Each record in its own language: a page may mix Chinese and English records.
    let lang = card.scenario.lang;
    let w = words(lang);
    let grade = &card.grade;
    let verdict = match grade.standing() {
        crate::grading::Standing::Passed => ("pass", Msg::Passed.get(lang)),
        crate::grading::Standing::Failed => ("fail", Msg::Failed.get(lang)),
        crate::grading::Standing::Abandoned => ("ended", Msg::Abandoned.get(lang)),
    };
    let labels = [w[0], w[1], w[2], w[3], w[4]];
    header(html, labels, &card.trainee, card.when_utc.as_deref(), (card.scenario.title.get(lang), &card.scenario.id), Some(card.seed), &card.app_version, &card.content, lang)?;
    writeln!(
        html,
        "<p><span class=\"badge {}\">{}</span> {}: <b>{:.1}</b>/100 · {}: {:.0} · {}</p>",
        verdict.0,
        verdict.1,
        if grade.abandoned { Msg::PartialTotal.get(lang) } else { w[5] },
        grade.total,
        w[6],
        grade.pass_mark,
        // A session ended early has no buyer outcome to name: say why there is no verdict.
        if grade.abandoned { Msg::ReasonAbandoned.get(lang) } else { crate::i18n::outcome(grade.outcome).get(lang) }
    )?;
    let critical = critical_explanations(card);
    if !critical.is_empty() {
        writeln!(html, "<p class=\"lost-item\"><b>{}:</b> {}</p>", Msg::ReportCritical.get(lang), escape(&critical.join(Msg::ListSeparator.get(lang))))?;
    }
    writeln!(html, "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr>", w[7], w[8], w[9], w[10])?;
    for kpi in &grade.kpis {
        let value = kpi.value.map(|v| format!("{v}{}", kpi.unit)).unwrap_or_else(|| "—".into());
        let met = match kpi.met {
            Some(true) => "✓",
            Some(false) => "✗",
            None => "",
        };
        writeln!(
            html,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{met}</td></tr>",
            escape(kpi.label.get(lang)),
            escape(&value),
            escape(&kpi.target)
        )?;
    }
    html.push_str("</table>\n<table style=\"margin-top:2mm\"><tr>");
    for (dimension, total) in &grade.dimensions {
        let name = crate::grading::verdict::dimension_label(*dimension);
        // A share as the app shows it (0 to 100%); a dimension with nothing to
        // earn (platform rules only deduct) shows its points alone.
        let share = if total.possible > 0.0 { format!("{:.0}%", (100.0 * total.earned / total.possible).clamp(0.0, 100.0)) } else { "—".into() };
        write!(html, "<td>{}: <b>{share}</b> <span class=\"meta\">({:.1}/{:.1})</span></td>", escape(name.get(lang)), total.earned, total.possible)?;
    }
    html.push_str("</tr></table>\n");

    writeln!(html, "<h2>{}</h2>", w[11])?;
    let mut number = 0;
    let turn_ends = super::layout::turn_ends(card);
    let mut by_line = super::layout::findings_by_line(card);
    for (index, entry) in card.transcript.iter().enumerate() {
        let on_this: Vec<(usize, &Finding)> = std::mem::take(&mut by_line[index])
            .into_iter()
            .map(|f| {
                number += 1;
                (number, f)
            })
            .collect();
        let (class, who) = match (entry.who, entry.kind) {
            (Who::Buyer, _) => ("buyer", w[12]),
            (Who::Agent, _) => ("agent", w[13]),
            (Who::System, _) => ("system", "—"),
        };
        let text = match entry.kind {
            EntryKind::Message => highlight(&entry.text, &on_this)?,
            EntryKind::Nudge => format!("<span class=\"note\">{}</span>", escape(&entry.text)),
            EntryKind::Action => format!(
                "<b>⚙ {}</b>{}",
                escape(&entry.text),
                entry.problem.as_ref().map(|p| format!(" <span class=\"lost-item\">({})</span>", escape(p))).unwrap_or_default()
            ),
            EntryKind::Note | EntryKind::Typing | EntryKind::Abandoned => format!("<span class=\"note\">{}</span>", escape(&entry.shown(lang))),
        };
        writeln!(
            html,
            "<div class=\"msg {class}\"><span class=\"time\">{:.1}s</span> <span class=\"who\">{}</span> <span class=\"text\">{text}</span></div>",
            entry.at,
            escape(who)
        )?;
        if !on_this.is_empty() {
            html.push_str("<ol class=\"findings\">");
            for (n, finding) in &on_this {
                html.push_str(&finding_item(*n, finding, lang));
            }
            html.push_str("</ol>\n");
        }
        // After the last entry of a reply point, what was missing there (findings without a span).
        if let Some((answer, reply)) = turn_ends[index].and_then(|i| Some((i + 1, card.replies.get(i)?))) {
            let missing: Vec<&Finding> = reply.findings.iter().filter(|f| f.span.is_none() && f.rule != "tone_baseline").collect();
            if !missing.is_empty() {
                html.push_str("<ol class=\"findings\">");
                for finding in missing {
                    number += 1;
                    html.push_str(&finding_item(number, finding, lang));
                }
                html.push_str("</ol>\n");
            }
            // Answers are numbered for the reader; the node id is the author's, not theirs.
            let label = Msg::ReportAnswerN.fill(lang, &[("n", &answer)]);
            writeln!(html, "<p class=\"meta\">{label}: {:.1}/100 · {}</p>", reply.score, reply.tone_band.label(lang))?;
        }
    }
    html.push_str("</section>\n");
    Ok(())
}

/// What failed the session on its own, in the reader's words: the
/// explanation of each critical finding, once each (the record's
/// `critical_failures` are rule ids, which are keys, not words). A rubric's
/// condition "did X" is left out when rule X itself is among them: one failure.
fn critical_explanations(card: &Scorecard) -> Vec<&str> {
    let critical: Vec<&Finding> = card.replies.iter().flat_map(|reply| &reply.findings).filter(|finding| finding.critical).collect();
    let rules: Vec<String> = critical.iter().map(|finding| finding.rule.to_string()).collect();
    let rules: Vec<&str> = rules.iter().map(String::as_str).collect();
    let distinct = crate::grading::verdict::distinct_critical(&rules);
    let mut seen = std::collections::BTreeSet::new();
    critical
        .iter()
        .filter(|finding| distinct.contains(&finding.rule.to_string().as_str()) && seen.insert(finding.explain.as_str()))
        .map(|finding| finding.explain.as_str())
        .collect()
}

/// A typing record: the speed in the drill's unit, the accuracy, the time,
/// and the phrase beside what was typed.
fn typing_section(html: &mut String, card: &super::TypingCard) -> std::fmt::Result {
    let lang = card.lang;
    // A drill, not a quiz; its record's seed only tells file names apart, so it is not shown.
    let labels = [Msg::ReportTitle.get(lang), Msg::Trainee.get(lang), Msg::ReportWhen.get(lang), Msg::ReportDrill.get(lang), Msg::ReportSeed.get(lang)];
    header(html, labels, &card.trainee, card.when_utc.as_deref(), (card.title().get(lang), &card.activity_id()), None, &card.app_version, &card.content, lang)?;
    writeln!(
        html,
        "<p><span class=\"badge practice\">{}</span> <b>{:.0}</b> {} · {}: {:.0}% · {}: {:.1}s</p>",
        escape(Msg::Typing.get(lang)),
        card.speed,
        escape(Msg::PerMinute.get(lang)),
        escape(Msg::Accuracy.get(lang)),
        card.result.accuracy * 100.0,
        escape(Msg::ReportTime.get(lang)),
        card.secs
    )?;
    writeln!(html, "<p>{}</p><p>{}</p></section>", escape(&card.phrase), escape(&card.typed))
}

/// A verdict as a badge: 合格, 不合格, or no verdict (a session ended early).
fn verdict_badge(passed: Option<bool>, lang: Lang) -> String {
    let (class, word) = match passed {
        Some(true) => ("pass", Msg::Passed.get(lang)),
        Some(false) => ("fail", Msg::Failed.get(lang)),
        None => ("ended", Msg::Abandoned.get(lang)),
    };
    format!("<span class=\"badge {class}\">{word}</span>")
}

/// The line saying whose scorecard a review or dispute is about.
fn about_line(html: &mut String, about: &super::review_card::ScorecardRef, who: Option<(&str, &super::review_card::Reviewer)>, when: Option<&str>, lang: Lang) -> std::fmt::Result {
    let by = who.map(|(label, r)| format!("{label}: {} ({}) · ", escape(&r.name), escape(&r.id))).unwrap_or_default();
    writeln!(
        html,
        "<p class=\"meta\">{by}{}: {} · {}: {} ({}) · {}: {} [{}] · {}: {}</p>",
        Msg::ReportWhen.get(lang),
        escape(when.unwrap_or("—")),
        Msg::Trainee.get(lang),
        escape(&about.trainee.name),
        escape(&about.trainee.id),
        Msg::ReportScenario.get(lang),
        escape(about.scenario.title.get(lang)),
        escape(&about.scenario.id),
        Msg::ReviewScorecard.get(lang),
        escape(&about.id),
    )
}

/// A review: who and when, the auto score beside the reviewed one, every
/// judgement, added finding and override with its reason, a dispute's answer,
/// and the comment. Exported with its scorecard (`card`), a finding is named by
/// the grader's explanation; alone, by its reference (`2:apologise`), as the
/// reviewer wrote it.
fn review_section(html: &mut String, review: &super::ReviewCard, card: Option<&Scorecard>) -> std::fmt::Result {
    let lang = review.scorecard.scenario.lang;
    let named = |finding: &super::FindingRef| card.and_then(|card| finding.resolve(card)).map(|f| f.explain.clone()).unwrap_or_else(|| finding.to_string());
    writeln!(html, "<section><h1>{}</h1>", Msg::ReviewTitle.get(lang))?;
    about_line(html, &review.scorecard, Some((Msg::Reviewer.get(lang), &review.reviewer)), review.when_utc.as_deref(), lang)?;
    let state = if review.signed_off { Msg::ReviewStateSignedOff } else { Msg::ReviewStateReviewed };
    let score = &review.score;
    writeln!(
        html,
        "<p><span class=\"badge practice\">{}</span> {}: <b>{:.1}</b> {} → {}: <b>{:.1}</b> {} · {}: {:.0}</p>",
        state.get(lang),
        Msg::AutoScore.get(lang),
        score.auto,
        verdict_badge(score.auto_passed, lang),
        Msg::ReviewedScore.get(lang),
        score.reviewed,
        verdict_badge(score.reviewed_passed, lang),
        Msg::ReportPassMark.get(lang),
        score.pass_mark,
    )?;
    if !review.judgements.is_empty() {
        writeln!(html, "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>", Msg::ReviewJudgement.get(lang), Msg::ReviewFinding.get(lang), Msg::ReviewJudgement.get(lang), Msg::ReviewReason.get(lang))?;
        for judgement in &review.judgements {
            let (class, stance) = match judgement.stance {
                super::review_card::Stance::Agree => ("earned-item", Msg::ReviewAgree),
                super::review_card::Stance::Disagree => ("lost-item", Msg::ReviewDisagree),
            };
            writeln!(
                html,
                "<tr><td>{} · {}</td><td class=\"{class}\">{}</td><td>{}</td></tr>",
                Msg::ReportAnswerN.fill(lang, &[("n", &judgement.finding.reply)]),
                escape(&named(&judgement.finding)),
                stance.get(lang),
                escape(&judgement.reason)
            )?;
        }
        html.push_str("</table>\n");
    }
    if !review.added.is_empty() {
        writeln!(html, "<h2>{}</h2><table>", Msg::ReviewAdded.get(lang))?;
        for added in &review.added {
            let place = match added.message {
                Some(line) => Msg::ReviewLine.fill(lang, &[("n", &(line + 1))]),
                None => Msg::ReviewWholeAnswer.get(lang).to_string(),
            };
            writeln!(
                html,
                "<tr><td>{} · {}</td><td>{}</td><td>{}</td><td class=\"num\">{:+.1}</td><td>{}</td></tr>",
                Msg::ReportAnswerN.fill(lang, &[("n", &added.reply)]),
                escape(&place),
                escape(&added.rule),
                crate::grading::verdict::dimension_label(added.dimension).get(lang),
                added.points,
                escape(&added.comment)
            )?;
        }
        html.push_str("</table>\n");
    }
    if !review.overrides.is_empty() {
        writeln!(html, "<h2>{}</h2><table>", Msg::ReviewOverrides.get(lang))?;
        for over in &review.overrides {
            writeln!(
                html,
                "<tr><td>{}</td><td class=\"num\">{:.0}%</td><td>{}</td></tr>",
                crate::grading::verdict::dimension_label(over.dimension).get(lang),
                over.score_pct,
                escape(&over.reason)
            )?;
        }
        html.push_str("</table>\n");
    }
    if let Some(answer) = &review.answers {
        let decision = match answer.decision {
            super::review_card::Decision::Accepted => Msg::DisputeAccepted,
            super::review_card::Decision::Rejected => Msg::DisputeRejected,
        };
        writeln!(
            html,
            "<h2>{} {}</h2><p><b>{}</b> {}</p>",
            Msg::DisputeAnswered.get(lang),
            escape(&named(&answer.finding)),
            decision.get(lang),
            escape(&answer.answer)
        )?;
    }
    if !review.comment.is_empty() {
        writeln!(html, "<h2>{}</h2><p>{}</p>", Msg::ReviewComment.get(lang), escape(&review.comment))?;
    }
    html.push_str("</section>\n");
    Ok(())
}

/// A dispute: whose, about which finding (as the trainee saw it), and why.
fn dispute_section(html: &mut String, dispute: &super::DisputeCard) -> std::fmt::Result {
    let lang = dispute.scorecard.scenario.lang;
    writeln!(html, "<section><h1>{}</h1>", Msg::DisputeTitle.get(lang))?;
    about_line(html, &dispute.scorecard, None, dispute.when_utc.as_deref(), lang)?;
    writeln!(
        html,
        "<p>{}</p><ol class=\"findings\">{}</ol><p><b>{}:</b> {}</p></section>",
        Msg::ReportAnswerN.fill(lang, &[("n", &dispute.finding.reply)]),
        finding_item(1, &dispute.disputed, lang),
        Msg::ReviewReason.get(lang),
        escape(&dispute.reason)
    )
}

/// The quiz report's words, in the order the page uses them.
const QUIZ_WORDS: [Msg; 12] = [
    Msg::ReportTitle, Msg::Trainee, Msg::ReportWhen, Msg::ReportQuiz, Msg::ReportSeed, Msg::Score, Msg::ReportPassMark,
    Msg::ReportQuestion, Msg::ReportAnswer, Msg::RightAnswer, Msg::ReportWhy, Msg::ReportTime,
];

fn quiz_words(lang: Lang) -> [&'static str; 12] {
    QUIZ_WORDS.map(|msg| msg.get(lang))
}

fn quiz_section(html: &mut String, card: &QuizCard) -> std::fmt::Result {
    let lang = card.quiz.lang;
    let w = quiz_words(lang);
    let result = &card.result;
    let labels = [w[0], w[1], w[2], w[3], w[4]];
    header(html, labels, &card.trainee, card.when_utc.as_deref(), (card.title().get(lang), &card.activity_id()), Some(card.quiz.seed), &card.app_version, &card.content, lang)?;
    let right = result.marks.iter().flatten().filter(|m| m.right).count();
    let time_up = if result.timed_out { format!(" · {}", Msg::TimeUp.get(lang)) } else { String::new() };
    match card.quiz.mode.score_without_verdict(result.score_pct, lang) {
        // Practice and review have no verdict and no pass mark to show.
        Some(score) => writeln!(
            html,
            "<p><span class=\"badge practice\">{score}</span> ({right}/{}) · {}: {:.0}s{}</p>",
            card.items.len(),
            w[11],
            result.duration_secs,
            time_up,
        )?,
        None => {
            let verdict = if result.passed { ("pass", Msg::Passed.get(lang)) } else { ("fail", Msg::Failed.get(lang)) };
            writeln!(
                html,
                "<p><span class=\"badge {}\">{}</span> {}: <b>{:.1}%</b> ({right}/{}) · {}: {:.0}% · {}: {:.0}s{}</p>",
                verdict.0,
                verdict.1,
                w[5],
                result.score_pct,
                card.items.len(),
                w[6],
                result.pass_mark_pct,
                w[11],
                result.duration_secs,
                time_up,
            )?;
        }
    }
    writeln!(html, "<table><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr>", w[7], w[8], w[9])?;
    for (index, item) in card.items.iter().enumerate() {
        let mark = result.marks.get(index).and_then(Option::as_ref);
        let answer = card.answers.get(index).and_then(Option::as_ref).map(|a| shown(item, &crate::quiz::mark::answer_text(&a.answer), lang));
        let (class, sign) = match mark {
            Some(m) if m.right => ("earned-item", "✓".to_string()),
            Some(m) if m.score > 0.0 => ("lost-item", format!("{:.0}%", m.score * 100.0)),
            _ => ("lost-item", "✗".to_string()),
        };
        writeln!(
            html,
            "<tr><td class=\"num\">{}</td><td>{}<div class=\"meta\">{}: {}</div></td><td class=\"{class}\">{}</td><td>{}</td><td class=\"{class}\">{sign}</td></tr>",
            index + 1,
            escape(&item.prompt),
            w[10],
            escape(&item.explain),
            escape(answer.as_deref().unwrap_or("—")),
            escape(&shown(item, &mark.map(|m| m.expected.clone()).unwrap_or_else(|| crate::quiz::mark::expected(item)), lang)),
        )?;
    }
    html.push_str("</table></section>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn everything_dangerous_is_escaped() {
        assert_eq!(escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(escape("\"'&"), "&quot;&#39;&amp;");
    }
}
