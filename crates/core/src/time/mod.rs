//! Dates in article text, resolved against the publication date: absolute
//! ("le 24 septembre 2025", "Sept. 24, 2025", "24/09/2025"), partial ("en
//! novembre", "in 2014") and relative ("ce mardi", "last week", "hier"), each
//! at the precision the text supports.
