//! CAMEO and PLOVER codes for the record's event types, from the table of
//! the record contract (`spec/record.md`). The record's types are coarser
//! than CAMEO's, so each maps to one code: a visit is seen from the visitor
//! (042 make a visit), a meeting is the generic 040 consult. A planned or
//! proposed event takes PLOVER's `future` context, and a signing that is
//! only promised is PLOVER AGREE rather than SUPPORT.

use entente_core::model::{EventType, Modality};

/// The codes of one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventCodes {
    pub cameo: &'static str,
    pub plover_category: &'static str,
    pub plover_mode: Option<&'static str>,
    pub plover_context: Option<&'static str>,
}

/// The codes of an event of type `kind` and modality `modality`.
pub fn event_codes(kind: EventType, modality: Modality) -> EventCodes {
    let future = modality != Modality::Occurred;
    let (cameo, plover_category, plover_mode) = match kind {
        EventType::RelationsEstablished => ("054", "SUPPORT", None),
        EventType::Visit => ("042", "CONSULT", Some("visit")),
        // The record does not say whether a meeting was at a third location
        // (044) or a negotiation (046), so the generic code stands.
        EventType::Meeting => ("040", "CONSULT", None),
        EventType::Call => ("041", "CONSULT", Some("phone")),
        EventType::AgreementSigned if future => ("057", "AGREE", None),
        EventType::AgreementSigned => ("057", "SUPPORT", None),
        EventType::EnvoyAccredited => ("050", "SUPPORT", None),
    };
    EventCodes {
        cameo,
        plover_category,
        plover_mode,
        plover_context: future.then_some("future"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        kind: EventType,
        modality: Modality,
        expected: (&str, &str, Option<&str>, Option<&str>),
    ) {
        let codes = event_codes(kind, modality);
        let actual = (
            codes.cameo,
            codes.plover_category,
            codes.plover_mode,
            codes.plover_context,
        );
        assert_eq!(actual, expected, "{kind} {modality}");
    }

    #[test]
    fn every_event_type_has_the_codes_of_the_spec_table() {
        use EventType::*;
        use Modality::*;
        check(
            RelationsEstablished,
            Occurred,
            ("054", "SUPPORT", None, None),
        );
        check(Visit, Occurred, ("042", "CONSULT", Some("visit"), None));
        check(Meeting, Occurred, ("040", "CONSULT", None, None));
        check(Call, Occurred, ("041", "CONSULT", Some("phone"), None));
        check(AgreementSigned, Occurred, ("057", "SUPPORT", None, None));
        check(EnvoyAccredited, Occurred, ("050", "SUPPORT", None, None));
    }

    #[test]
    fn planned_and_proposed_events_are_in_the_future() {
        use EventType::*;
        use Modality::*;
        check(
            Visit,
            Planned,
            ("042", "CONSULT", Some("visit"), Some("future")),
        );
        check(Meeting, Proposed, ("040", "CONSULT", None, Some("future")));
        check(
            AgreementSigned,
            Planned,
            ("057", "AGREE", None, Some("future")),
        );
        check(
            EnvoyAccredited,
            Proposed,
            ("050", "SUPPORT", None, Some("future")),
        );
    }
}
