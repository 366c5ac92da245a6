//! Calendar arithmetic for deadlines. Adding months keeps the day of the month but
//! clamps it to the target month's length, because a regulation's "every 12 months"
//! from 31 January still means a day in January of the next year, and from 29 February
//! 2024 it means 28 February 2025, never a day in March.

use time::{Date, Duration, Month};

/// `date` plus `months` calendar months, the day clamped to the target month's end;
/// `None` past the last representable year.
pub fn add_months(date: Date, months: u32) -> Option<Date> {
    let index = i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1;
    let target = index.checked_add(i64::from(months))?;
    let year = i32::try_from(target.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(target.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

/// Like [`add_months`], but a deadline beyond the calendar's end is its last day, so a
/// far-future deadline reads as "not due" instead of failing.
pub fn add_months_saturating(date: Date, months: u32) -> Date {
    add_months(date, months).unwrap_or(Date::MAX)
}

/// `date` plus `days` days, saturating at the calendar's end.
pub fn add_days_saturating(date: Date, days: u32) -> Date {
    date.saturating_add(Duration::days(i64::from(days)))
}

/// 1 January of `year`; `None` outside the representable years.
pub fn first_day_of_year(year: i32) -> Option<Date> {
    Date::from_calendar_date(year, Month::January, 1).ok()
}

/// 31 December of `year`, saturating at the calendar's ends.
pub fn last_day_of_year(year: i32) -> Date {
    match Date::from_calendar_date(year, Month::December, 31) {
        Ok(d) => d,
        Err(_) if year < 0 => Date::MIN,
        Err(_) => Date::MAX,
    }
}

/// Whether `date` is 1 January.
pub fn is_new_year(date: Date) -> bool {
    date.month() == Month::January && date.day() == 1
}
