//! Tone of a reply, judged once for reply grading and `grade-text` alike: it
//! starts neutral, rises with courtesy (honorifics, thanks, apologies, good
//! wishes), falls with 服务禁语, blaming, insults, shouting and bare orders.
//! Softeners (哦, 呢, 哈) keep a terse answer neutral but lift nothing, and
//! courtesy cannot buy back a serious fault (or a firm one, such as a flat
//! contradiction): with one, only one courtesy marker counts. The result is a
//! score in 0..=1 and a band (Rude .. Warm).

use crate::content::raw::{Severity, ToneBand};

/// Where every reply starts before markers move it.
pub const BASELINE: f64 = 0.5;
/// What one good tone marker adds, up to `GOOD_CAP` in all.
pub const GOOD_STEP: f64 = 0.2;
pub const GOOD_CAP: f64 = 0.5;
/// With a major or critical fault in the reply, courtesy counts up to this much only:
/// "亲,不知道哦" is still a brush-off.
pub const GOOD_CAP_WITH_FAULT: f64 = GOOD_STEP;
pub const MINOR: f64 = -0.25;
pub const MAJOR: f64 = -0.5;
pub const CRITICAL: f64 = -1.0;

/// What one lexicon entry found in a reply means for its tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// Lifts the tone: an honorific, thanks, an apology, good wishes.
    Courtesy,
    /// Softens (哦, 呢, ~): no lift, but the reply is no bare order.
    Softener,
    /// Costs by severity.
    Fault(Severity),
    /// Holds courtesy to one marker's worth, like a major fault, and takes
    /// that back (up to its severity's cost): a flat contradiction in polite
    /// words ("您好,您收到的数量是对的") is neutral, not polite, and a plain
    /// one stays neutral (`outweighs_courtesy` entries).
    FirmFault(Severity),
    /// A fault only when nothing in the reply softens it (a bare order such as "把订单号发过来").
    BareFault(Severity),
}

/// What moved the score: a lexicon entry (by its index) or a built-in rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    Entry(usize),
    /// English written in capitals.
    Capitals,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effect {
    pub cause: Cause,
    pub effect: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ToneJudgement {
    /// 0..=1, rounded to two decimals so the band always agrees with the printed score.
    pub score: f64,
    pub band: ToneBand,
    /// Every non-zero move, in the order of `marks`, then built-in rules.
    pub effects: Vec<Effect>,
}

/// Judges the tone from the distinct entries found (entry index and marker, in
/// order of first appearance) and, when the text shouts in capitals, what the
/// shouting costs (`shout_severity`).
pub fn judge(marks: &[(usize, Marker)], shouts: Option<Severity>) -> ToneJudgement {
    let serious = marks.iter().any(|(_, m)| matches!(m, Marker::Fault(s) if *s >= Severity::Major) || matches!(m, Marker::FirmFault(_)))
        || shouts.is_some_and(|s| s >= Severity::Major);
    let softened = marks.iter().any(|(_, m)| matches!(m, Marker::Courtesy | Marker::Softener));
    let cap = if serious { GOOD_CAP_WITH_FAULT } else { GOOD_CAP };
    let courtesy = marks.iter().filter(|(_, m)| *m == Marker::Courtesy).count() as f64 * GOOD_STEP;
    let mut good_left = cap;
    // What courtesy lifted that firm faults may yet take back.
    let mut lifted = courtesy.min(cap);
    let mut effects = Vec::new();
    for (entry, marker) in marks {
        let effect = match marker {
            Marker::Courtesy => {
                let effect = GOOD_STEP.min(good_left);
                good_left -= effect;
                effect
            }
            Marker::Softener => 0.0,
            Marker::Fault(severity) => cost(*severity),
            // Takes back what courtesy lifted, never more than its cost: a
            // polite-worded contradiction is neutral, a plain one stays plain.
            Marker::FirmFault(severity) => {
                let taken = lifted.min(-cost(*severity));
                lifted -= taken;
                -taken
            }
            Marker::BareFault(severity) if !softened => cost(*severity),
            Marker::BareFault(_) => 0.0,
        };
        if effect != 0.0 {
            effects.push(Effect { cause: Cause::Entry(*entry), effect });
        }
    }
    if let Some(severity) = shouts {
        effects.push(Effect { cause: Cause::Capitals, effect: cost(severity) });
    }
    let raw = BASELINE + effects.iter().map(|e| e.effect).sum::<f64>();
    let score = super::finding::round2(raw.clamp(0.0, 1.0));
    ToneJudgement { score, band: band(score), effects }
}

fn cost(severity: Severity) -> f64 {
    match severity {
        Severity::Minor => MINOR,
        Severity::Major => MAJOR,
        Severity::Critical => CRITICAL,
    }
}

/// The band of a score. Callers pass a score rounded to two decimals, so
/// 0.5 + 0.2 − 0.25 is 0.45 (Neutral) and not 0.4499… (Curt).
pub fn band(score: f64) -> ToneBand {
    match score {
        s if s >= 0.85 => ToneBand::Warm,
        s if s >= 0.65 => ToneBand::Polite,
        s if s >= 0.45 => ToneBand::Neutral,
        s if s >= 0.2 => ToneBand::Curt,
        _ => ToneBand::Rude,
    }
}

/// English written in capitals reads as shouting: at least two all-caps words
/// of three or more letters among at least three such words, making up at
/// least half of them, so a product code or courier name in a normal sentence
/// ("the SKU ships by EMS", "IPHONE协议 … VIP") is not shouting; or three
/// capital words in a row ("Sorry but DO NOT CONTACT US AGAIN"), which no
/// acronym makes. Full-width letters (ＹＯＵ ＭＵＳＴ) count as letters. Returns
/// the byte span from the first to the last capital word, so the deduction can
/// point at it.
pub fn capitals_span(text: &str) -> Option<(usize, usize)> {
    let words = latin_words(text);
    let long: Vec<&LatinWord> = words.iter().filter(|w| w.letters >= 3).collect();
    let capitals: Vec<&&LatinWord> = long.iter().filter(|w| w.capitals).collect();
    let span = if capitals.len() >= 2 && long.len() >= 3 && capitals.len() * 2 >= long.len() {
        Some((capitals[0].start, capitals[capitals.len() - 1].end))
    } else {
        capital_run(&words)
    };
    // In a Chinese reply the Latin words are names and acronyms ("GPS", "APP"),
    // not a voice raised: capitals shout only where Latin letters outnumber Han.
    // Counted only for a reply that has capitals to excuse.
    let letters = || words.iter().map(|w| w.letters).sum::<usize>();
    span.filter(|_| text.chars().filter(|c| crate::text::is_han(*c)).count() <= letters())
}

/// Capital words (three letters or more) from which a shout is a major fault:
/// a whole message in capitals ("AGAIN: THESE ARE E-TICKETS. NOTHING GETS
/// POSTED.") is yelling at the buyer, where "DO NOT REPLY" raises the voice once.
/// Every shouted probe the raters labelled holds at least this many or another fault.
pub const LONG_SHOUT_WORDS: usize = 5;

/// What the capitals at `from..to` of `text` cost: major for a long shout
/// (`LONG_SHOUT_WORDS`), minor otherwise.
pub fn shout_severity(text: &str, (from, to): (usize, usize)) -> Severity {
    let shouted = latin_words(&text[from..to]).iter().filter(|w| w.capitals && w.letters >= 3).count();
    if shouted >= LONG_SHOUT_WORDS { Severity::Major } else { Severity::Minor }
}

/// Whether the words at `start..end` were shouted: they lie inside the span
/// of capitals `capitals_span` found. A courtesy word in capitals is part of the
/// shouting, not a softener: the "PLEASE" of "PLEASE STOP SENDING THE SAME
/// MESSAGE" lifts nothing.
pub fn shouted((from, to): (usize, usize), start: usize, end: usize) -> bool {
    from <= start && end <= to
}

/// One run of Latin letters in a text.
struct LatinWord {
    start: usize,
    end: usize,
    letters: usize,
    /// Every letter a capital.
    capitals: bool,
    /// Something other than a space follows (a comma, a digit, Han): a run of
    /// capital words ends here ("RAM, OS, CPU, GPU" lists acronyms).
    ends_run: bool,
}

/// Every run of Latin letters (ASCII or full-width) in `text`, in order.
fn latin_words(text: &str) -> Vec<LatinWord> {
    let mut words: Vec<LatinWord> = Vec::new();
    let mut current: Option<(usize, usize, bool)> = None;
    for (at, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if let Some(upper) = latin(c) {
            let (start, letters, capitals) = current.unwrap_or((at, 0, true));
            current = Some((start, letters + 1, capitals && upper));
            continue;
        }
        if let Some((start, letters, capitals)) = current.take() {
            words.push(LatinWord { start, end: at, letters, capitals, ends_run: false });
        }
        if !c.is_whitespace()
            && let Some(last) = words.last_mut()
        {
            last.ends_run = true;
        }
    }
    words
}

/// The first run of three or more capital words of two or more letters in a
/// row, one of them at least three letters long, as a byte span.
fn capital_run(words: &[LatinWord]) -> Option<(usize, usize)> {
    let shouts = |run: &[&LatinWord]| (run.len() >= 3 && run.iter().any(|w| w.letters >= 3)).then(|| (run[0].start, run[run.len() - 1].end));
    let mut run: Vec<&LatinWord> = Vec::new();
    for word in words {
        let capital = word.capitals && word.letters >= 2;
        if capital {
            run.push(word);
        }
        if !capital || word.ends_run {
            if let Some(span) = shouts(&run) {
                return Some(span);
            }
            run.clear();
        }
    }
    shouts(&run)
}

/// Whether `c` is a Latin letter (ASCII or full-width), and if so whether it is a capital.
fn latin(c: char) -> Option<bool> {
    match c {
        'A'..='Z' | '\u{FF21}'..='\u{FF3A}' => Some(true),
        'a'..='z' | '\u{FF41}'..='\u{FF5A}' => Some(false),
        _ => None,
    }
}

/// Why capitals cost tone points, for the finding in reply grading and grade-text.
pub fn capitals_explain(lang: crate::content::raw::Lang) -> &'static str {
    crate::i18n::Msg::ExplainCapitals.get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Marker::*;

    #[test]
    fn bands_follow_the_rounded_score() {
        assert_eq!(band(BASELINE), ToneBand::Neutral);
        assert_eq!(band(BASELINE + GOOD_STEP), ToneBand::Polite);
        assert_eq!(band(BASELINE + 2.0 * GOOD_STEP), ToneBand::Warm);
        assert_eq!(band(BASELINE + MAJOR), ToneBand::Rude);
        // 0.5 + 0.2 - 0.25 is 0.44999... in floating point: it must be Neutral, as printed.
        let judged = judge(&[(0, Courtesy), (1, Fault(Severity::Minor))], None);
        assert_eq!((judged.score, judged.band), (0.45, ToneBand::Neutral));
    }

    #[test]
    fn acronyms_in_a_chinese_reply_are_no_shouting() {
        assert!(capitals_span("STOP SENDING ME THE SAME LINK").is_some());
        assert!(capitals_span("请在室外打开GPS,GPS信号在室内较弱,GPS定位会慢一些").is_none());
    }

    #[test]
    fn a_whole_message_in_capitals_is_a_major_fault_a_raised_phrase_a_minor_one() {
        let yelled = "Hi! AGAIN: THESE ARE THE TICKETS. NOTHING GETS POSTED.";
        let span = capitals_span(yelled).expect("capitals");
        assert_eq!(shout_severity(yelled, span), Severity::Major);
        let raised = "Sorry, but DO NOT CONTACT US about this refund.";
        let span = capitals_span(raised).expect("capitals");
        assert_eq!(shout_severity(raised, span), Severity::Minor);
        // Greeting first does not buy back a yelled message.
        assert!(judge(&[(0, Courtesy)], Some(Severity::Major)).band <= ToneBand::Curt);
        assert_eq!(judge(&[(0, Courtesy)], Some(Severity::Minor)).band, ToneBand::Neutral);
    }

    #[test]
    fn softeners_lift_nothing_but_save_a_bare_order() {
        assert_eq!(judge(&[(0, Softener)], None).band, ToneBand::Neutral);
        assert_eq!(judge(&[(0, BareFault(Severity::Minor))], None).band, ToneBand::Curt);
        assert_eq!(judge(&[(0, BareFault(Severity::Minor)), (1, Softener)], None).band, ToneBand::Neutral);
        assert_eq!(judge(&[(0, BareFault(Severity::Minor)), (1, Courtesy)], None).band, ToneBand::Polite);
    }

    #[test]
    fn courtesy_cannot_buy_back_a_serious_fault() {
        let brush_off = judge(&[(0, Courtesy), (1, Courtesy), (2, Courtesy), (3, Fault(Severity::Major))], None);
        assert!(brush_off.band <= ToneBand::Curt, "{brush_off:?}");
        let minor = judge(&[(0, Courtesy), (1, Courtesy), (2, Fault(Severity::Minor))], None);
        assert_eq!(minor.band, ToneBand::Polite, "{minor:?}");
    }

    /// A firm fault holds courtesy to one marker's worth and takes it back:
    /// however many honorifics, a polite-worded flat contradiction is neutral.
    #[test]
    fn a_firm_minor_fault_holds_courtesy_to_one_marker() {
        let contradiction = judge(&[(0, Courtesy), (1, Courtesy), (2, Courtesy), (3, FirmFault(Severity::Minor))], None);
        assert_eq!((contradiction.score, contradiction.band), (BASELINE, ToneBand::Neutral));
        let plain = judge(&[(0, Softener), (1, FirmFault(Severity::Minor))], None);
        assert_eq!((plain.score, plain.band), (BASELINE, ToneBand::Neutral), "a plain contradiction stays neutral");
        let with_order = judge(&[(0, Courtesy), (1, FirmFault(Severity::Minor)), (2, Fault(Severity::Minor))], None);
        assert_eq!(with_order.band, ToneBand::Curt, "other faults still cost");
        let slip = judge(&[(0, Courtesy), (1, Courtesy), (2, Courtesy), (3, Fault(Severity::Minor))], None);
        assert_eq!(slip.band, ToneBand::Polite, "an ordinary minor fault is bought back");
    }

    #[test]
    fn capitals_shout_with_a_span_but_acronyms_do_not() {
        let text = "WHY DID YOU NOT READ";
        assert_eq!(capitals_span(text), Some((0, text.len())));
        assert_eq!(capitals_span("I'm sorry, the SKU ships by EMS"), None);
        assert_eq!(capitals_span("您已签订了IPHONE协议,如果您是VIP"), None);
        assert!(judge(&[], Some(Severity::Minor)).band < ToneBand::Neutral);
    }

    #[test]
    fn three_capital_words_in_a_row_shout_and_full_width_capitals_count() {
        let text = "Sorry but DO NOT CONTACT US AGAIN about this.";
        assert_eq!(capitals_span(text), Some((text.find("DO").unwrap(), text.find(" about").unwrap())));
        let wide = "ＹＯＵ ＭＵＳＴ ＷＡＩＴ ＵＮＴＩＬ ＦＲＩＤＡＹ";
        assert_eq!(capitals_span(wide), Some((0, wide.len())));
        // Codes and names in a normal sentence do not shout, nor do acronyms split by digits or Han.
        for calm in ["Your UPS tracking number is 1Z999", "Use the USB C port", "I'm sorry, the SKU ships by EMS", "请用USB线连接PC的USB口", "Please list your RAM, OS, CPU, GPU and driver"] {
            assert_eq!(capitals_span(calm), None, "{calm}");
        }
    }
}
