//! Pass `examples`: every scenario pins a good answer (Pass) and a poor one
//! (Fail), and each scripted input is well formed. Running the examples through
//! the grader is added by the grading layer; this pass checks what can be known
//! without grading.

use crate::text::Quoted;
use super::{Context, example_position};
use crate::content::diagnostic::Diagnostic;
use crate::content::raw::Expect;

pub fn run(context: &Context, out: &mut Vec<Diagnostic>) {
    for (source, scenario) in &context.scenarios {
        for (expect, name, what) in [(Expect::Pass, "Pass", "a good answer that must pass"), (Expect::Fail, "Fail", "a poor answer that must fail")] {
            if !scenario.examples.iter().any(|e| e.expect == expect) {
                out.push(
                    source
                        .warning("missing-example", source.find_from(0, "examples"), format!("no {name} example: pin {what}"))
                        .with_help("examples: [(name: \"good\", expect: Pass, replies: [(after_secs: 3, say: \"...\")])]"),
                );
            }
        }
        for (index, example) in scenario.examples.iter().enumerate() {
            // Located only when something is reported: checking clean content should not scan the text.
            let at = || example_position(source, index);
            if example.replies.is_empty() {
                out.push(source.error("bad-example", at(), format!("example {} has no replies", Quoted(&example.name))));
            }
            for (step, input) in example.replies.iter().enumerate() {
                let n = step + 1;
                match (&input.say, &input.act) {
                    (Some(_), Some(_)) => out.push(source.error(
                        "bad-example",
                        at(),
                        format!("example {}, input {n}: give either `say` or `act`, not both", Quoted(&example.name)),
                    )),
                    (None, None) => out.push(source.error(
                        "bad-example",
                        at(),
                        format!("example {}, input {n}: needs `say: \"...\"` or `act: ...`", Quoted(&example.name)),
                    )),
                    (Some(text), None) if text.trim().is_empty() => out.push(source.error(
                        "bad-example",
                        at(),
                        format!("example {}, input {n}: says nothing", Quoted(&example.name)),
                    )),
                    _ => {}
                }
                if !(input.after_secs.is_finite() && input.after_secs >= 0.0) {
                    out.push(source.error(
                        "bad-example",
                        at(),
                        format!("example {}, input {n}: after_secs must be 0 or more", Quoted(&example.name)),
                    ));
                }
            }
            for id in &example.findings {
                if !context.lexicon_entries.contains_key(id.as_str()) {
                    out.push(source.error(
                        "unknown-step",
                        source.find_from(at(), &crate::content::source::quoted(id)),
                        format!("example {} expects finding {}, which no lexicon defines", Quoted(&example.name), Quoted(id)),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn a_scenario_without_a_fail_example_is_warned() {
        let scenario = SCENARIO.replace("(name: \"bad\", expect: Fail, replies: [(after_secs: 3, say: \"你自己看错了\")]),", "");
        let report = check_with(&scenario, &[]);
        assert_eq!(codes(&report), ["missing-example"]);
        assert_eq!(report.errors(), 0);
    }

    #[test]
    fn an_input_with_both_say_and_act_is_an_error() {
        let scenario = SCENARIO.replace("(after_secs: 3, say: \"抱歉\")", "(after_secs: 3, say: \"抱歉\", act: Escalate)");
        let report = check_with(&scenario, &[]);
        let d = report.diagnostics.iter().find(|d| d.code == "bad-example").expect("reported");
        assert_eq!(d.line, scenario.lines().position(|l| l.contains("name: \"good\"")).unwrap() + 1);
    }
}
