//! The analysed article that every extraction stage reads: sentences, their
//! folded keys, and the countries, cities and dates found in the text, plus
//! the article's main pair of countries and its dateline city.

use std::borrow::Cow;

use jiff::civil::Date;

use crate::lexicon::{self, CityMention, CountryMention};
use crate::text::{Folded, Lang, Sentence, fold, split_sentences};
use crate::time::{DateMention, find_dates};

/// One sentence with its folded key.
pub(crate) struct AnalysedSentence {
    pub start: usize,
    pub end: usize,
    pub folded: Folded,
}

impl AnalysedSentence {
    /// The source byte range of a folded key range.
    pub fn source(&self, key_start: usize, key_end: usize) -> (usize, usize) {
        let (start, end) = self.folded.source_span(key_start, key_end);
        (self.start + start, self.start + end)
    }

    /// Whether the source range `[start, end)` lies in this sentence.
    /// The folded key of the text range `start..end` (article offsets,
    /// inside this sentence): cut out of the sentence's fold when it can
    /// be, folded afresh when the range opens inside a run of whitespace.
    pub fn key_of(&self, text: &str, start: usize, end: usize) -> Cow<'_, str> {
        let sentence = &text[self.start..self.end];
        self.folded
            .key_or_fold(sentence, start - self.start, end - self.start)
    }

    pub fn contains(&self, start: usize, end: usize) -> bool {
        start >= self.start && end <= self.end
    }
}

pub(crate) struct Article<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub published: Option<Date>,
    pub sentences: Vec<AnalysedSentence>,
    pub countries: Vec<CountryMention>,
    pub cities: Vec<CityMention>,
    pub dates: Vec<DateMention>,
    /// The byte offset where the body starts (after the title line).
    pub body_start: usize,
    /// The city of the dateline ("MANILA —", "COTONOU –"), if any.
    pub dateline_city: Option<CityMention>,
    /// The byte range of the dateline ("LIMA, Nov. 17 (Wire) —"), whose date
    /// is the report's, not the event's.
    pub dateline_span: Option<(usize, usize)>,
    /// The fold of the whole text, which the folds of its pieces are cut
    /// out of ([`Article::key_of`]).
    folded: Folded,
}

impl<'a> Article<'a> {
    pub fn new(text: &'a str, lang: Lang, published: Option<Date>) -> Self {
        // One fold of the whole text serves the gazetteers and, cut into
        // pieces, the furniture lines and the sentences.
        let analysed = lexicon::Analysed::new(text);
        let furniture = furniture_lines(text, &analysed.folded);
        let outside = |start: usize| !furniture.iter().any(|&(s, e)| start >= s && start < e);
        let sentences = split_sentences(text)
            .into_iter()
            .filter(|sentence| outside(sentence.start))
            .map(|Sentence { start, end }| AnalysedSentence {
                start,
                end,
                folded: analysed
                    .folded
                    .slice(text, start, end)
                    .unwrap_or_else(|| fold(&text[start..end])),
            })
            .collect::<Vec<_>>();
        let (mut countries, mut cities) = lexicon::places_in(&analysed);
        let folded = analysed.folded;
        countries.retain(|m| outside(m.start));
        cities.retain(|m| outside(m.start));
        let mut dates = find_dates(text, lang);
        dates.retain(|m| outside(m.start));
        let body_start = title_end(text);
        let dateline = find_dateline(text, &cities);
        let dateline_city = dateline.map(|(city, _)| city);
        let dateline_span = dateline.map(|(city, end)| (city.start, end));
        Article {
            text,
            lang,
            published,
            sentences,
            countries,
            cities,
            dates,
            body_start,
            dateline_city,
            dateline_span,
            folded,
        }
    }

    /// The folded key of the text range `start..end`: cut out of the fold of
    /// the whole text when it can be, folded afresh when the range opens
    /// inside a run of whitespace. The same as `fold(&text[start..end]).key`.
    pub fn key_of(&self, start: usize, end: usize) -> Cow<'_, str> {
        self.folded.key_or_fold(self.text, start, end)
    }

    /// The sentence that contains byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let holds = |s: &AnalysedSentence| offset >= s.start && offset < s.end.max(s.start + 1);
        // The sentences are sorted and do not overlap: the one that holds
        // `offset` is the last to start at or before it, or an empty one
        // just before that.
        let last = self
            .sentences
            .partition_point(|s| s.start <= offset)
            .checked_sub(1)?;
        (last.saturating_sub(1)..=last).find(|&i| holds(&self.sentences[i]))
    }

    /// Country mentions inside `[start, end)`.
    pub fn countries_in(&self, start: usize, end: usize) -> impl Iterator<Item = &CountryMention> {
        within(&self.countries, |m| (m.start, m.end), start, end)
    }

    /// City mentions inside `[start, end)`.
    pub fn cities_in(&self, start: usize, end: usize) -> impl Iterator<Item = &CityMention> {
        within(&self.cities, |m| (m.start, m.end), start, end)
    }

    /// The English name of a city as the record gives it: GeoNames calls some
    /// cities "X City" where articles and the spec say "X" ("New York").
    /// Names whose remainder is itself a country ("Mexico City", "Kuwait
    /// City") keep the word.
    pub fn city_name(&self, city: &CityMention) -> &'static str {
        match city.name.strip_suffix(" City") {
            Some(short) if lexicon::find_countries(short).is_empty() => short,
            _ => city.name,
        }
    }

    /// The date of the news: the first date of the lead paragraph (the first
    /// paragraph of the body), resolved towards the past.
    pub fn lead_date(&self) -> Option<crate::time::PartialDate> {
        let body = &self.text[self.body_start..];
        let first_paragraph = body.trim_start();
        let lead_start = self.body_start + (body.len() - first_paragraph.len());
        let lead_end = first_paragraph
            .find('\n')
            .map_or(self.text.len(), |i| lead_start + i);
        self.sentences
            .iter()
            .filter(|s| s.start >= lead_start && s.end <= lead_end)
            .find_map(|s| super::clause::sentence_date(self, s, crate::time::Direction::Past, None))
    }

    /// Whether byte `offset` lies in the dateline.
    pub fn in_dateline(&self, offset: usize) -> bool {
        self.dateline_span
            .is_some_and(|(start, end)| offset >= start && offset < end)
    }

    /// Date mentions inside `[start, end)`.
    pub fn dates_in(&self, start: usize, end: usize) -> impl Iterator<Item = &DateMention> {
        within(&self.dates, |m| (m.start, m.end), start, end)
    }
}

/// The mentions of `sorted` (sorted by start) that lie inside `[start, end)`,
/// in order: those starting from `start` up to `end` that end by `end`.
fn within<T>(
    sorted: &[T],
    span: impl Fn(&T) -> (usize, usize) + Copy,
    start: usize,
    end: usize,
) -> impl Iterator<Item = &T> {
    let first = sorted.partition_point(|m| span(m).0 < start);
    sorted[first..]
        .iter()
        .take_while(move |m| span(m).0 <= end)
        .filter(move |m| span(m).1 <= end)
}

/// Lines of site furniture left in a plain-text article: teasers for other
/// articles, share and follow prompts. They are not part of the article, so
/// nothing in them is extracted.
fn furniture_lines(text: &str, folded: &Folded) -> Vec<(usize, usize)> {
    const OPENINGS: &[&str] = &[
        "lire aussi",
        "a lire aussi",
        "lire egalement",
        "voir aussi",
        "a voir aussi",
        "sur le meme sujet",
        "read also",
        "read more",
        "see also",
        "related:",
        "related articles",
        "more on this",
        "share this",
        "partager",
        "rejoignez",
        "suivez-nous",
        "follow us",
        "subscribe",
        "abonnez-vous",
    ];
    let mut ranges = Vec::new();
    let mut start = 0;
    let longest = OPENINGS.iter().map(|o| o.len()).max().unwrap_or(0);
    // The key of a piece of the text, cut out of the fold of the whole.
    let key_of = |start: usize, end: usize| folded.key_or_fold(text, start, end);
    for line in text.split_inclusive('\n') {
        // Only the head of a line can open it: a few words, and the whole
        // line only when whitespace or ligatures made them too short.
        let trimmed = line.trim_start();
        let trimmed_start = start + (line.len() - trimmed.len());
        let head_end = trimmed_start + trimmed.floor_char_boundary(2 * longest);
        let mut head = key_of(trimmed_start, head_end);
        if head.len() < longest && trimmed.len() > 2 * longest {
            head = key_of(trimmed_start, trimmed_start + trimmed.len());
        }
        if OPENINGS.iter().any(|opening| head.starts_with(opening)) {
            ranges.push((start, start + line.len()));
        }
        start += line.len();
    }
    ranges
}

/// Where the body starts: after the first line when it is a title (short,
/// without a closing full stop), else at the start of the text.
fn title_end(text: &str) -> usize {
    let Some(newline) = text.find('\n') else {
        return 0;
    };
    let first = text[..newline].trim();
    if first.chars().count() > 200 || first.ends_with('.') {
        0
    } else {
        newline + 1
    }
}

/// A dateline is a city in capitals at the start of a body line, followed by
/// a dash, a comma or a bracket ("NEW DELHI, Dec 5 —", "COTONOU – Le
/// président", "HANOI (Wire) —"). Returns the city and where the dateline
/// ends (after its dash, or after the city when there is none).
fn find_dateline(text: &str, cities: &[CityMention]) -> Option<(CityMention, usize)> {
    let mut line_start = 0;
    for line in text.split_inclusive('\n').take(8) {
        let trimmed = line.trim_start();
        let offset = line_start + (line.len() - trimmed.len());
        let head_len = trimmed
            .find(['—', '–', ',', '-', '('])
            .unwrap_or(trimmed.len());
        let head = &trimmed[..head_len];
        let head_is_caps = head.chars().any(char::is_alphabetic)
            && head
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        if head_is_caps
            && head_len < trimmed.len()
            && let Some(city) = cities
                .iter()
                .find(|c| c.start >= offset && c.end <= offset + head_len)
        {
            let window_end = trimmed.floor_char_boundary(80.min(trimmed.len()));
            let end = trimmed[..window_end]
                .find(['—', '–'])
                .map_or(offset + head_len, |dash| offset + dash);
            return Some((*city, end));
        }
        line_start += line.len();
    }
    None
}
