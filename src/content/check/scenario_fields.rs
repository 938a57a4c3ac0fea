//! Pass `scenario-fields`: values that parse but make no sense: difficulty out of
//! range, patience timings, empty texts, unknown `{placeholders}`, a buyer who
//! writes in the other language.

use crate::text::Quoted;
use super::{Context, node_position};
use crate::content::diagnostic::Diagnostic;
use crate::content::raw::{Lang, Node, Scenario};
use crate::content::source::SourceFile;

/// Placeholders a buyer line may use; each is filled per session from the seeded draw.
pub const PLACEHOLDERS: [&str; 5] = ["buyer", "order_no", "tracking_no", "product", "shop"];

pub fn run(context: &Context, out: &mut Vec<Diagnostic>) {
    for (source, scenario) in &context.scenarios {
        check_header(source, scenario, out);
        for (node_id, node) in scenario.nodes.iter() {
            let at = || node_position(source, node_id);
            let lines: &[String] = match node {
                Node::Buyer { say, .. } => {
                    if say.is_empty() {
                        out.push(source.error("empty-text", at(), format!("buyer node {} says nothing", Quoted(node_id))));
                    }
                    say
                }
                Node::End { say, .. } => say,
                Node::Agent { rubric, .. } => {
                    if !(rubric.weight.is_finite() && rubric.weight > 0.0) {
                        out.push(source.error(
                            "out-of-range",
                            source.find_from(at(), "weight"),
                            format!("weight {} must be a number above 0", rubric.weight),
                        ));
                    }
                    &[]
                }
            };
            for (index, line) in lines.iter().enumerate() {
                let line_at = || source.locate_nth(&[], &Quoted(line).to_string(), 0).max(at());
                if line.trim().is_empty() {
                    out.push(source.error("empty-text", at(), format!("line {} of node {} is empty", index + 1, Quoted(node_id))));
                }
                check_placeholders(source, scenario, line, line_at, out);
                check_language(source, scenario.lang, line, line_at, out);
            }
        }
        for nudge in &scenario.buyer.nudges {
            check_placeholders(source, scenario, nudge, || source.find_from(0, "nudges"), out);
        }
    }
}

fn check_header(source: &SourceFile, scenario: &Scenario, out: &mut Vec<Diagnostic>) {
    if !(1..=5).contains(&scenario.difficulty) {
        out.push(source.error(
            "out-of-range",
            source.find_from(0, "difficulty"),
            format!("difficulty {} is outside 1 (first day) to 5 (senior agent)", scenario.difficulty),
        ));
    }
    if scenario.goals.is_empty() {
        out.push(source.warning("empty-text", source.find_from(0, "goals"), "no learning goals: the briefing will be empty"));
    }
    let buyer = &scenario.buyer;
    let buyer_at = || source.find_from(0, "buyer:");
    if buyer.names.is_empty() || buyer.names.iter().any(|n| n.trim().is_empty()) {
        out.push(source.error("empty-text", buyer_at(), "the buyer needs at least one non-empty name"));
    }
    if !(buyer.nudge_after_secs.is_finite() && buyer.nudge_after_secs > 0.0) {
        out.push(source.error(
            "bad-timing",
            source.find_from(buyer_at(), "nudge_after_secs"),
            "nudge_after_secs must be more than 0",
        ));
    }
    if !buyer.leave_after_secs.is_finite() || buyer.leave_after_secs <= buyer.nudge_after_secs {
        out.push(
            source
                .error(
                    "bad-timing",
                    source.find_from(buyer_at(), "leave_after_secs"),
                    format!(
                        "the buyer leaves after {} s but only nudges after {} s; leaving must come later",
                        buyer.leave_after_secs, buyer.nudge_after_secs
                    ),
                )
                .with_help("typical values: nudge after 20–40 s, leave after 90–180 s"),
        );
    }
    if !(buyer.reads_after_secs.is_finite() && (0.5..=30.0).contains(&buyer.reads_after_secs)) {
        out.push(
            source
                .error(
                    "bad-timing",
                    source.find_from(buyer_at(), "reads_after_secs"),
                    format!("reads_after_secs is {}; the buyer must read between 0.5 and 30 s after the agent stops", buyer.reads_after_secs),
                )
                .with_help("3 s suits most buyers; an impatient buyer reads sooner (2 s), a slow one later (5 s)"),
        );
    }
    if scenario.products.is_empty() && scenario.order.is_none() {
        out.push(source.warning(
            "no-products",
            source.find_from(0, "category"),
            "this scenario names no products and no order: the product card and order panel will be empty",
        ));
    }
}

fn check_placeholders(
    source: &SourceFile,
    scenario: &Scenario,
    line: &str,
    at: impl Fn() -> usize,
    out: &mut Vec<Diagnostic>,
) {
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            out.push(source.error("unknown-placeholder", at(), "a `{` is never closed with `}`"));
            return;
        };
        let name = &rest[open + 1..open + close];
        if !PLACEHOLDERS.contains(&name) {
            out.push(
                source
                    .error("unknown-placeholder", at(), format!("unknown placeholder {{{name}}}"))
                    .with_help(format!("known placeholders: {}", PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", "))),
            );
        } else if (name == "order_no" && scenario.order.is_none())
            || (name == "tracking_no" && scenario.order.as_ref().is_none_or(|o| o.shipment.is_none()))
        {
            out.push(source.error(
                "unknown-placeholder",
                at(),
                format!("{{{name}}} is used but the scenario has no {}", if name == "order_no" { "order" } else { "shipment" }),
            ));
        }
        rest = &rest[open + close + 1..];
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

fn check_language(source: &SourceFile, lang: Lang, line: &str, at: impl Fn() -> usize, out: &mut Vec<Diagnostic>) {
    let has_cjk = line.chars().any(is_cjk);
    let has_latin_word = line.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() >= 4);
    let mismatch = match lang {
        Lang::Zh => !has_cjk && has_latin_word,
        Lang::En => has_cjk,
    };
    if mismatch {
        out.push(source.warning(
            "language-mismatch",
            at(),
            format!("this {lang} scenario has a buyer line in another language: {}", Quoted(line)),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn difficulty_and_timing_out_of_range() {
        let scenario = SCENARIO
            .replace("difficulty: 2", "difficulty: 9")
            .replace("leave_after_secs: 120", "leave_after_secs: 10");
        let codes = codes(&check_with(&scenario, &[]));
        assert!(codes.contains(&"out-of-range") && codes.contains(&"bad-timing"), "{codes:?}");
    }

    #[test]
    fn a_buyer_who_reads_too_late_or_never_is_reported_at_the_setting() {
        for secs in ["0", "45", "-1"] {
            let scenario = SCENARIO.replace("leave_after_secs: 120", &format!("leave_after_secs: 120, reads_after_secs: {secs}"));
            let report = check_with(&scenario, &[]);
            let found = report.diagnostics.iter().find(|d| d.code == "bad-timing").unwrap_or_else(|| panic!("{secs}: {:?}", report.diagnostics));
            assert!(found.message.contains("reads_after_secs"), "{}", found.message);
        }
        let fine = SCENARIO.replace("leave_after_secs: 120", "leave_after_secs: 120, reads_after_secs: 5");
        assert!(check_with(&fine, &[]).diagnostics.is_empty());
    }

    #[test]
    fn unknown_placeholder_is_an_error() {
        let scenario = SCENARIO.replace("颜色发错了", "订单{order_number}颜色发错了");
        let report = check_with(&scenario, &[]);
        let d = report.diagnostics.iter().find(|d| d.code == "unknown-placeholder").expect("reported");
        assert!(d.message.contains("order_number"));
        assert_eq!(d.line, scenario.lines().position(|l| l.contains("order_number")).unwrap() + 1);
    }

    #[test]
    fn known_placeholders_pass() {
        let scenario = SCENARIO.replace("颜色发错了", "订单{order_no}颜色发错了,我是{buyer}");
        assert!(check_with(&scenario, &[]).diagnostics.is_empty());
    }
}
