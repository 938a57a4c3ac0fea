//! Cheap deterministic mutations for the stable smoke run: bit flips, byte
//! swaps, truncations, deletions, duplications, splices and tokens. No coverage
//! feedback (that is what `cargo fuzz` adds); a fixed seed, so a failure in CI
//! happens again on any machine.

/// Inputs grow by duplication; past this they test the size limits, not the
/// parsers, and only slow the run down.
pub const MAX_LEN: usize = 64 * 1024;

/// Pieces of the three input languages (RON content, replies, record JSON) that
/// a random byte rarely makes: structure, numbers at the edges, tricky text.
const TOKENS: &[&str] = &[
    "Any([", "All([", "Not(", "Some(", "None", "()", "[]", "{}", "\"\"", ",", ":", "\\u0000", "\\ud800", "null",
    "true", "-1", "0", "-0.0", "1e308", "1e-320", "NaN", "inf", "4294967296", "18446744073709551616",
    "\"schema_version\": 1", "\"schema_version\": 2", "\"kind\": \"quiz\"", "亲", "您好", "抱歉", "退款", "补发",
    "五百", "九块九", "５００", "ml", "元", "48小时", "不", "吗?", "如果", "\u{200b}", "\u{feff}", "\u{202e}",
    "\r\n", "\n", "=HYPERLINK(", "<script>", "𝟘", "é", "ﬃ",
];

/// A splitmix64 stream: tiny, fast and the same everywhere.
pub struct Mutator {
    state: u64,
}

impl Mutator {
    pub fn new(seed: u64) -> Mutator {
        Mutator { state: seed }
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    /// A copy of `input` with one to four mutations; `others` feeds the splices.
    pub fn mutate(&mut self, input: &[u8], others: &[Vec<u8>]) -> Vec<u8> {
        let mut out = input.to_vec();
        for _ in 0..1 + self.below(4) {
            self.once(&mut out, others);
        }
        out.truncate(MAX_LEN);
        out
    }

    fn once(&mut self, out: &mut Vec<u8>, others: &[Vec<u8>]) {
        let len = out.len();
        match self.below(8) {
            0 if len > 0 => {
                let at = self.below(len);
                out[at] ^= 1 << self.below(8);
            }
            1 if len > 0 => {
                // Bytes that end strings, lists and UTF-8 sequences.
                const EDGE: &[u8] = b"\0\"()[],:\\0-9\n\x7f\x80\xbf\xe4\xff";
                let at = self.below(len);
                out[at] = EDGE[self.below(EDGE.len())];
            }
            2 => out.truncate(self.below(len + 1)),
            3 if len > 0 => {
                let at = self.below(len);
                let end = (at + 1 + self.below(32)).min(len);
                out.drain(at..end);
            }
            4 if len > 0 => {
                // Repeating a chunk makes long lists and deep nesting.
                let at = self.below(len);
                let end = (at + 1 + self.below(64)).min(len);
                let chunk = out[at..end].to_vec();
                let times = 1 + self.below(8);
                let to = self.below(len + 1);
                out.splice(to..to, chunk.iter().copied().cycle().take(chunk.len() * times));
            }
            5 if !others.is_empty() => {
                let other = &others[self.below(others.len())];
                let keep = self.below(len + 1);
                let from = self.below(other.len() + 1);
                out.truncate(keep);
                out.extend_from_slice(&other[from..]);
            }
            6 | 7 => {
                let token = TOKENS[self.below(TOKENS.len())].as_bytes();
                let at = self.below(len + 1);
                out.splice(at..at, token.iter().copied());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_mutations() {
        let (mut a, mut b) = (Mutator::new(7), Mutator::new(7));
        let others = vec![b"other".to_vec()];
        for _ in 0..200 {
            assert_eq!(a.mutate(b"Scenario(id: \"x\")", &others), b.mutate(b"Scenario(id: \"x\")", &others));
        }
    }

    #[test]
    fn mutations_stay_under_the_cap() {
        let mut m = Mutator::new(1);
        let mut input = vec![b'a'; MAX_LEN];
        for _ in 0..50 {
            input = m.mutate(&input, &[]);
            assert!(input.len() <= MAX_LEN);
        }
    }
}
