//! Lexicons compiled into the binary: countries with their names, demonyms
//! and capitals in each language, cities, titles and trigger words.
