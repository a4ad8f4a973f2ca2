//! Closed vocabularies of the record: roles, event types, modalities,
//! agreement topics, instruments and statuses, and cooperation sectors. Each
//! enum serialises to the exact spelling of the spec and parses it back.

use serde::{Deserialize, Serialize};

/// Declares a vocabulary enum with its spec spelling for each variant.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spec's spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the spec's spelling.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The office a person holds at the time of the article.
    Role {
        HeadOfState => "head_of_state",
        HeadOfGovernment => "head_of_government",
        ForeignMinister => "foreign_minister",
        Minister => "minister",
        Ambassador => "ambassador",
        Consul => "consul",
        Official => "official",
        Other => "other",
    }
}

vocabulary! {
    /// The kind of diplomatic happening.
    EventType {
        RelationsEstablished => "relations_established",
        Visit => "visit",
        Meeting => "meeting",
        Call => "call",
        AgreementSigned => "agreement_signed",
        EnvoyAccredited => "envoy_accredited",
    }
}

vocabulary! {
    /// Whether a happening took place, is scheduled, or is only wished for.
    Modality {
        Occurred => "occurred",
        Planned => "planned",
        Proposed => "proposed",
    }
}

vocabulary! {
    /// The legal form of an agreement.
    Instrument {
        Agreement => "agreement",
        Memorandum => "memorandum",
        Treaty => "treaty",
        Convention => "convention",
        Protocol => "protocol",
        Declaration => "declaration",
        Roadmap => "roadmap",
        Other => "other",
    }
}

vocabulary! {
    /// The furthest stage of an agreement's lifecycle reported; ordered.
    Status {
        Proposed => "proposed",
        Negotiating => "negotiating",
        Signed => "signed",
        Ratified => "ratified",
        InForce => "in_force",
    }
}

vocabulary! {
    /// An area of cooperation.
    Sector {
        Agriculture => "agriculture",
        FoodSecurity => "food_security",
        Trade => "trade",
        Investment => "investment",
        Mining => "mining",
        Energy => "energy",
        Transport => "transport",
        Digital => "digital",
        Education => "education",
        Health => "health",
        Security => "security",
        Culture => "culture",
        Tourism => "tourism",
        Finance => "finance",
        Infrastructure => "infrastructure",
        Environment => "environment",
        Migration => "migration",
        Justice => "justice",
        Science => "science",
    }
}

/// The subject of an agreement: one of six special topics, or a sector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    VisaExemption,
    InvestmentProtection,
    DoubleTaxation,
    AirServices,
    LegalAssistance,
    GeneralCooperation,
    Sector(Sector),
}

impl Topic {
    /// The spec's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::VisaExemption => "visa_exemption",
            Topic::InvestmentProtection => "investment_protection",
            Topic::DoubleTaxation => "double_taxation",
            Topic::AirServices => "air_services",
            Topic::LegalAssistance => "legal_assistance",
            Topic::GeneralCooperation => "general_cooperation",
            Topic::Sector(sector) => sector.as_str(),
        }
    }

    /// Parses the spec's spelling.
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "visa_exemption" => Topic::VisaExemption,
            "investment_protection" => Topic::InvestmentProtection,
            "double_taxation" => Topic::DoubleTaxation,
            "air_services" => Topic::AirServices,
            "legal_assistance" => Topic::LegalAssistance,
            "general_cooperation" => Topic::GeneralCooperation,
            other => Topic::Sector(Sector::parse(other)?),
        })
    }

    /// The sector an agreement on this topic adds to the record's sectors.
    pub fn sector(self) -> Option<Sector> {
        match self {
            Topic::VisaExemption => Some(Sector::Migration),
            Topic::InvestmentProtection => Some(Sector::Investment),
            Topic::DoubleTaxation => Some(Sector::Finance),
            Topic::AirServices => Some(Sector::Transport),
            Topic::LegalAssistance => Some(Sector::Justice),
            Topic::GeneralCooperation => None,
            Topic::Sector(sector) => Some(sector),
        }
    }
}

impl std::fmt::Display for Topic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Topic {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Topic {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Topic::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown agreement topic {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_value_round_trips_through_its_spelling() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(*role));
        }
        for sector in Sector::ALL {
            let topic = Topic::Sector(*sector);
            assert_eq!(Topic::parse(topic.as_str()), Some(topic));
        }
        assert_eq!(Topic::parse("double_taxation"), Some(Topic::DoubleTaxation));
        assert_eq!(Topic::parse("fisheries"), None);
        assert!(Status::Signed < Status::Ratified && Status::Proposed < Status::Negotiating);
    }
}
