//! Quantities mentioned in normalised text: a number (digits; Chinese numerals
//! were already turned into digits), an optional 个, and a unit: "500ml",
//! "48 小时", "2-3天", "¥129", "129.00元". Offsets are in the normalised text.

use super::quantity::{Dimension, Quantity, unit_prefix};

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub quantity: Quantity,
    /// Byte range in the normalised text, number through unit.
    pub start: usize,
    pub end: usize,
}

/// Reads a decimal number at `at`; returns its value and where it ends.
fn number_at(text: &str, at: usize) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut end = at;
    while end < bytes.len() && (bytes[end].is_ascii_digit() || (bytes[end] == b'.' && end > at)) {
        end += 1;
    }
    // A trailing dot is a full stop, not a decimal point.
    while end > at && bytes[end - 1] == b'.' {
        end -= 1;
    }
    text[at..end].parse().ok().map(|value| (value, end))
}

fn skip_spaces(text: &str, mut at: usize) -> usize {
    while text[at..].starts_with(' ') {
        at += 1;
    }
    at
}

/// Every quantity with a unit in `text`, in order.
pub fn quantities(text: &str) -> Vec<Mention> {
    let bytes = text.as_bytes();
    let mut mentions = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() || (at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'.')) {
            at += 1;
            continue;
        }
        let Some((first, mut end)) = number_at(text, at) else {
            at += 1;
            continue;
        };
        let yen = text[..at].trim_end().ends_with('¥');
        // A range shares its unit: 2-3天, 2到3天.
        let mut values = vec![first];
        let after = skip_spaces(text, end);
        for joiner in ["-", "~", "到", "至"] {
            if let Some(rest_at) = text[after..].starts_with(joiner).then(|| skip_spaces(text, after + joiner.len()))
                && let Some((second, second_end)) = number_at(text, rest_at)
            {
                values.push(second);
                end = second_end;
                break;
            }
        }
        let mut unit_at = skip_spaces(text, end);
        if text[unit_at..].starts_with('个') {
            unit_at += '个'.len_utf8();
        }
        let unit = unit_prefix(&text[unit_at..]);
        let found: Option<(Dimension, f64, usize)> = match unit {
            Some((spelling, dimension, factor)) => Some((dimension, factor, unit_at + spelling.len())),
            None if yen => Some((Dimension::Money, 1.0, end)),
            None => None,
        };
        if let Some((dimension, factor, stop)) = found {
            let start = if yen { text[..at].trim_end().len() - '¥'.len_utf8() } else { at };
            for value in values {
                mentions.push(Mention {
                    quantity: Quantity { text: text[start..stop].to_string(), base_value: value * factor, dimension },
                    start,
                    end: stop,
                });
            }
            at = stop;
        } else {
            at = end.max(at + 1);
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn found(text: &str) -> Vec<(f64, Dimension)> {
        quantities(&normalize(text).text).into_iter().map(|m| (m.quantity.base_value, m.quantity.dimension)).collect()
    }

    #[test]
    fn the_issue_examples_are_equal_quantities() {
        for text in ["五百毫升", "500ml", "500 mL", "0.5L"] {
            assert_eq!(found(text), [(500.0, Dimension::Volume)], "{text}");
        }
        assert_eq!(found("1斤"), [(500.0, Dimension::Mass)]);
        for text in ["一百二十九元", "¥129", "129块", "129.00元"] {
            assert_eq!(found(text), [(129.0, Dimension::Money)], "{text}");
        }
        assert_eq!(found("九块九"), [(9.9, Dimension::Money)]);
        for text in ["两天", "2天", "48小时", "四十八个小时"] {
            assert_eq!(found(text), [(48.0, Dimension::Duration)], "{text}");
        }
    }

    #[test]
    fn ranges_and_words_without_units() {
        assert_eq!(found("2-3天到"), [(48.0, Dimension::Duration), (72.0, Dimension::Duration)]);
        assert!(found("304不锈钢").is_empty());
        assert!(found("订单号20231234").is_empty());
        assert!(found("sus304").is_empty());
        assert_eq!(found("保温12小时,500ml。"), [(12.0, Dimension::Duration), (500.0, Dimension::Volume)]);
    }
}
