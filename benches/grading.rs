//! Benchmarks: grade one typical reply (target: median under 20 µs), alone and
//! answering the buyer's message, grade one loose text (`kefu grade-text`), and run one scenario end to end.

use criterion::{Criterion, criterion_group, criterion_main};
use kefu::content::Course;
use kefu::content::raw::{Lang, Node};
use kefu::engine::{Bundle, run_plan};
use kefu::grading::Turn;
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

fn bench(c: &mut Criterion) {
    let bundle = Arc::new(Bundle::new(Course::load(&[], Path::new(env!("CARGO_MANIFEST_DIR")))));
    let scenario = bundle.course.scenario("wrong-colour-thermos").expect("bundled").clone();
    let Some(Node::Agent { rubric, .. }) = scenario.nodes.get(&"solution".to_string()) else { panic!("node") };
    let messages = vec!["核实好了,是我们仓库发错了,非常抱歉!马上为您免费补发白色款,48小时内发出,黑色的不用寄回哦".to_string()];
    let earlier = kefu::grading::Earlier::default();
    let turn = Turn { messages: &messages, response_secs: Some(6.0), actions: &[], timed_out: false, earlier: &earlier, asked: None };
    // Sanity: the measured reply is graded for real (facts, steps, tone all found).
    let grade = bundle.grader.grade_turn(&scenario, "solution", rubric, &turn);
    assert!(grade.found.contains("offer_resend") && grade.score > 50.0, "{grade:#?}");

    c.bench_function("grade one typical reply", |b| {
        b.iter(|| black_box(bundle.grader.grade_turn(&scenario, "solution", rubric, black_box(&turn))))
    });
    // In the app every turn answers the buyer's last message, which is read for
    // how-to questions, names and an upset mood: the same reply, answering one.
    let asked = "收到的保温杯颜色发错了,根本不是我要的白色!";
    let answering = Turn { asked: Some(asked), ..turn };
    c.bench_function("grade one typical reply to the buyer's message", |b| {
        b.iter(|| black_box(bundle.grader.grade_turn(&scenario, "solution", rubric, black_box(&answering))))
    });
    c.bench_function("grade-text one reply", |b| {
        b.iter(|| black_box(bundle.grader.grade_text(black_box("亲,非常抱歉给您添麻烦了,麻烦您提供一下订单号"), Lang::Zh)))
    });
    let example = scenario.examples[0].replies.clone();
    c.bench_function("run one scenario end to end", |b| {
        b.iter(|| black_box(run_plan(bundle.clone(), "wrong-colour-thermos", 7, black_box(&example)).unwrap()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
