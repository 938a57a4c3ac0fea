//! A calibration round's report in words people read (labels in the reader's
//! language, shared by `kefu calibrate report` and the app), as CSV (BOM,
//! neutralised formulas) and as one printable HTML page with no script.

use super::calibration::CalibrationRound;
use super::calibration_report::{Item, ItemKind, Rating, RoundReport};
use super::csv::{BOM, id_cell, neutralise};
use super::html::escape;
use crate::content::raw::Lang;
use crate::grading::verdict::dimension_label;
use crate::i18n::Msg;
use std::fmt::Write as _;
use std::io::Write;

/// A rating in words: 同意, 不同意, 未调整, 调整为 75–100%, or not submitted.
pub fn rating_label(rating: Option<Rating>, lang: Lang) -> String {
    match rating {
        None => Msg::CalibNotSubmitted.get(lang).into(),
        Some(Rating::Agree) => Msg::ReviewAgree.get(lang).into(),
        Some(Rating::Disagree) => Msg::ReviewDisagree.get(lang).into(),
        Some(Rating::NoOverride) => Msg::CalibNoOverride.get(lang).into(),
        Some(Rating::Band(band)) => {
            let (from, to) = Rating::band_range(band);
            Msg::CalibBand.fill(lang, &[("from", &from), ("to", &to)])
        }
    }
}

/// The scorecard an item is about: 王小明 (e1) · 发错颜色的保温杯.
pub fn scorecard_label(round: &CalibrationRound, position: usize, lang: Lang) -> String {
    match round.scorecards.get(position) {
        Some(card) => format!("{} ({}) · {}", card.trainee.name, card.trainee.id, card.scenario.title.get(lang)),
        None => String::new(),
    }
}

/// The item in words: 第 2 次回复 · the grader's explanation, or a dimension's name.
pub fn item_label(item: &Item, lang: Lang) -> String {
    match &item.kind {
        ItemKind::Finding { reference, explain } => format!("{} · {explain}", Msg::ReportAnswerN.fill(lang, &[("n", &reference.reply)])),
        ItemKind::Dimension(dimension) => dimension_label(*dimension).get(lang).to_string(),
    }
}

/// 0.667 → "66.7%"; none → "—".
pub fn percent(share: Option<f64>) -> String {
    share.map_or("—".into(), |s| format!("{:.1}%", s * 100.0))
}

/// α to three decimals; undefined (no variation, or nothing pairable) → "—".
pub fn alpha_text(alpha: Option<f64>) -> String {
    alpha.map_or("—".into(), |a| format!("{a:.3}"))
}

/// The raters' names: the grader, then each reviewer with their id.
pub fn rater_names(round: &CalibrationRound, lang: Lang) -> Vec<String> {
    std::iter::once(Msg::CalibGrader.get(lang).to_string()).chain(round.reviewers.iter().map(|r| format!("{} ({})", r.name, r.id))).collect()
}

/// One row per item, widest spread first: the scorecard (record id, trainee
/// id), the item (a finding reference or `dimension:<name>`), its label, each
/// rater's rating as the CSV spells it, and the item's agreement.
pub fn write_csv(out: impl Write, round: &CalibrationRound, report: &RoundReport, lang: Lang) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(BOM)?;
    let mut writer = ::csv::Writer::from_writer(out);
    let mut header: Vec<String> = ["scorecard", "trainee_id", "item", "label"].into_iter().map(String::from).collect();
    header.push("grader".into());
    header.extend(round.reviewers.iter().map(|r| neutralise(&format!("reviewer:{}", r.id))));
    header.push("agreement_pct".into());
    writer.write_record(&header)?;
    for item in &report.items {
        let card = round.scorecards.get(item.scorecard);
        let what = match &item.kind {
            ItemKind::Finding { reference, .. } => reference.to_string(),
            ItemKind::Dimension(dimension) => format!("dimension:{}", dimension.name()),
        };
        let mut row = vec![
            neutralise(card.map(|c| c.id.as_str()).unwrap_or_default()),
            id_cell(card.map(|c| c.trainee.id.as_str()).unwrap_or_default()),
            neutralise(&what),
            neutralise(&item_label(item, lang)),
        ];
        row.extend(item.ratings.iter().map(|r| r.map(Rating::name).unwrap_or_default()));
        row.push(item.agreement.map(|a| format!("{:.1}", a * 100.0)).unwrap_or_default());
        writer.write_record(&row)?;
    }
    writer.flush()
}

const STYLE: &str = r#"
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
       font-size: 9pt; color: #1d1d1f; margin: 0 auto; line-height: 1.35; }
h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11.5pt; margin: 5mm 0 2mm; border-bottom: 1px solid #ccc; }
.meta { color: #555; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d0d0d0; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } tr { page-break-inside: avoid; } .differs { background: #fff3cd; }
"#;

/// The round's report as one printable page in `lang`, with no script.
pub fn write_html(mut out: impl Write, round: &CalibrationRound, report: &RoundReport, lang: Lang) -> std::io::Result<()> {
    let mut html = String::new();
    page(&mut html, round, report, lang).map_err(std::io::Error::other)?;
    out.write_all(html.as_bytes())
}

fn page(html: &mut String, round: &CalibrationRound, report: &RoundReport, lang: Lang) -> std::fmt::Result {
    let title = Msg::CalibReportTitle.fill(lang, &[("name", &round.name)]);
    writeln!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\n<h1>{title}</h1>",
        if lang == Lang::Zh { "zh-CN" } else { "en" },
        title = escape(&title),
    )?;
    for line in summary_lines(round, report, lang) {
        writeln!(html, "<p class=\"meta\">{}</p>", escape(&line))?;
    }
    writeln!(html, "<table>\n<tr><th>{}</th><th>{}</th>", escape(Msg::ReviewScorecard.get(lang)), escape(Msg::CalibItem.get(lang)))?;
    for name in rater_names(round, lang) {
        write!(html, "<th>{}</th>", escape(&name))?;
    }
    writeln!(html, "<th>{}</th></tr>", escape(Msg::CalibAgreement.get(lang)))?;
    for item in &report.items {
        let differs = if item.spread() > 1 { " class=\"differs\"" } else { "" };
        write!(html, "<tr{differs}><td>{}</td><td>{}</td>", escape(&scorecard_label(round, item.scorecard, lang)), escape(&item_label(item, lang)))?;
        for rating in &item.ratings {
            write!(html, "<td>{}</td>", escape(&rating_label(*rating, lang)))?;
        }
        writeln!(html, "<td>{}</td></tr>", escape(&percent(item.agreement)))?;
    }
    writeln!(html, "</table>\n<p class=\"meta\">{}</p>\n</body></html>", escape(Msg::CalibAlphaNote.get(lang)))
}

/// The lines above the table: organiser and time, progress, agreement and α,
/// and any scorecard not found.
pub fn summary_lines(round: &CalibrationRound, report: &RoundReport, lang: Lang) -> Vec<String> {
    let mut lines = vec![
        format!("{}: {} ({}) · {}", Msg::CalibOrganiser.get(lang), round.organiser.name, round.organiser.id, round.when_utc.as_deref().unwrap_or("—")),
        Msg::CalibProgress.fill(lang, &[("n", &report.progress.submitted), ("m", &report.progress.reviewers)]),
        format!(
            "{}: {} · {}: {} · {}",
            Msg::CalibAgreement.get(lang),
            percent(report.agreement),
            Msg::CalibAlpha.get(lang),
            alpha_text(report.alpha),
            Msg::CalibItems.fill(lang, &[("n", &report.items.len())])
        ),
    ];
    lines.extend(report.missing.iter().map(|position| Msg::CalibMissing.fill(lang, &[("card", &scorecard_label(round, *position, lang))])));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorecard::calibration::tests::{review_by, round};
    use crate::scorecard::calibration_report::report;
    use crate::scorecard::review_card::tests::card;

    #[test]
    fn csv_and_html_carry_every_rater_and_no_script() {
        let card = card();
        let mut round = round(&card);
        round.reviewers[0].name = "=cmd|' /C calc'!A0".into();
        let (a, b) = (review_by(&card, &round, "s01"), review_by(&card, &round, "s02"));
        let report = report(&round, &[&card], &[&a, &b]);
        let mut csv = Vec::new();
        write_csv(&mut csv, &round, &report, Lang::En).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(csv.starts_with("\u{feff}scorecard,trainee_id,item,label,grader,reviewer:s01,reviewer:s02,agreement_pct\n"), "{csv}");
        assert_eq!(csv.lines().count(), report.items.len() + 1);
        assert!(csv.contains(",disagree,disagree,66.7\n") || csv.contains(",agree,disagree,disagree,33.3\n"), "{csv}");
        let mut html = Vec::new();
        write_html(&mut html, &round, &report, Lang::Zh).unwrap();
        let html = String::from_utf8(html).unwrap();
        assert!(!html.contains("<script"), "no script, the reviewers' words escaped");
        assert!(html.contains("评分器") && html.contains("2/2 位复核人已提交"), "{html}");
        assert!(html.contains("=cmd|&#39; /C calc&#39;!A0") || html.contains("=cmd|' /C calc'!A0"));
    }
}
