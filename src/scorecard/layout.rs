//! How a scorecard's transcript is laid out, shared by the HTML report and the
//! app's scorecard screen: a message cut at the edges of its graded spans, and
//! which reply point's turn ends at each transcript line.

use super::Scorecard;
use crate::engine::Who;
use crate::grading::Finding;

/// A piece of a message and the findings whose spans cover it.
pub struct Segment<'a> {
    pub start: usize,
    pub end: usize,
    pub covering: Vec<&'a Finding>,
}

impl Segment<'_> {
    /// Any covering finding lost points (or failed the session).
    pub fn lost(&self) -> bool {
        self.covering.iter().any(|f| f.points < 0.0 || f.critical)
    }
}

/// `text` cut at every edge of the findings' spans (spans outside the text or
/// off character boundaries are ignored).
///
/// A finding covers the pieces that lie inside its span; since the pieces
/// partition the text, those are one run of consecutive pieces, found by two
/// binary searches over the cuts. So the work is the cuts' sort plus the size
/// of the answer, not pieces × findings (a message with 100,000 findings took
/// seconds that way).
pub fn segments<'a>(text: &str, findings: &[&'a Finding]) -> Vec<Segment<'a>> {
    let mut cuts = vec![0, text.len()];
    for finding in findings {
        if let Some(span) = finding.span
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
        {
            cuts.extend([span.start, span.end]);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces: Vec<Segment<'a>> =
        cuts.windows(2).map(|pair| Segment { start: pair[0], end: pair[1], covering: Vec::new() }).collect();
    // Findings in their given order, so each piece lists its findings in that order too.
    for finding in findings.iter().copied() {
        let Some(span) = finding.span.filter(|s| s.start < s.end) else { continue };
        let first = cuts.partition_point(|&cut| cut < span.start);
        let last = cuts.partition_point(|&cut| cut <= span.end).saturating_sub(1);
        for piece in pieces.get_mut(first..last).unwrap_or_default() {
            piece.covering.push(finding);
        }
    }
    pieces
}

/// The findings whose spans lie in transcript line `index`. Scans every
/// finding: to lay out a whole transcript, use `findings_by_line` once.
#[cfg(test)]
fn findings_on(card: &Scorecard, index: usize) -> Vec<&Finding> {
    card.replies.iter().flat_map(|r| &r.findings).filter(|f| f.span.is_some_and(|s| s.message == index)).collect()
}

/// For each transcript line, the findings whose spans lie in it (as
/// `findings_on` gives them), from one pass over the findings. A span naming a
/// line the transcript does not have is left out.
pub fn findings_by_line(card: &Scorecard) -> Vec<Vec<&Finding>> {
    let mut lines: Vec<Vec<&Finding>> = vec![Vec::new(); card.transcript.len()];
    for finding in card.replies.iter().flat_map(|r| &r.findings) {
        if let Some(line) = finding.span.and_then(|s| lines.get_mut(s.message)) {
            line.push(finding);
        }
    }
    lines
}

/// For each transcript line, the reply whose turn ends there. Replies are in
/// turn order and a node may be visited twice, so they are walked with a cursor.
pub fn turn_ends(card: &Scorecard) -> Vec<Option<usize>> {
    let transcript = &card.transcript;
    // The next line that is not a nudge, for every line, in one scan from the
    // end: a search forward from each line was quadratic in a run of nudges.
    let mut next_real = vec![None; transcript.len()];
    let mut after = None;
    for index in (0..transcript.len()).rev() {
        next_real[index] = after;
        if transcript[index].kind != crate::engine::EntryKind::Nudge {
            after = Some(index);
        }
    }
    // Each node's replies in order, so "the next reply of this node" is a
    // binary search, not a scan of every reply left (quadratic on a forged
    // record whose lines match no reply).
    let mut by_node: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (index, reply) in card.replies.iter().enumerate() {
        by_node.entry(reply.node.as_str()).or_default().push(index);
    }
    let mut next_reply = 0;
    transcript
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            // A nudge (在吗?) does not end the agent's turn: the agent may still
            // be answering the same reply point after it.
            let next = next_real[index].map(|i| &transcript[i]);
            let closes = entry.who == Who::Agent && next.is_none_or(|next| next.node != entry.node || next.who != Who::Agent);
            if !closes {
                return None;
            }
            let replies = by_node.get(entry.node.as_str())?;
            let reply = *replies.get(replies.partition_point(|&i| i < next_reply))?;
            next_reply = reply + 1;
            Some(reply)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Scorecard {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scorecard-v2.json");
        super::super::read(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn each_reply_ends_at_one_line_in_order_even_when_a_node_comes_back() {
        let mut card = fixture();
        let ends: Vec<usize> = turn_ends(&card).into_iter().flatten().collect();
        assert_eq!(ends, (0..card.replies.len()).collect::<Vec<_>>());
        // A loop back to the first node: the second visit gets the second reply, not the first again.
        let node = card.replies[0].node.clone();
        for reply in &mut card.replies {
            reply.node = node.clone();
        }
        for entry in &mut card.transcript {
            entry.node = node.clone();
        }
        let ends: Vec<usize> = turn_ends(&card).into_iter().flatten().collect();
        assert_eq!(ends.len(), ends.iter().collect::<std::collections::BTreeSet<_>>().len(), "no reply shown twice: {ends:?}");
    }

    #[test]
    fn segments_cover_the_text_and_know_what_lost_points() {
        let card = fixture();
        let index = card.transcript.iter().position(|e| e.who == Who::Agent).unwrap();
        let text = &card.transcript[index].text;
        let findings = findings_on(&card, index);
        let pieces = segments(text, &findings);
        assert_eq!(pieces.iter().map(|s| &text[s.start..s.end]).collect::<String>(), *text);
        assert!(pieces.iter().any(|s| !s.covering.is_empty()));
    }

    /// The layout as it was first written (a filter over every finding per
    /// piece): the reference the fast one must match exactly.
    /// The straightforward search turn_ends replaced (quadratic on forged records).
    fn naive_turn_ends(card: &Scorecard) -> Vec<Option<usize>> {
        let mut next_reply = 0;
        card.transcript
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                let next = card.transcript[index + 1..].iter().find(|next| next.kind != crate::engine::EntryKind::Nudge);
                let closes = entry.who == Who::Agent && next.is_none_or(|next| next.node != entry.node || next.who != Who::Agent);
                if !closes {
                    return None;
                }
                let offset = card.replies.get(next_reply..)?.iter().position(|r| r.node == entry.node)?;
                next_reply += offset + 1;
                Some(next_reply - 1)
            })
            .collect()
    }

    fn naive_segments(text: &str, findings: &[&Finding]) -> Vec<(usize, usize, Vec<*const Finding>)> {
        let mut cuts = vec![0, text.len()];
        for finding in findings {
            if let Some(span) = finding.span
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
            {
                cuts.extend([span.start, span.end]);
            }
        }
        cuts.sort();
        cuts.dedup();
        cuts.windows(2)
            .map(|pair| {
                let covering = findings
                    .iter()
                    .filter(|f| f.span.is_some_and(|s| s.start <= pair[0] && pair[1] <= s.end && s.start < s.end))
                    .map(|f| std::ptr::from_ref(*f))
                    .collect();
                (pair[0], pair[1], covering)
            })
            .collect()
    }

    fn finding(span: Option<(usize, usize, usize)>) -> Finding {
        static TEMPLATE: std::sync::OnceLock<Finding> = std::sync::OnceLock::new();
        let mut finding = TEMPLATE.get_or_init(|| fixture().replies[0].findings[0].clone()).clone();
        finding.span = span.map(|(message, start, end)| crate::grading::finding::Span { message, start, end });
        finding
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, .. ProptestConfig::default() })]

        /// Any spans (inside, past the end, reversed, empty, off a character
        /// boundary, huge): the same pieces, each with the same findings in the same order.
        #[test]
        fn segments_match_the_reference_for_any_spans(
            text in "[a亲,好 ]{0,24}",
            spans in prop::collection::vec(prop::option::of((0usize..3, 0usize..40, 0usize..40)), 0..12),
            huge in any::<bool>(),
        ) {
            let mut findings: Vec<Finding> = spans.into_iter().map(finding).collect();
            if huge && let Some(f) = findings.first_mut() {
                f.span = Some(crate::grading::finding::Span { message: usize::MAX, start: 1, end: usize::MAX });
            }
            let refs: Vec<&Finding> = findings.iter().collect();
            let fast: Vec<(usize, usize, Vec<*const Finding>)> = segments(&text, &refs)
                .into_iter()
                .map(|s| (s.start, s.end, s.covering.into_iter().map(std::ptr::from_ref).collect()))
                .collect();
            prop_assert_eq!(fast, naive_segments(&text, &refs));
        }

        /// One index of findings by line gives each line what `findings_on` gives it.
        #[test]
        fn findings_by_line_matches_findings_on(messages in prop::collection::vec(prop::option::of(0usize..20), 0..30)) {
            let mut card = fixture();
            let replies = card.replies.len();
            for (index, message) in messages.into_iter().enumerate() {
                let mut extra = finding(message.map(|m| (m, 0, 1)));
                extra.rule = crate::grading::RuleId::saved(format!("r{index}"));
                card.replies[index % replies].findings.push(extra);
            }
            let by_line = findings_by_line(&card);
            prop_assert_eq!(by_line.len(), card.transcript.len());
            for (index, line) in by_line.iter().enumerate() {
                let slow: Vec<*const Finding> = findings_on(&card, index).into_iter().map(std::ptr::from_ref).collect();
                let fast: Vec<*const Finding> = line.iter().copied().map(std::ptr::from_ref).collect();
                prop_assert_eq!(fast, slow);
            }
        }

        /// The indexed turn_ends gives what the straightforward search gives,
        /// on any mix of buyers, agents, nudges and nodes (forged or not).
        #[test]
        fn turn_ends_matches_the_reference(
            lines in prop::collection::vec((0u8..3, any::<bool>(), 0u8..3), 0..40),
            reply_nodes in prop::collection::vec(0u8..4, 0..12),
        ) {
            use crate::engine::EntryKind;
            let mut card = fixture();
            let template_line = card.transcript[0].clone();
            let template_reply = card.replies[0].clone();
            card.transcript = lines
                .into_iter()
                .map(|(who, nudge, node)| {
                    let mut line = template_line.clone();
                    line.who = [Who::Buyer, Who::Agent, Who::System][who as usize];
                    line.kind = if nudge { EntryKind::Nudge } else { EntryKind::Message };
                    line.node = format!("n{node}");
                    line
                })
                .collect();
            card.replies = reply_nodes
                .into_iter()
                .map(|node| {
                    let mut reply = template_reply.clone();
                    reply.node = format!("n{node}");
                    reply
                })
                .collect();
            prop_assert_eq!(turn_ends(&card), naive_turn_ends(&card));
        }
    }
}
