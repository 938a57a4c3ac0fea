//! Times as the trainee reads them: records keep RFC 3339 UTC, lists show the
//! local date and time ("11月30日 16:05" / "30 Nov 16:05"), in this machine's
//! time zone (the C library's, which follows TZ and /etc/localtime).

use crate::content::raw::Lang;

/// The local offset from UTC, in seconds, at `unix` (daylight saving included).
#[cfg(unix)]
fn offset_secs(unix: i64) -> i64 {
    let time: libc::time_t = unix as libc::time_t;
    // SAFETY: localtime_r only writes the `tm` we own; both pointers are valid
    // for the call. A zeroed tm is a valid value of the C struct.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let converted = unsafe { libc::localtime_r(&time, &mut tm) };
    if converted.is_null() { 0 } else { tm.tm_gmtoff as i64 }
}

#[cfg(not(unix))]
fn offset_secs(_unix: i64) -> i64 {
    0
}

/// A record's RFC 3339 UTC time in local time for a list; the text as given
/// when it is not such a time (a hand-edited record), "—" when there is none.
pub fn shown(when_utc: Option<&str>, lang: Lang) -> String {
    let Some(text) = when_utc else { return "—".into() };
    let Ok(time) = humantime::parse_rfc3339_weak(text) else { return text.to_string() };
    let Ok(since_epoch) = time.duration_since(std::time::UNIX_EPOCH) else { return text.to_string() };
    let unix = since_epoch.as_secs() as i64;
    format_at(unix + offset_secs(unix), lang)
}

/// Formats seconds since the epoch, already moved to local time.
fn format_at(local: i64, lang: Lang) -> String {
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let (hour, minute) = (secs / 3600, secs % 3600 / 60);
    match lang {
        Lang::Zh => format!("{year}年{month}月{day}日 {hour:02}:{minute:02}"),
        Lang::En => {
            const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            format!("{day} {} {year} {hour:02}:{minute:02}", MONTHS[(month - 1) as usize])
        }
    }
}

/// Days since 1970-01-01 to (year, month, day): Howard Hinnant's algorithm.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_come_out_right_in_both_languages() {
        // 2026-11-30T08:05:00Z is 1_796_025_900.
        assert_eq!(format_at(1_796_025_900, Lang::Zh), "2026年11月30日 08:05");
        assert_eq!(format_at(1_796_025_900, Lang::En), "30 Nov 2026 08:05");
        assert_eq!(format_at(0, Lang::En), "1 Jan 1970 00:00");
        assert_eq!(format_at(951_782_400, Lang::Zh), "2000年2月29日 00:00");
    }

    #[test]
    fn what_is_not_a_time_is_shown_as_it_is() {
        assert_eq!(shown(None, Lang::Zh), "—");
        assert_eq!(shown(Some("yesterday"), Lang::En), "yesterday");
        assert!(shown(Some("2026-11-30T08:05:00Z"), Lang::Zh).starts_with("2026年11月30日"));
    }
}
