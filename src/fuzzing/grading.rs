//! Fuzz target `grading`: bytes → a reply (UTF-8, lossy) graded by the bundled
//! course's Grader (grade_text in both languages, grade_turn at every reply
//! point of one scenario), then fed to the engine as the trainee's replies.

use crate::content::raw::{Lang, Node, TimedInput};
use crate::engine::run_plan;
use crate::grading::{Earlier, Turn};

/// A turn is the messages sent before the buyer reads; lines stand in for them.
const MAX_MESSAGES: usize = 8;

pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let bundle = super::bundle();
    for lang in [Lang::Zh, Lang::En] {
        let _ = bundle.grader.grade_text(&text, lang);
    }
    // The scenario follows from the input itself, so a saved crash replays alone.
    let scenarios = &bundle.course.scenarios;
    let Some(scenario) = scenarios.get(data.len() % scenarios.len().max(1)) else { return };
    let messages: Vec<String> = text.split('\n').take(MAX_MESSAGES).map(str::to_string).collect();
    let earlier = Earlier::default();
    for (id, node) in scenario.nodes.iter() {
        let Node::Agent { rubric, .. } = node else { continue };
        for timed_out in [false, true] {
            let turn = Turn { messages: &messages, response_secs: Some(3.0), actions: &[], timed_out, earlier: &earlier, asked: None };
            let _ = bundle.grader.grade_turn(scenario, id, rubric, &turn);
        }
    }
    // The whole text as every reply, quickly and then after a pause: the engine
    // must answer with events or a typed error (too long, empty), never panic.
    let inputs = [TimedInput::say(2.0, &text), TimedInput::say(40.0, &text), TimedInput::say(2.0, &text)];
    let _ = run_plan(bundle.clone(), &scenario.id, data.first().copied().unwrap_or(0) as u64, &inputs);
}
