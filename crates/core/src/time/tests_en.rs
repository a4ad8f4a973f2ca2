//! Tests of the English date patterns and their resolution. Publication
//! dates are chosen for their weekday: 2025-09-23 is a Tuesday, 2025-09-24 a
//! Wednesday, 2025-01-10 a Friday.

use super::Direction::{Future, Past};
use super::check::{check, check_with_year};
use crate::text::Lang::En;

#[test]
fn month_day_year() {
    check(
        "The accord was signed on September 24, 2025 in Nairobi.",
        En,
        Some("2025-09-26"),
        Past,
        &["September 24, 2025 = 2025-09-24"],
    );
    check(
        "The minister landed Sept. 24, 2025, and left Sept 25 2025.",
        En,
        None,
        Past,
        &["Sept. 24, 2025 = 2025-09-24", "Sept 25 2025 = 2025-09-25"],
    );
}

#[test]
fn day_month_year() {
    check(
        "Talks opened on 24 September 2025 in Accra.",
        En,
        None,
        Past,
        &["24 September 2025 = 2025-09-24"],
    );
    check(
        "It ended on the 25th of September 2025.",
        En,
        None,
        Past,
        &["the 25th of September 2025 = 2025-09-25"],
    );
}

#[test]
fn dateline_day_month() {
    check(
        "NEW DELHI, Dec 5 — The two sides agreed to expand trade.",
        En,
        Some("2025-12-05"),
        Past,
        &["Dec 5 = 2025-12-05"],
    );
    check(
        "MANILA, Dec. 15 (Agency) — A delegation arrived.",
        En,
        Some("2026-01-10"),
        Past,
        &["Dec. 15 = 2025-12-15"],
    );
}

#[test]
fn weekday_with_day_month() {
    // The nearest 24 September before publication is a Tuesday (2024); the
    // Wednesday one is the coming one.
    check(
        "The summit opens on Wednesday, September 24 in Abuja.",
        En,
        Some("2025-09-20"),
        Past,
        &["Wednesday, September 24 = 2025-09-24"],
    );
}

#[test]
fn day_month_rolls_over_the_year() {
    check(
        "The memorandum was initialled on December 15.",
        En,
        Some("2025-01-10"),
        Past,
        &["December 15 = 2024-12-15"],
    );
    check(
        "The visit is scheduled for 15 December.",
        En,
        Some("2025-01-10"),
        Future,
        &["15 December = 2025-12-15"],
    );
    check_with_year(
        "The memorandum was initialled on December 15.",
        En,
        Some("2025-01-10"),
        Past,
        Some(2025),
        &["December 15 = 2025-12-15"],
    );
}

#[test]
fn ranges_give_the_first_day() {
    check(
        "The forum ran December 4-6, 2023 in Dubai.",
        En,
        None,
        Past,
        &["December 4-6, 2023 = 2023-12-04"],
    );
    check(
        "Talks were held between 4 and 6 December.",
        En,
        Some("2023-12-07"),
        Past,
        &["between 4 and 6 December = 2023-12-04"],
    );
    check(
        "The fair runs from Nov. 28 to Dec. 2, 2023.",
        En,
        None,
        Future,
        &["from Nov. 28 to Dec. 2, 2023 = 2023-11-28"],
    );
    check(
        "Exercises ran 4-6 December 2023.",
        En,
        None,
        Past,
        &["4-6 December 2023 = 2023-12-04"],
    );
    check(
        "He came on March 3 and April 9, 2024.",
        En,
        Some("2024-05-01"),
        Past,
        &["March 3 = 2024-03-03", "April 9, 2024 = 2024-04-09"],
    );
}

#[test]
fn month_of_a_year() {
    check(
        "The president visited Rabat in September 2025.",
        En,
        None,
        Past,
        &["in September 2025 = 2025-09"],
    );
    check(
        "Work starts in early October 2025 and ends late November 2025.",
        En,
        None,
        Future,
        &[
            "in early October 2025 = 2025-10",
            "late November 2025 = 2025-11",
        ],
    );
}

#[test]
fn month_without_a_year() {
    check(
        "The leaders met in September.",
        En,
        Some("2025-03-01"),
        Past,
        &["in September = 2024-09"],
    );
    check(
        "The leaders will meet in September.",
        En,
        Some("2025-03-01"),
        Future,
        &["in September = 2025-09"],
    );
    check(
        "Talks resumed in early March, in mid-April and in late May.",
        En,
        Some("2025-06-01"),
        Past,
        &[
            "in early March = 2025-03",
            "in mid-April = 2025-04",
            "in late May = 2025-05",
        ],
    );
    check(
        "The envoy arrived last May.",
        En,
        Some("2025-05-20"),
        Past,
        &["last May = 2024-05"],
    );
}

#[test]
fn years() {
    check(
        "Ties were set up in 2014 and have grown since 2016.",
        En,
        None,
        Past,
        &["in 2014 = 2014", "since 2016 = 2016"],
    );
    check(
        "Building began late 2023 and should end early 2024 or mid-2025.",
        En,
        None,
        Past,
        &["late 2023 = 2023", "early 2024 = 2024", "mid-2025 = 2025"],
    );
    check(
        "The 2019 accord still holds.",
        En,
        None,
        Past,
        &["2019 = 2019"],
    );
}

#[test]
fn weekdays() {
    // Published on Tuesday 2025-09-23.
    let published = Some("2025-09-23");
    check(
        "He arrived on Tuesday.",
        En,
        published,
        Past,
        &["on Tuesday = 2025-09-23"],
    );
    check(
        "He arrives Tuesday.",
        En,
        published,
        Future,
        &["Tuesday = 2025-09-23"],
    );
    check(
        "He arrived last Tuesday.",
        En,
        published,
        Past,
        &["last Tuesday = 2025-09-16"],
    );
    check(
        "He arrives next Tuesday.",
        En,
        published,
        Future,
        &["next Tuesday = 2025-09-30"],
    );
    check(
        "He arrived on Thursday.",
        En,
        published,
        Past,
        &["on Thursday = 2025-09-18"],
    );
    check(
        "He arrives on Thursday.",
        En,
        published,
        Future,
        &["on Thursday = 2025-09-25"],
    );
    check(
        "He arrives this Thursday.",
        En,
        published,
        Future,
        &["this Thursday = 2025-09-25"],
    );
    check(
        "Monday's talks went well.",
        En,
        published,
        Past,
        &["Monday = 2025-09-22"],
    );
}

#[test]
fn weekday_with_a_day() {
    check(
        "He landed on Tuesday the 23rd in Bamako.",
        En,
        Some("2025-09-24"),
        Past,
        &["on Tuesday the 23rd = 2025-09-23"],
    );
}

#[test]
fn relative_days() {
    let published = Some("2025-09-24");
    check(
        "He arrived yesterday.",
        En,
        published,
        Past,
        &["yesterday = 2025-09-23"],
    );
    check(
        "He arrives today and leaves tomorrow.",
        En,
        published,
        Future,
        &["today = 2025-09-24", "tomorrow = 2025-09-25"],
    );
    check(
        "They met the day before yesterday.",
        En,
        published,
        Past,
        &["the day before yesterday = 2025-09-22"],
    );
}

#[test]
fn relative_weeks() {
    let published = Some("2025-09-24");
    check(
        "He travelled this week.",
        En,
        published,
        Past,
        &["this week = 2025-09"],
    );
    check(
        "He travelled last week.",
        En,
        published,
        Past,
        &["last week = 2025-09"],
    );
    check(
        "He travels next week.",
        En,
        published,
        Future,
        &["next week = null"],
    );
    check(
        "He travelled earlier this week.",
        En,
        Some("2025-10-01"),
        Past,
        &["earlier this week = null"],
    );
    check(
        "In the last week of March, nothing happened.",
        En,
        published,
        Past,
        &[],
    );
}

#[test]
fn relative_months_and_years() {
    let published = Some("2025-01-15");
    check(
        "Signed last month.",
        En,
        published,
        Past,
        &["last month = 2024-12"],
    );
    check(
        "Due next month.",
        En,
        published,
        Future,
        &["next month = 2025-02"],
    );
    check(
        "Signed earlier this month.",
        En,
        published,
        Past,
        &["earlier this month = 2025-01"],
    );
    check(
        "Signed last year.",
        En,
        published,
        Past,
        &["last year = 2024"],
    );
    check(
        "Due this year.",
        En,
        published,
        Future,
        &["this year = 2025"],
    );
    check(
        "Due later this year.",
        En,
        published,
        Future,
        &["later this year = 2025"],
    );
    check(
        "Due next year.",
        En,
        published,
        Future,
        &["next year = 2026"],
    );
    check("Over the last year, trade grew.", En, published, Past, &[]);
}

#[test]
fn bare_day_of_month() {
    let published = Some("2025-09-24");
    check(
        "He arrived on the 28th.",
        En,
        published,
        Past,
        &["on the 28th = 2025-08-28"],
    );
    check(
        "He arrives on the 28th.",
        En,
        published,
        Future,
        &["on the 28th = 2025-09-28"],
    );
    check(
        "They gathered on the 10th anniversary of ties.",
        En,
        published,
        Past,
        &[],
    );
}

#[test]
fn numeric_dates() {
    check(
        "Issued 24/09/2025, amended 09/25/2025, effective 2025-09-26.",
        En,
        None,
        Past,
        &[
            "24/09/2025 = 2025-09-24",
            "09/25/2025 = 2025-09-25",
            "2025-09-26 = 2025-09-26",
        ],
    );
}

#[test]
fn vague_times() {
    let published = Some("2025-09-24");
    check(
        "He will visit soon, and a deal is expected in the coming months.",
        En,
        published,
        Future,
        &["soon = null", "in the coming months = null"],
    );
    check(
        "Both sides recently met.",
        En,
        published,
        Past,
        &["recently = null"],
    );
}

#[test]
fn without_published_relative_dates_are_null() {
    check(
        "He came yesterday and on Tuesday; the deal of September 24, 2025 dates back to 2014.",
        En,
        None,
        Past,
        &[
            "yesterday = null",
            "on Tuesday = null",
            "September 24, 2025 = 2025-09-24",
            "2014 = 2014",
        ],
    );
}

#[test]
fn may_the_verb_and_the_name() {
    let published = Some("2025-09-24");
    check(
        "May both nations prosper. They may meet.",
        En,
        published,
        Past,
        &[],
    );
    check("Theresa May spoke to him.", En, published, Past, &[]);
    check(
        "They met in May.",
        En,
        published,
        Past,
        &["in May = 2025-05"],
    );
    check(
        "They met on May 5.",
        En,
        published,
        Past,
        &["May 5 = 2025-05-05"],
    );
    check(
        "Talks ran through May 2025.",
        En,
        published,
        Past,
        &["through May 2025 = 2025-05"],
    );
    check("The March 23 Movement rebels.", En, published, Past, &[]);
}

#[test]
fn numbers_that_are_not_years() {
    check(
        "COP29, the G20, Saudi Vision 2030, Agenda 2063 and Horizon 2020.",
        En,
        None,
        Past,
        &[],
    );
    check(
        "A $3.3 billion loan, 2000 troops and the 2024-2028 plan.",
        En,
        None,
        Past,
        &[],
    );
    check("Call +1 202 2024 555 now.", En, None, Past, &[]);
    check("In the 1990s, in 1850 and in 2150.", En, None, Past, &[]);
}

#[test]
fn weekday_names_in_names() {
    check(
        "The Good Friday Agreement, Super Tuesday and the Sunday Times.",
        En,
        Some("2025-09-24"),
        Past,
        &[],
    );
}

#[test]
fn month_of_a_relative_year() {
    let published = Some("2025-02-10");
    check(
        "He travelled to Dakar in May last year.",
        En,
        published,
        Past,
        &["in May last year = 2024-05"],
    );
    check(
        "The summit opens in March next year.",
        En,
        published,
        Future,
        &["in March next year = 2026-03"],
    );
}

#[test]
fn vague_times_relative_to_other_events() {
    check(
        "Ties were set up shortly after independence and soon afterwards an embassy opened.",
        En,
        Some("2025-09-24"),
        Past,
        &[],
    );
    check(
        "Prices rose since the start of the year.",
        En,
        Some("2025-09-24"),
        Past,
        &["since the start of the year = 2025"],
    );
}

#[test]
fn iso_timestamps() {
    check(
        "Posted 2025-09-24T10:00:00Z by the desk.",
        En,
        None,
        Past,
        &["2025-09-24T10:00:00Z = 2025-09-24"],
    );
}
