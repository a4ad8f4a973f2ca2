//! The geometry of the SVG charts, computed on the server: the timeline of a
//! pair's events by type, a country's partners as a network, and bar charts.
//! Templates draw these values; every label they carry is escaped there.

use entente_core::model::{EventType, Modality};

/// The colour of an event type, shared by the timeline, the network and the
/// legends.
pub fn colour(kind: Option<EventType>) -> &'static str {
    match kind {
        Some(EventType::RelationsEstablished) => "#6a3d9a",
        Some(EventType::Visit) => "#1f78b4",
        Some(EventType::Meeting) => "#33a02c",
        Some(EventType::Call) => "#e66101",
        Some(EventType::AgreementSigned) => "#c51b7d",
        Some(EventType::EnvoyAccredited) => "#8c510a",
        None => "#888888",
    }
}

/// One entry of a colour legend.
#[derive(Debug, Clone)]
pub struct LegendEntry {
    pub label: String,
    pub colour: &'static str,
}

/// The legend of the event types.
pub fn legend() -> Vec<LegendEntry> {
    EventType::ALL
        .iter()
        .map(|kind| LegendEntry {
            label: kind.as_str().replace('_', " "),
            colour: colour(Some(*kind)),
        })
        .collect()
}

/// One event on the timeline.
#[derive(Debug, Clone)]
pub struct TimelineInput {
    pub id: String,
    pub kind: EventType,
    pub modality: Modality,
    pub date: Option<String>,
    pub title: String,
}

/// A mark of the timeline: a filled circle for what occurred, a dashed
/// hollow circle for what is planned and a hollow diamond for a proposal.
#[derive(Debug, Clone)]
pub struct TimelineMark {
    pub id: String,
    pub x: i64,
    pub y: i64,
    pub modality: &'static str,
    pub colour: &'static str,
    /// The diamond's corners, for a proposal.
    pub points: String,
    pub title: String,
}

/// A row (one event type) or an axis label.
#[derive(Debug, Clone)]
pub struct AxisLabel {
    pub x: i64,
    pub y: i64,
    pub text: String,
}

/// The timeline of a pair.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub width: i64,
    pub height: i64,
    pub rows: Vec<AxisLabel>,
    pub ticks: Vec<AxisLabel>,
    pub marks: Vec<TimelineMark>,
    /// Where the column of undated events starts, when there are any.
    pub undated_x: Option<i64>,
}

const LEFT: i64 = 150;
const RIGHT_PAD: i64 = 30;
const ROW: i64 = 34;
const TOP: i64 = 20;
const UNDATED: i64 = 70;

/// A day count for a date of any precision, enough to place it.
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.split('-').map(|part| part.parse::<i64>().ok());
    let year = parts.next()??;
    let month = parts.next().flatten().unwrap_or(1);
    let day = parts.next().flatten().unwrap_or(1);
    Some(year * 372 + (month - 1) * 31 + (day - 1))
}

/// Lays out the timeline: one row per event type, dates on the x axis,
/// undated events in a column of their own on the right.
pub fn timeline(events: &[TimelineInput], width: i64) -> Timeline {
    let rows: Vec<AxisLabel> = EventType::ALL
        .iter()
        .enumerate()
        .map(|(row, kind)| AxisLabel {
            x: LEFT - 8,
            y: TOP + ROW * row as i64 + ROW / 2,
            text: kind.as_str().replace('_', " "),
        })
        .collect();
    let days: Vec<i64> = events
        .iter()
        .filter_map(|event| event.date.as_deref().and_then(day_number))
        .collect();
    let has_undated = events.iter().any(|event| event.date.is_none());
    let plot_right = width - RIGHT_PAD - if has_undated { UNDATED } else { 0 };
    let (first, last) = (days.iter().min().copied(), days.iter().max().copied());
    let place = |day: i64| match (first, last) {
        (Some(first), Some(last)) if last > first => {
            LEFT + 10 + (day - first) * (plot_right - LEFT - 20) / (last - first)
        }
        _ => (LEFT + plot_right) / 2,
    };
    let tick_y = TOP + ROW * rows.len() as i64 + 16;
    let mut ticks: Vec<AxisLabel> = Vec::new();
    let dated = events
        .iter()
        .filter_map(|event| Some((day_number(event.date.as_deref()?)?, event.date.clone()?)));
    let extremes = [dated.clone().min(), dated.max()];
    for (day, date) in extremes.into_iter().flatten() {
        if ticks.iter().all(|tick| tick.text != date) {
            ticks.push(AxisLabel {
                x: place(day),
                y: tick_y,
                text: date,
            });
        }
    }
    let undated_x = has_undated.then_some(plot_right + 10);
    let mut taken: Vec<(i64, i64)> = Vec::new();
    let marks = events
        .iter()
        .map(|event| {
            let row = EventType::ALL
                .iter()
                .position(|kind| *kind == event.kind)
                .unwrap_or(0) as i64;
            let y = TOP + ROW * row + ROW / 2;
            let mut x = match event.date.as_deref().and_then(day_number) {
                Some(day) => place(day),
                None => plot_right + 10 + UNDATED / 2,
            };
            // Marks on the same spot are nudged apart so each stays visible.
            while taken.iter().any(|&(tx, ty)| ty == y && (tx - x).abs() < 12) {
                x += 12;
            }
            taken.push((x, y));
            TimelineMark {
                id: event.id.clone(),
                x,
                y,
                modality: event.modality.as_str(),
                colour: colour(Some(event.kind)),
                points: format!(
                    "{},{} {},{} {},{} {},{}",
                    x,
                    y - 8,
                    x + 8,
                    y,
                    x,
                    y + 8,
                    x - 8,
                    y
                ),
                title: event.title.clone(),
            }
        })
        .collect();
    Timeline {
        width,
        height: TOP + ROW * rows.len() as i64 + 30,
        rows,
        ticks,
        marks,
        undated_x,
    }
}

/// A partner in a country's network.
#[derive(Debug, Clone)]
pub struct NetworkNode {
    pub x: i64,
    pub y: i64,
    pub label_x: i64,
    pub label_y: i64,
    pub anchor: &'static str,
    pub code: String,
    pub href: String,
    pub edge_width: i64,
    pub colour: &'static str,
    pub title: String,
}

/// A partner to place in the network.
#[derive(Debug, Clone)]
pub struct NetworkInput {
    pub code: String,
    pub href: String,
    pub events: i64,
    pub latest_kind: Option<EventType>,
    pub title: String,
}

/// A country and its partners around it.
#[derive(Debug, Clone)]
pub struct Network {
    pub size: i64,
    pub centre: i64,
    pub nodes: Vec<NetworkNode>,
}

/// Places the partners on a circle around the country; edges are wider the
/// more events the pair has and coloured by its latest kind of contact.
pub fn network(partners: &[NetworkInput], size: i64) -> Network {
    let centre = size / 2;
    let radius = (size as f64) * 0.36;
    let most = partners
        .iter()
        .map(|partner| partner.events)
        .max()
        .unwrap_or(0)
        .max(1);
    let count = partners.len().max(1) as f64;
    let nodes = partners
        .iter()
        .enumerate()
        .map(|(rank, partner)| {
            let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * rank as f64 / count;
            let (sin, cos) = angle.sin_cos();
            let x = centre + (radius * cos).round() as i64;
            let y = centre + (radius * sin).round() as i64;
            NetworkNode {
                x,
                y,
                label_x: centre + ((radius + 26.0) * cos).round() as i64,
                label_y: centre + ((radius + 26.0) * sin).round() as i64 + 4,
                anchor: if cos > 0.3 {
                    "start"
                } else if cos < -0.3 {
                    "end"
                } else {
                    "middle"
                },
                code: partner.code.clone(),
                href: partner.href.clone(),
                edge_width: 1 + 9 * partner.events / most,
                colour: colour(partner.latest_kind),
                title: partner.title.clone(),
            }
        })
        .collect();
    Network {
        size,
        centre,
        nodes,
    }
}

/// A bar of a horizontal bar chart.
#[derive(Debug, Clone)]
pub struct Bar {
    pub y: i64,
    pub width: i64,
    pub label: String,
    pub value: usize,
    pub title: String,
}

/// A horizontal bar chart.
#[derive(Debug, Clone)]
pub struct Bars {
    pub width: i64,
    pub height: i64,
    pub bars: Vec<Bar>,
}

/// Lays out labelled counts as horizontal bars, longest for the largest.
pub fn bars(values: &[(String, usize, String)], width: i64) -> Bars {
    let most = values
        .iter()
        .map(|(_, value, _)| *value)
        .max()
        .unwrap_or(0)
        .max(1);
    let span = width - LEFT - 40;
    let bars = values
        .iter()
        .enumerate()
        .map(|(rank, (label, value, title))| Bar {
            y: 4 + 24 * rank as i64,
            width: (span * *value as i64 / most as i64).max(2),
            label: label.clone(),
            value: *value,
            title: title.clone(),
        })
        .collect();
    Bars {
        width,
        height: 8 + 24 * values.len() as i64,
        bars,
    }
}
