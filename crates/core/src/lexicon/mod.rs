//! Lexicons compiled into the binary: countries with their names, demonyms
//! and capitals in each language, cities, current heads of state and of
//! government, titles and trigger words.
//! The gazetteers match on folded keys (see [`crate::text::fold`]), whole
//! words only, and report byte spans of the source text.

mod cities;
mod context;
mod countries;
pub mod cues;
mod gazetteer;
mod leaders;
mod lookup;
pub(crate) use gazetteer::Analysed;
pub use leaders::{Leader, leaders_named};
pub use lookup::lookup_country;

pub use cities::{CityMention, country_of_city, find_cities};
pub use countries::{
    CountryForm, CountryMention, all_country_codes, capital_of, country_name_en, find_countries,
};

/// The countries and the cities of `text` at once, folding it only once:
/// the same as [`find_countries`] and [`find_cities`].
pub fn find_places(text: &str) -> (Vec<CountryMention>, Vec<CityMention>) {
    places_in(&Analysed::new(text))
}

/// The countries and the cities of a text already folded.
pub(crate) fn places_in(analysed: &Analysed<'_>) -> (Vec<CountryMention>, Vec<CityMention>) {
    (
        countries::countries_in(analysed),
        cities::cities_in(analysed),
    )
}

#[cfg(test)]
mod tests;
