//! Test helpers for the grading passes: the bundled course graded once, and
//! one call to grade a turn at a named reply point.

use super::TurnContext;
use crate::content::Course;
use crate::content::raw::{Node, Rubric, Scenario};
use crate::grading::reply::{Earlier, ReplyGrade, TakenAction, Turn};
use crate::grading::Grader;
use std::path::Path;
use std::sync::OnceLock;

fn bundled() -> &'static (Course, Grader) {
    static BUNDLED: OnceLock<(Course, Grader)> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        let course = Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")));
        let grader = Grader::new(&course);
        (course, grader)
    })
}

/// The bundled course's grader.
pub fn grader() -> &'static Grader {
    &bundled().1
}

fn point(scenario: &str, node: &str) -> (&'static Scenario, &'static Rubric) {
    let scenario = bundled().0.scenario(scenario).expect("bundled scenario");
    let Some(Node::Agent { rubric, .. }) = scenario.nodes.get(&node.to_string()) else { panic!("no reply point {node}") };
    (scenario, rubric)
}

/// The whole `grade_turn` at a bundled reply point, answered after 3 s.
pub fn grade_at(scenario: &str, node: &str, messages: &[&str]) -> ReplyGrade {
    grade_with(scenario, node, messages, &[], Some(3.0), &Earlier::default())
}

/// The whole `grade_turn`, with actions, a response time and an earlier conversation.
pub fn grade_with(
    scenario: &str,
    node: &str,
    messages: &[&str],
    actions: &[TakenAction],
    response_secs: Option<f64>,
    earlier: &Earlier,
) -> ReplyGrade {
    let (scenario, rubric) = point(scenario, node);
    let messages: Vec<String> = messages.iter().map(|m| m.to_string()).collect();
    let timed_out = messages.is_empty();
    let turn = Turn { messages: &messages, response_secs, actions, timed_out, earlier, asked: None };
    bundled().1.grade_turn(scenario, node, rubric, &turn)
}

/// Calls `f` with a context for a plain reply at every bundled reply point.
pub fn each_reply_point(mut f: impl FnMut(&TurnContext)) {
    let (course, grader) = bundled();
    let messages = vec!["您好,非常抱歉".to_string()];
    let earlier = Earlier::default();
    for scenario in &course.scenarios {
        for (_, node) in scenario.nodes.iter() {
            let Node::Agent { rubric, .. } = node else { continue };
            let turn = Turn { messages: &messages, response_secs: Some(3.0), actions: &[], timed_out: false, earlier: &earlier, asked: None };
            f(&TurnContext::new(grader, scenario, rubric, &turn));
        }
    }
}
