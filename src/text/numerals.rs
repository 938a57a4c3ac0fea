//! Chinese numerals to Arabic digits, in place, keeping each output character's
//! origin: 五百毫升 → 500毫升, 三零四 → 304, 一点五升 → 1.5升, 两天 → 2天,
//! 九块九 → 9.9元. Words that merely contain a numeral (一下, 一般, 万一, 十分,
//! 千万) are left alone, and so is a lone numeral with no unit after it
//! (unless it follows 分之: 千分之二 → 千分之2).

/// One character of normalised text and the byte range of the original it came from.
pub type Item = (char, u32, u32);

/// Whether `items` spell exactly `word` (ASCII): the contraction and HTML
/// reference passes compare words in place, without building a string.
pub(crate) fn spells(items: &[Item], word: &str) -> bool {
    items.len() == word.len() && word.bytes().zip(items).all(|(b, item)| char::from(b) == item.0)
}

/// Each character of `text` as an item spanning itself: how the passes'
/// tests build their input.
#[cfg(test)]
pub(crate) fn items_of(text: &str) -> Vec<Item> {
    text.char_indices().map(|(at, c)| (c, at as u32, (at + c.len_utf8()) as u32)).collect()
}

/// The text `pass` makes of `text`, character by character: how the in-place
/// passes' tests (links, HTML references, contractions) read their result.
#[cfg(test)]
pub(crate) fn after_pass(text: &str, pass: fn(&mut Vec<Item>)) -> String {
    let mut items = items_of(text);
    pass(&mut items);
    items.iter().map(|item| item.0).collect()
}

const STOP_WORDS: &[&str] = &[
    "一下", "一般", "一直", "一定", "一样", "一起", "一些", "一致", "一切", "一旦", "一律", "一向", "一共",
    "统一", "唯一", "万一", "一会", "一边", "一面", "一番", "一旁", "第一", "十分", "千万", "万万", "一一",
    "一点点", "有点", "一点儿", "一点", "一丁点", "百分百", "一级", "一等", "一流", "一手", "一口气", "一眼",
];

/// Characters that may follow a number as its unit or measure word; a lone
/// numeral is only read as a number when one of these follows it.
const UNIT_STARTS: &str = "个位件条只双套张台次人岁号码天周月年小时分钟秒毫升克公斤千克斤厘米毫米寸元块毛点折倍瓶罐盒包箱斤单";

fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_multiplier(c: char) -> bool {
    matches!(c, '十' | '百' | '千' | '万' | '亿')
}

fn is_numeral(c: char) -> bool {
    digit_value(c).is_some() || is_multiplier(c)
}

/// Whether a stop word covers the run `start..end` of `items`.
fn in_stop_word(items: &[Item], start: usize, end: usize) -> bool {
    let from = start.saturating_sub(3);
    let to = (end + 3).min(items.len());
    let window = &items[from..to];
    // Compared character by character, without collecting: this runs for every
    // numeral in every reply (一下, 一般 ...).
    STOP_WORDS.iter().any(|word| {
        let len = word.chars().count();
        (0..=window.len().saturating_sub(len)).any(|at| {
            from + at <= start && from + at + len >= end && window[at..].iter().map(|item| item.0).take(len).eq(word.chars())
        })
    })
}

/// The integer a run of Chinese numerals stands for, or `None` if it is not a number we trust.
fn integer_value(run: &[char]) -> Option<u64> {
    if run.iter().any(|c| is_multiplier(*c)) {
        let text: String = run.iter().map(|c| if *c == '两' { '二' } else { *c }).collect();
        // 一千二 = 1200 and 三万五 = 35000 in speech: a last digit after a
        // multiplier counts one place lower. chinese-number reads 一千二 as 1002.
        if let [.., unit, last] = run
            && is_multiplier(*unit)
            && digit_value(*last).is_some_and(|d| d > 0)
            && run.len() >= 3
        {
            let head: String = text.chars().take(run.len() - 1).collect();
            let base = chinese_number::from_chinese_to_u64_ten_thousand(&head).ok()?;
            let place: u64 = match unit {
                '十' => return Some(base + u64::from(digit_value(*last)?)),
                '百' => 10,
                '千' => 100,
                '万' => 1000,
                _ => return None,
            };
            return Some(base + u64::from(digit_value(*last)?) * place);
        }
        return chinese_number::from_chinese_to_u64_ten_thousand(&text).ok();
    }
    // Two neighbouring digits like 三四 or 七八 are a range ("three or four"), not 34.
    if let [a, b] = run
        && let (Some(x), Some(y)) = (digit_value(*a), digit_value(*b))
        && y == x + 1
    {
        return None;
    }
    run.iter().try_fold(0u64, |acc, c| Some(acc.checked_mul(10)? + u64::from(digit_value(*c)?)))
}

fn unit_follows(items: &[Item], at: usize) -> bool {
    match items.get(at).map(|item| item.0) {
        Some(c) if UNIT_STARTS.contains(c) => true,
        Some(c) if c.is_ascii_alphabetic() || c == ' ' => {
            // "两 ml", "三h": an ASCII unit after optional spaces.
            let rest: String = items[at..].iter().take(8).map(|item| item.0).collect();
            let rest = rest.trim_start();
            super::quantity::unit_prefix(rest).is_some()
        }
        _ => false,
    }
}

fn push_str(out: &mut Vec<Item>, text: &str, start: u32, end: u32) {
    out.extend(text.chars().map(|c| (c, start, end)));
}

/// Rewrites Chinese numeral runs as digits.
pub fn convert(items: Vec<Item>) -> Vec<Item> {
    // Most replies hold no numeral: skip straight to halves and prices, which
    // hand the items on untouched when there is no 半, 块 or 元 either.
    if !items.iter().any(|item| is_numeral(item.0)) {
        return colloquial_prices(halves(items));
    }
    let mut out = Vec::with_capacity(items.len());
    let mut i = 0;
    while i < items.len() {
        if !is_numeral(items[i].0) {
            out.push(items[i]);
            i += 1;
            continue;
        }
        let mut end = i;
        while end < items.len()
            && (is_numeral(items[end].0)
                || (items[end].0 == '点'
                    && end > i
                    && items.get(end + 1).is_some_and(|next| digit_value(next.0).is_some())))
        {
            end += 1;
        }
        let run: Vec<char> = items[i..end].iter().map(|item| item.0).collect();
        let lone = run.len() == 1;
        // 千分之二, 百分之五: a numeral after 分之 is a rate, unit or not.
        let after_fraction = i >= 2 && items[i - 2].0 == '分' && items[i - 1].0 == '之';
        if in_stop_word(&items, i, end) || (lone && !unit_follows(&items, end) && !after_fraction) {
            out.extend_from_slice(&items[i..end]);
            i = end;
            continue;
        }
        let point = run.iter().position(|c| *c == '点');
        let (whole, fraction) = match point {
            Some(p) => (&run[..p], Some(&run[p + 1..])),
            None => (&run[..], None),
        };
        let value = integer_value(whole).map(|n| n.to_string());
        let fraction: Option<String> = fraction.map(|digits| {
            digits.iter().filter_map(|c| digit_value(*c)).map(|d| char::from_digit(d, 10).unwrap_or('0')).collect()
        });
        match value {
            Some(value) => {
                let (start, stop) = (items[i].1, items[end - 1].2);
                push_str(&mut out, &value, start, stop);
                if let Some(fraction) = fraction.filter(|f| !f.is_empty()) {
                    push_str(&mut out, ".", start, stop);
                    push_str(&mut out, &fraction, start, stop);
                }
            }
            None => out.extend_from_slice(&items[i..end]),
        }
        i = end;
    }
    colloquial_prices(halves(out))
}

/// Measure words a half can go with: 两斤半, 半小时, 一个半月.
const HALF_UNITS: &[&str] = &["个小时", "个月", "小时", "公斤", "斤", "年", "天", "月", "米", "升", "块", "元", "周"];

fn unit_at(items: &[Item], at: usize) -> Option<&'static str> {
    HALF_UNITS.iter().copied().find(|unit| {
        let len = unit.chars().count();
        items.len() >= at + len && items[at..at + len].iter().map(|i| i.0).eq(unit.chars())
    })
}

/// Halves as decimals, so they are read as quantities: 2个半小时 → 2.5小时,
/// 2斤半 → 2.5斤, 半小时 → 0.5小时, 半个月 → 0.5月. 半价 and 一半 stay words.
fn halves(items: Vec<Item>) -> Vec<Item> {
    if !items.iter().any(|item| item.0 == '半') {
        return items;
    }
    let mut out: Vec<Item> = Vec::with_capacity(items.len() + 4);
    let mut i = 0;
    while i < items.len() {
        let c = items[i].0;
        let after_digit = out.last().is_some_and(|item: &Item| item.0.is_ascii_digit());
        // "2个半小时": the half sits between the number and its unit.
        if after_digit && c == '个' && items.get(i + 1).is_some_and(|n| n.0 == '半') && unit_at(&items, i + 2).is_some() {
            let (start, end) = (items[i].1, items[i + 1].2);
            push_str(&mut out, ".5", start, end);
            i += 2;
            continue;
        }
        // "2斤半": the half follows the unit.
        if after_digit && let Some(unit) = unit_at(&items, i) {
            let len = unit.chars().count();
            if items.get(i + len).is_some_and(|n| n.0 == '半') && unit_at(&items, i + len + 1).is_none() {
                let half = items[i + len];
                push_str(&mut out, ".5", half.1, half.2);
                out.extend_from_slice(&items[i..i + len]);
                i += len + 1;
                continue;
            }
        }
        // "半小时", "半个月": a half on its own, not after a number (一半 stays).
        let after_numeral = out.last().is_some_and(|item: &Item| item.0.is_ascii_digit() || is_numeral(item.0));
        if c == '半' && !after_numeral {
            let skip = usize::from(items.get(i + 1).is_some_and(|n| n.0 == '个'));
            if let Some(unit) = unit_at(&items, i + 1 + skip).filter(|u| !u.starts_with('个')) {
                let (start, end) = (items[i].1, items[i + skip].2);
                push_str(&mut out, "0.5", start, end);
                i += 1 + skip;
                let _ = unit;
                continue;
            }
        }
        out.push(items[i]);
        i += 1;
    }
    out
}

/// 9块9 → 9.9元 and 两块五 (already 2块五) → 2.5元: a single digit after 块
/// with nothing numeric after it is the jiao.
fn colloquial_prices(items: Vec<Item>) -> Vec<Item> {
    if !items.iter().any(|item| matches!(item.0, '块' | '元')) {
        return items;
    }
    let mut out = Vec::with_capacity(items.len());
    let mut i = 0;
    while i < items.len() {
        let c = items[i].0;
        let after_digit = out.last().is_some_and(|item: &Item| item.0.is_ascii_digit());
        if after_digit && (c == '块' || c == '元') && i + 1 < items.len() {
            let next = items[i + 1].0;
            let jiao = next.to_digit(10).or_else(|| digit_value(next));
            let then = items.get(i + 2).map(|item| item.0);
            let alone = then.is_none_or(|t| !(t.is_ascii_digit() || is_numeral(t) || t == '钱' || t == '毛'));
            if let (Some(jiao), true) = (jiao, alone) {
                let (start, end) = (items[i].1, items[i + 1].2);
                push_str(&mut out, &format!(".{jiao}元"), start, end);
                i += 2;
                continue;
            }
        }
        out.push(items[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> String {
        let items = items_of(text);
        convert(items).into_iter().map(|item| item.0).collect()
    }

    #[test]
    fn numerals_with_units_become_digits() {
        assert_eq!(run("五百毫升"), "500毫升");
        assert_eq!(run("两天"), "2天");
        assert_eq!(run("一百二十九元"), "129元");
        assert_eq!(run("一千二百毫升"), "1200毫升");
        assert_eq!(run("一千二"), "1200");
        assert_eq!(run("三万五"), "35000");
        assert_eq!(run("三百零四"), "304");
        assert_eq!(run("二十五点五"), "25.5");
        assert_eq!(run("一点五升"), "1.5升");
        assert_eq!(run("四十八小时"), "48小时");
        assert_eq!(run("十二小时"), "12小时");
    }

    #[test]
    fn digit_by_digit_and_prices() {
        assert_eq!(run("三零四不锈钢"), "304不锈钢");
        assert_eq!(run("差错率低于千分之二"), "差错率低于千分之2");
        assert_eq!(run("百分之五"), "百分之5");
        assert_eq!(run("九块九"), "9.9元");
        assert_eq!(run("9块9"), "9.9元");
        assert_eq!(run("两块五"), "2.5元");
        assert_eq!(run("两块五哦"), "2.5元哦");
        assert_eq!(run("129块"), "129块");
    }

    #[test]
    fn halves_become_decimals() {
        assert_eq!(run("一个半小时"), "1.5小时");
        assert_eq!(run("两个半月"), "2.5月");
        assert_eq!(run("两斤半"), "2.5斤");
        assert_eq!(run("3年半"), "3.5年");
        assert_eq!(run("半小时"), "0.5小时");
        assert_eq!(run("半个小时"), "0.5小时");
        assert_eq!(run("半斤"), "0.5斤");
        assert_eq!(run("半价"), "半价");
        assert_eq!(run("退一半"), "退一半");
    }

    #[test]
    fn words_that_contain_numerals_are_left_alone() {
        for text in ["稍等一下", "一般来说", "万一坏了", "十分抱歉", "千万别急", "全网第一", "有一点贵", "一起买", "明前一级"] {
            assert_eq!(run(text), text);
        }
        assert_eq!(run("三四个人"), "三四个人");
        assert_eq!(run("我一个人用"), "我1个人用");
    }
}
