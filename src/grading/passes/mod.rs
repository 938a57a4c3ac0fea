//! The grading passes: one small file per job a turn is graded on, run in
//! order by `Grader::grade_turn` over one shared per-turn context.
//!
//! The shape is the content checker's (`content::check::PASSES`): a pass is a
//! name, a sentence, and a function that adds findings to the grade being
//! built. To add a grading rule, write one file here (a `run`, and a `weight`
//! if it scores a weighted dimension of its own) and list it in `PASSES`.

mod actions_expected;
mod actions_taken;
mod context;
mod critical;
mod facts_asked;
mod facts_unasked;
mod platform_rules;
mod speed;
mod steps_forbidden;
mod steps_required;
mod tone;
mod tone_minimum;

#[cfg(test)]
mod test_support;

pub(crate) use context::{Draft, TurnContext};
pub use speed::TARGET_RESPONSE_SECS;

use super::finding::Dimension;

/// A named grading pass.
pub(crate) struct Pass {
    // Read only by the test that checks ARCHITECTURE.md's table of passes.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    #[cfg_attr(not(test), allow(dead_code))]
    pub about: &'static str,
    /// The weighted dimension this pass scores and its base weight, when the
    /// dimension applies to this turn (`None`: it adds no weight). One pass
    /// per dimension says so; the weights that apply are rescaled to 100.
    pub weight: fn(&TurnContext) -> Option<(Dimension, f64)>,
    pub run: fn(&TurnContext, &mut Draft),
}

/// The passes' names and what each finds, in the order they run.
#[cfg(test)]
pub fn names() -> impl Iterator<Item = (&'static str, &'static str)> {
    PASSES.iter().map(|pass| (pass.name, pass.about))
}

/// For passes that score inside a dimension another pass weighs, or outside the weights.
fn no_weight(_: &TurnContext) -> Option<(Dimension, f64)> {
    None
}

/// Every pass, in the order they run; findings come out in this order, and
/// records keep it, so a new pass goes where its findings should be listed.
/// Later passes may read what earlier ones left in the draft (the steps pass
/// reads the wrong facts; the critical pass reads the whole grade).
pub(crate) const PASSES: &[Pass] = &[
    Pass { name: "facts-asked", about: "the rubric's facts: right, missing or wrong", weight: facts_asked::weight, run: facts_asked::run },
    Pass { name: "facts-unasked", about: "facts nobody asked about, stated wrongly (or rightly, remembered)", weight: no_weight, run: facts_unasked::run },
    Pass { name: "steps-required", about: "the rubric's required steps, done, done earlier, or done with a wrong fact", weight: steps_required::weight, run: steps_required::run },
    Pass { name: "steps-forbidden", about: "steps, tone markers or rules the reply point forbids", weight: no_weight, run: steps_forbidden::run },
    Pass { name: "tone", about: "the tone tally (courtesy, softeners, faults, capitals), or no reply at all", weight: tone::weight, run: tone::run },
    Pass { name: "tone-minimum", about: "a tone band below the rubric's minimum", weight: no_weight, run: tone_minimum::run },
    Pass { name: "platform-rules", about: "platform rules broken, by severity; critical ones fail the session", weight: no_weight, run: platform_rules::run },
    Pass { name: "speed", about: "response time against the 5-second target", weight: speed::weight, run: speed::run },
    Pass { name: "actions-expected", about: "order actions the rubric expects, now or earlier", weight: actions_expected::weight, run: actions_expected::run },
    Pass { name: "actions-taken", about: "order actions refused, forbidden here, or giving money nobody needed", weight: no_weight, run: actions_taken::run },
    Pass { name: "critical", about: "the rubric's critical conditions that hold (they fail the session)", weight: no_weight, run: critical::run },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn architecture_md_lists_every_pass() {
        let doc = include_str!("../../../ARCHITECTURE.md");
        for (name, _) in names() {
            assert!(doc.contains(&format!("| {name} |")), "ARCHITECTURE.md's grading passes table lacks {name}");
        }
    }

    #[test]
    fn names_are_unique_and_each_dimension_is_weighed_once() {
        let mut names: Vec<&str> = PASSES.iter().map(|p| p.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), PASSES.len());
        // Over every bundled reply point: no dimension gets two weights.
        test_support::each_reply_point(|cx| {
            let mut seen: Vec<Dimension> = PASSES.iter().filter_map(|p| (p.weight)(cx)).map(|(d, _)| d).collect();
            let all = seen.len();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), all, "a dimension weighed twice");
        });
    }
}
