//! Agreements: each bilateral instrument the article mentions, with its
//! topic, its legal form, the furthest stage of its lifecycle that the text
//! reports, and the date, place and signatories of its signature. Later
//! references ("cet accord", "the pact") update the agreement they refer to.

use std::sync::LazyLock;

use regex::Regex;

use super::article::{AnalysedSentence, Article};
use super::clause;
use super::persons::{PersonEntity, PersonMention};
use super::triggers::{Triggers, triggers};
use crate::lexicon::cues;
use crate::model::{Agreement, Event, EventType, Instrument, Modality, Span, Status, Topic};
use crate::text::{Lang, PhraseSet};
use crate::time::{Direction, PartialDate};

/// An agreement as read so far.
#[derive(Debug, Clone)]
pub(crate) struct AgreementDraft {
    pub topic: Topic,
    pub instrument: Instrument,
    pub parties: Vec<&'static str>,
    pub status: Status,
    /// A signing is scheduled (a planned `agreement_signed` event).
    pub signing_planned: bool,
    pub date: Option<PartialDate>,
    pub place: Option<&'static str>,
    pub signatories: Vec<usize>,
    pub evidence: Vec<Span>,
}

/// Definite references to an agreement already named.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:cet accord|ce nouvel accord|cet acte|ce texte|ce memorandum|ce protocole|l'accord|le texte|il a ete signe|elle a ete signee|the (?:new )?(?:agreement|deal|pact|accord|treaty|memorandum|mou|document)|it was (?:signed|initialled|concluded|inked))(?-u:\b)")
        .expect("reference pattern")
});

/// Words that stop the phrase naming an agreement's subject.
static PHRASE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[,;:.()]| (?:qui|que|dont|a ete|ont ete|sera|which|that|was|were|will|signed|signe(?-u:\w)*|between|entre|avec|with|lors|during|a |au |en marge|on the sidelines)(?-u:\b)")
        .expect("phrase end pattern")
});

pub(crate) fn find_agreements(
    article: &Article,
    entities: &[PersonEntity],
    mentions: &[PersonMention],
    sentence_parties: &[Option<Vec<&'static str>>],
) -> Vec<AgreementDraft> {
    let patterns = triggers(article.lang);
    let mut drafts: Vec<AgreementDraft> = Vec::new();
    // A signing reported in one sentence ("ont signé une série d'accords")
    // carries over to the next two, which often list what was signed.
    let mut context: Option<(Signing, usize)> = None;
    let lead = lead_of(article);
    for (sentence, parties) in article.sentences.iter().zip(sentence_parties) {
        let key = &sentence.folded.key;
        let Some(parties) = parties.clone() else {
            context = context.and_then(|(signing, left)| (left > 1).then_some((signing, left - 1)));
            continue;
        };
        let stage = sentence_stage(patterns, key);
        let inherited = context.as_ref().map(|(signing, _)| signing.clone());
        let here = stage.map(|stage| {
            let mut signing = Signing::read(article, sentence, stage, entities, mentions);
            if signing.stage.status >= Status::Signed {
                if let Some(previous) = &inherited {
                    signing.date = signing.date.or(previous.date);
                    signing.place = signing.place.or(previous.place);
                }
                if is_lead_news(article, sentence) {
                    signing.date = signing.date.or(lead.0);
                    signing.place = signing.place.or(lead.1);
                }
            }
            signing
        });
        if let Some(signing) = &here
            && signing.stage.status >= Status::Signed
        {
            let mut carried = signing.clone();
            if let Some(previous) = &inherited {
                carried.date = carried.date.or(previous.date);
                carried.place = carried.place.or(previous.place);
            }
            context = Some((carried, 3));
        }
        let nouns: Vec<(usize, usize)> = patterns
            .instrument
            .find_iter(key)
            .map(|m| (m.start(), m.end()))
            .collect();
        let (company_deal, counted, references) = if nouns.is_empty() {
            (false, Vec::new(), Vec::new())
        } else {
            let counted: Vec<(usize, usize)> = patterns
                .count
                .find_iter(key)
                .map(|m| (m.start(), m.end()))
                .collect();
            let references: Vec<regex::Match<'_>> = REFERENCE.find_iter(key).collect();
            (is_company_deal(key), counted, references)
        };
        let mut new_here = 0;
        for (index, &(noun_start, noun_end)) in nouns.iter().enumerate() {
            if company_deal || counted.iter().any(|&(s, e)| noun_start < e && noun_end > s) {
                continue;
            }
            // "cet accord" refers back; "l'accord de coopération signé en
            // 2023" names an agreement by its subject.
            let reference = references
                .iter()
                .find(|r| r.start() <= noun_start && r.end() >= noun_end);
            let referring = reference.is_some();
            if let Some(reference) = reference {
                let demonstrative = ["cet ", "ce ", "cette ", "this ", "these ", "it "]
                    .iter()
                    .any(|d| reference.as_str().starts_with(d));
                let complement = key[noun_end..]
                    .trim_start()
                    .split([' ', '\''])
                    .next()
                    .is_some_and(|word| {
                        ["de", "d", "du", "des", "sur", "on", "for", "of", "pour"].contains(&word)
                    });
                if demonstrative || !complement {
                    continue;
                }
            }
            let noun = &key[noun_start..noun_end];
            let next_noun = nouns.get(index + 1).map_or(key.len(), |&(s, _)| s);
            let (phrase_start, phrase_end) = subject_phrase(key, noun_start, noun_end, next_noun);
            let phrase = &key[phrase_start..phrase_end];
            let instrument = instrument_of(noun, &key[noun_end..phrase_end]);
            // A plural noun lists its items when no other instrument noun
            // follows; otherwise the items are read one by one.
            let mut topics = if is_plural(noun) && next_noun == key.len() {
                enumerated_topics(article.lang, noun, &key[noun_end..next_noun])
            } else {
                Vec::new()
            };
            if topics.is_empty() {
                topics = topics_of(article.lang, noun, phrase);
            }
            if topics.is_empty() && !noun.ends_with('s') && !referring {
                topics = topics_of(article.lang, noun, &key[noun_end..next_noun]);
                topics.retain(|t| *t != Topic::GeneralCooperation);
            }
            if topics.is_empty() {
                continue;
            }
            let signing = here
                .clone()
                .or_else(|| inherited.clone())
                .unwrap_or_else(|| Signing::bare(Stage::default_for(patterns, key)));
            let (own_start, own_end) = sentence.source(phrase_start, phrase_end);
            let own_date = article
                .dates_in(own_start, own_end)
                .filter(|d| !clause::is_since(article, d.start))
                .find_map(|d| d.resolve(article.published, Direction::Past, None));
            for topic in topics {
                let draft = AgreementDraft {
                    topic,
                    instrument,
                    parties: parties.clone(),
                    status: signing.stage.status,
                    signing_planned: signing.stage.signing_planned,
                    date: own_date.or(signing.date),
                    place: signing.place,
                    signatories: signing.signatories.clone(),
                    evidence: vec![Span {
                        start: sentence.start,
                        end: sentence.end,
                    }],
                };
                add_draft(&mut drafts, draft);
                new_here += 1;
            }
        }
        if new_here == 0
            && REFERENCE.is_match(key)
            && let (Some(last), Some(signing)) = (drafts.last_mut(), here)
            && last.parties == parties
        {
            let update = AgreementDraft {
                topic: last.topic,
                instrument: last.instrument,
                parties: parties.clone(),
                status: signing.stage.status,
                signing_planned: signing.stage.signing_planned,
                date: signing.date,
                place: signing.place,
                signatories: signing.signatories,
                evidence: vec![Span {
                    start: sentence.start,
                    end: sentence.end,
                }],
            };
            merge_into(last, update);
        }
        context = context.and_then(|(signing, left)| (left > 1).then_some((signing, left - 1)));
    }
    drafts
}

/// What a sentence says about a signing: the stage reached, and for a
/// signature its date, place and signatories.
#[derive(Debug, Clone)]
struct Signing {
    stage: Stage,
    date: Option<PartialDate>,
    place: Option<&'static str>,
    signatories: Vec<usize>,
}

impl Signing {
    fn bare(stage: Stage) -> Signing {
        Signing {
            stage,
            date: None,
            place: None,
            signatories: Vec::new(),
        }
    }

    fn read(
        article: &Article,
        sentence: &AnalysedSentence,
        stage: Stage,
        entities: &[PersonEntity],
        mentions: &[PersonMention],
    ) -> Signing {
        if stage.status < Status::Signed {
            return Signing::bare(stage);
        }
        let date = article
            .dates_in(sentence.start, sentence.end)
            .filter(|d| !clause::is_since(article, d.start))
            .find_map(|d| d.resolve(article.published, Direction::Past, None));
        let signatories = if triggers(article.lang).signed.is_match(&sentence.folded.key) {
            signers(article, sentence, entities, mentions)
        } else {
            Vec::new()
        };
        let verb_at = triggers(article.lang)
            .signed
            .find(&sentence.folded.key)
            .map(|m| sentence.source(m.start(), m.end()).0);
        let place = match verb_at {
            Some(at) => clause::city_near(article, sentence, at),
            None => clause::sentence_city(article, sentence),
        };
        Signing {
            stage,
            date,
            place,
            signatories,
        }
    }
}

/// The date of the article's first body sentence and its dateline city:
/// where and when the news it reports happened.
fn lead_of(article: &Article) -> (Option<PartialDate>, Option<&'static str>) {
    let date = article.lead_date();
    (
        date,
        article.dateline_city.map(|city| article.city_name(&city)),
    )
}

/// Whether a sentence reports the article's news rather than background:
/// it is in the first two paragraphs of the body and says nothing of an
/// earlier time.
fn is_lead_news(article: &Article, sentence: &AnalysedSentence) -> bool {
    let body = &article.text[article.body_start.min(sentence.start)..sentence.start];
    let paragraphs_before = body
        .split("\n")
        .filter(|line| !line.trim().is_empty())
        .count();
    static EARLIER: LazyLock<PhraseSet> = LazyLock::new(|| {
        PhraseSet::new(&[
            "deja",
            "already",
            "previously",
            "earlier",
            "par le passe",
            "auparavant",
            "precedent",
            "previous",
            "in the past",
            "last year",
            "l'an dernier",
            "ancien",
            "former",
        ])
    });
    paragraphs_before <= 2 && !EARLIER.is_match(&sentence.folded.key)
}

/// A deal between companies is not a bilateral agreement.
fn is_company_deal(key: &str) -> bool {
    const COMPANY: &[&str] = &[
        " groupe ",
        " societe ",
        " entreprise ",
        " compagnie ",
        " company ",
        " companies ",
        " firm ",
        " corporation ",
        " industries ",
        " shipyard ",
        " holding ",
        " conglomerate ",
    ];
    const STATE: &[&str] = &[
        "gouvernement",
        "government",
        "ministre",
        "minister",
        "etat",
        "state",
    ];
    static COMPANY_WORDS: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(COMPANY));
    static STATE_WORDS: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(STATE));
    let padded = format!(" {key} ");
    COMPANY_WORDS.is_match(&padded) && !STATE_WORDS.is_match(&padded)
}

/// A stage reported by a sentence, and whether a signing is scheduled.
#[derive(Debug, Clone, Copy)]
struct Stage {
    status: Status,
    signing_planned: bool,
}

impl Stage {
    /// A mention with a clear subject but no stage word: wished for when the
    /// clause says so, otherwise signed when it is in the past.
    fn default_for(patterns: &Triggers, key: &str) -> Stage {
        let status = if patterns.planned.is_match(key) || patterns.proposed.is_match(key) {
            Status::Proposed
        } else {
            Status::Signed
        };
        Stage {
            status,
            signing_planned: false,
        }
    }
}

/// The furthest stage a sentence reports, if any.
fn sentence_stage(patterns: &Triggers, key: &str) -> Option<Stage> {
    // Stages still ahead ("needs ratification", "avant son entrée en vigueur")
    // are not reached.
    static PENDING: LazyLock<PhraseSet> = LazyLock::new(|| {
        PhraseSet::new(&[
            "needs",
            "requires",
            "pending",
            "awaits",
            "before it",
            "doit encore",
            "reste a",
            "en attente",
            "avant son",
            "avant leur",
        ])
    });
    let pending_at = PENDING.first_start(key).unwrap_or(key.len());
    let reached = &key[..pending_at];
    let negotiating = patterns.negotiating.find(reached);
    // "doit déboucher sur la signature", "expected to lead to the signing":
    // a signing announced for later.
    let sign_ahead = patterns.signed.is_match(reached)
        && patterns.ahead.is_match(before_sign(patterns, reached));
    let signing_planned = sign_ahead
        || negotiating.is_some_and(|m| {
            let word = m.as_str();
            word.contains("sign") || word.contains("prevue")
        });
    // "launch negotiations", "lancer des négociations": talks only wished for.
    let launching = negotiating.is_some_and(|m| {
        let from = clause::word_boundary_before(reached, m.start(), 3);
        LAUNCH_WORDS
            .iter()
            .any(|w| reached[from..m.start()].contains(w))
    });
    let status = if patterns.in_force.is_match(reached) {
        Status::InForce
    } else if patterns.ratified.is_match(reached) {
        Status::Ratified
    } else if signing_planned {
        Status::Negotiating
    } else if patterns.signed.is_match(reached)
        && !patterns.proposed.is_match(before_sign(patterns, reached))
    {
        Status::Signed
    } else if launching {
        Status::Proposed
    } else if negotiating.is_some() {
        Status::Negotiating
    } else if patterns.proposed.is_match(key)
        || patterns.planned.is_match(key) && patterns.signed.is_match(key)
    {
        Status::Proposed
    } else {
        return None;
    };
    Some(Stage {
        status,
        signing_planned,
    })
}

/// Words that open talks still to come.
const LAUNCH_WORDS: &[&str] = &[
    "launch",
    "open",
    "start",
    "begin",
    "intention",
    "lancer",
    "ouvrir",
    "engager",
    "entamer",
    "ouverture",
    "lancement",
];

/// The part of a sentence before its first signing word.
fn before_sign<'k>(patterns: &Triggers, key: &'k str) -> &'k str {
    let at = patterns.signed.find(key).map_or(key.len(), |m| m.start());
    let from = clause::word_boundary_before(key, at, 5);
    &key[from..at]
}

/// The folded range that says what an instrument is about: the words
/// before the noun back to its determiner ("an investment protection
/// agreement") and the complement after it, up to a clause boundary.
fn subject_phrase(key: &str, noun_start: usize, noun_end: usize, limit: usize) -> (usize, usize) {
    let before = &key[..noun_start];
    let mut start = noun_start;
    for word in before.split_inclusive(' ').rev().take(4) {
        let bare = word.trim();
        if DETERMINERS.contains(&bare) || bare.ends_with(',') || bare.is_empty() {
            break;
        }
        start -= word.len();
    }
    let rest = &key[noun_end..limit.max(noun_end)];
    let stop = PHRASE_END.find(rest).map_or(rest.len(), |m| m.start());
    let end = noun_end + clause::word_boundary_after(rest, 0, 14).min(stop);
    (start.min(noun_start), end)
}

/// Words that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "its",
    "their",
    "this",
    "that",
    "these",
    "one",
    "un",
    "une",
    "le",
    "la",
    "les",
    "l'",
    "des",
    "du",
    "de",
    "ce",
    "cet",
    "cette",
    "ces",
    "leur",
    "leurs",
    "and",
    "et",
    "with",
    "signed",
    "on",
    "of",
    "under",
    "including",
    "avec",
    "sur",
    "dont",
];

fn instrument_of(noun: &str, phrase: &str) -> Instrument {
    let noun = noun.trim();
    if noun.starts_with("protocole d'accord")
        || noun.starts_with("memorand")
        || noun.starts_with("mou")
    {
        Instrument::Memorandum
    } else if noun.starts_with("protocol") {
        if phrase.contains("accord") || phrase.contains("understanding") {
            Instrument::Memorandum
        } else {
            Instrument::Protocol
        }
    } else if noun.starts_with("traite") || noun.starts_with("treat") {
        Instrument::Treaty
    } else if noun.starts_with("convention") {
        Instrument::Convention
    } else if noun.starts_with("declaration")
        || noun.starts_with("communique")
        || noun.starts_with("joint")
    {
        Instrument::Declaration
    } else if noun.starts_with("feuille de route") || noun.starts_with("road") {
        Instrument::Roadmap
    } else if noun.starts_with("contrat")
        || noun.starts_with("contract")
        || noun.starts_with("echange de lettres")
        || noun.starts_with("exchange of letters")
        || noun.starts_with("term sheet")
        || noun.starts_with("programme")
    {
        Instrument::Other
    } else {
        Instrument::Agreement
    }
}

/// The topics an instrument is about; several when a plural instrument lists
/// several domains ("accords dans l'énergie et l'agriculture").
fn topics_of(lang: Lang, noun: &str, phrase: &str) -> Vec<Topic> {
    let plural = noun.ends_with('s') || noun.ends_with("memoranda");
    let special = &*SPECIAL_CUES;
    let firsts = special.cues.first_of_each(phrase);
    let mut found: Vec<(usize, Topic)> = Vec::new();
    for (index, (_, topic)) in SPECIAL_TOPICS.iter().enumerate() {
        if let Some(at) = firsts
            .iter()
            .filter(|&&(cue, _, _)| special.topic_of[cue] == index)
            .map(|&(_, start, _)| start)
            .min()
        {
            found.push((at, *topic));
        }
    }
    let special_spans: Vec<(usize, usize)> =
        firsts.iter().map(|&(_, start, end)| (start, end)).collect();
    for cue in cues::sectors(lang).find(phrase) {
        if special_spans
            .iter()
            .any(|&(s, e)| cue.start < e && cue.end > s)
        {
            continue;
        }
        found.push((cue.start, Topic::Sector(cue.label)));
    }
    found.sort_by_key(|(at, _)| *at);
    let mut topics: Vec<Topic> = Vec::new();
    for (_, topic) in &found {
        if !topics.contains(topic) {
            topics.push(*topic);
        }
    }
    static GENERAL: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(GENERAL_WORDS));
    let general_at = GENERAL.first_start(phrase);
    // A roadmap, a framework or a joint declaration covers the relation as a
    // whole, whatever fields it lists.
    let framework = noun.contains("cadre")
        || noun.starts_with("feuille")
        || noun.starts_with("road")
        || noun.starts_with("declaration")
        || noun.starts_with("joint")
        || noun.starts_with("communique");
    let special = topics
        .iter()
        .find(|t| !matches!(t, Topic::Sector(_) | Topic::GeneralCooperation));
    if framework {
        return vec![special.copied().unwrap_or(Topic::GeneralCooperation)];
    }
    match topics.len() {
        0 if general_at.is_some() => vec![Topic::GeneralCooperation],
        0 => Vec::new(),
        1 => topics,
        _ if plural => topics,
        _ => {
            let first_at = found.first().map_or(usize::MAX, |(at, _)| *at);
            if general_at.is_some_and(|at| at < first_at) {
                vec![Topic::GeneralCooperation]
            } else {
                topics.truncate(1);
                topics
            }
        }
    }
}

fn is_plural(noun: &str) -> bool {
    noun.ends_with('s') || noun.ends_with("memoranda") || noun.ends_with("treaties")
}

/// The topics of a plural instrument followed by an enumeration ("agreements
/// on air services, on health and medical sciences and on visas", "accords
/// dans l'énergie et l'agriculture"): one per item, the first each item names.
/// An item opens with a preposition or a determiner; a bare noun after "and"
/// continues the item before it.
fn enumerated_topics(lang: Lang, noun: &str, rest: &str) -> Vec<Topic> {
    let end = rest.find(['.', ';', ':', '(']).unwrap_or(rest.len());
    let rest = &rest[..end];
    let mut items: Vec<String> = Vec::new();
    for (index, piece) in rest
        .split(", ")
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" et "))
        .enumerate()
    {
        let piece = piece.trim();
        let first = piece.split([' ', '\'']).next().unwrap_or("");
        let opens = ITEM_OPENERS.contains(&first);
        match items.last_mut() {
            Some(last) if !opens && index > 0 => {
                last.push(' ');
                last.push_str(piece);
            }
            _ => items.push(piece.to_string()),
        }
    }
    let mut topics = Vec::new();
    for item in items {
        if let Some(topic) = topics_of(lang, noun, &item).into_iter().next()
            && !topics.contains(&topic)
        {
            topics.push(topic);
        }
    }
    topics
}

/// Words that open an item of an enumeration.
const ITEM_OPENERS: &[&str] = &[
    "on", "in", "for", "of", "the", "a", "an", "to", "sur", "dans", "de", "du", "des", "la", "le",
    "les", "l", "pour", "en", "un", "une", "au", "aux", "d",
];

/// Words that make an instrument a general cooperation one.
const GENERAL_WORDS: &[&str] = &[
    "cooperation",
    "partenariat",
    "partnership",
    "amitie",
    "friendship",
    "cadre",
    "framework",
    "consultations politiques",
    "political consultations",
    "jumelage",
    "twinning",
    "jeunesse",
    "youth",
    "strategic",
    "strategique",
];

/// Every phrase of [`SPECIAL_TOPICS`] in one set, with the topic of each.
struct SpecialCues {
    cues: PhraseSet,
    /// For each phrase of the set, the index of its topic in `SPECIAL_TOPICS`.
    topic_of: Vec<usize>,
}

static SPECIAL_CUES: LazyLock<SpecialCues> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut topic_of = Vec::new();
    for (index, (cues_of_topic, _)) in SPECIAL_TOPICS.iter().enumerate() {
        for cue in *cues_of_topic {
            phrases.push(*cue);
            topic_of.push(index);
        }
    }
    SpecialCues {
        cues: PhraseSet::new(&phrases),
        topic_of,
    }
});

/// The special topics and the phrases that name them.
const SPECIAL_TOPICS: &[(&[&str], Topic)] = &[
    (
        &[
            "exemption de visa",
            "exemption reciproque de visa",
            "suppression de visa",
            "suppression des visas",
            "exemption des visas",
            "exemption de visas",
            "visa waiver",
            "visa exemption",
            "visa-free",
            "visa free",
            "exemption from visa",
            "waiver of visa",
            "dispense de visa",
            "visa requirements",
            "abolition of visas",
            "abolition des visas",
            "abolition of visa",
            "suppression reciproque des visas",
            "exemption de visa",
        ],
        Topic::VisaExemption,
    ),
    (
        &[
            "protection des investissements",
            "protection reciproque des investissements",
            "protection mutuelle des investissements",
            "promotion et la protection",
            "promotion et protection",
            "investment protection",
            "protection of investments",
            "protection of investment",
            "bilateral investment treaty",
            "promotion and protection",
        ],
        Topic::InvestmentProtection,
    ),
    (
        &[
            "double imposition",
            "double taxation",
            "evasion fiscale",
            "tax evasion",
        ],
        Topic::DoubleTaxation,
    ),
    (
        &[
            "services aeriens",
            "air services",
            "transport aerien",
            "air transport",
        ],
        Topic::AirServices,
    ),
    (
        &[
            "entraide judiciaire",
            "extradition",
            "legal assistance",
            "cooperation judiciaire",
            "judicial cooperation",
            "mutual legal",
            "criminal matters",
            "matiere penale",
        ],
        Topic::LegalAssistance,
    ),
];

/// The persons of the sentence said to sign: those named before the signing
/// verb, not witnesses ("en présence de", "in the presence of").
fn signers(
    article: &Article,
    sentence: &AnalysedSentence,
    entities: &[PersonEntity],
    mentions: &[PersonMention],
) -> Vec<usize> {
    let key = &sentence.folded.key;
    let Some(verb) = triggers(article.lang).signed.find(key) else {
        return Vec::new();
    };
    let (verb_at, _) = sentence.source(verb.start(), verb.end());
    let witness = [
        "en presence de",
        "in the presence of",
        "witnessed by",
        "sous le regard",
        "sous la presidence",
    ];
    let witness_at = witness
        .iter()
        .filter_map(|w| key.find(w))
        .map(|at| sentence.source(at, at).0)
        .min()
        .unwrap_or(usize::MAX);
    // Leaders who witness or preside over a signing do not sign.
    let verb_key_start = clause::word_boundary_before(key, verb.start(), 3);
    if ["witness", "assist", "presid", "supervis", "oversaw"]
        .iter()
        .any(|w| key[verb_key_start..verb.start()].contains(w))
    {
        return Vec::new();
    }
    let by_agent = key.contains("signe par") || key.contains("signed by");
    // "X signed ... with Y", "X a signé ... avec Y": Y signs too.
    let with_at = ["with ", "avec "]
        .iter()
        .filter_map(|w| key[verb.end()..].find(w).map(|at| verb.end() + at))
        .min()
        .map(|at| sentence.source(at, at).0);
    let mut found = Vec::new();
    for mention in mentions
        .iter()
        .filter(|m| sentence.contains(m.start, m.end))
    {
        let entity = &entities[mention.entity];
        if entity.byline || mention.start >= witness_at {
            continue;
        }
        let partner = with_at.is_some_and(|at| mention.start > at && mention.start - at < 80);
        if (mention.end <= verb_at || by_agent || partner) && !found.contains(&mention.entity) {
            found.push(mention.entity);
        }
    }
    found
}

fn add_draft(drafts: &mut Vec<AgreementDraft>, draft: AgreementDraft) {
    // Two instruments of one topic listed in one sentence are two agreements
    // ("an extradition treaty, a treaty on mutual assistance").
    match drafts.iter_mut().find(|kept| {
        kept.topic == draft.topic
            && kept.parties == draft.parties
            && compatible(kept, &draft)
            && !kept
                .evidence
                .iter()
                .any(|span| draft.evidence.contains(span))
    }) {
        Some(kept) => merge_into(kept, draft),
        None => drafts.push(draft),
    }
}

/// Two mentions of one topic are one agreement unless their signatures are
/// dated differently.
fn compatible(kept: &AgreementDraft, draft: &AgreementDraft) -> bool {
    match (kept.date, draft.date) {
        (Some(a), Some(b)) => a.year == b.year,
        _ => true,
    }
}

fn merge_into(kept: &mut AgreementDraft, update: AgreementDraft) {
    // A generic word ("pact", "deal", "accord") gives way to a precise one.
    if kept.instrument == Instrument::Agreement && update.instrument != Instrument::Agreement {
        kept.instrument = update.instrument;
    }
    if update.status > kept.status {
        kept.status = update.status;
    }
    kept.signing_planned |= update.signing_planned;
    if kept.date.is_none() {
        kept.date = update.date;
    }
    if kept.place.is_none() {
        kept.place = update.place;
    }
    for person in update.signatories {
        if !kept.signatories.contains(&person) {
            kept.signatories.push(person);
        }
    }
    kept.evidence.extend(update.evidence);
}

/// The record's agreements and the signing events they imply.
pub(crate) fn finish_agreements(
    drafts: &[AgreementDraft],
    entities: &[PersonEntity],
) -> (Vec<Agreement>, Vec<Event>) {
    let mut agreements = Vec::new();
    let mut events = Vec::new();
    for draft in drafts {
        let parties: Vec<String> = draft.parties.iter().map(|c| c.to_string()).collect();
        let date = if draft.status >= Status::Signed {
            draft.date.map(|d| d.to_string())
        } else {
            None
        };
        let place = if draft.status >= Status::Signed {
            draft.place.map(str::to_string)
        } else {
            None
        };
        agreements.push(Agreement {
            topic: draft.topic,
            instrument: draft.instrument,
            parties: parties.clone(),
            status: draft.status,
            date: date.clone(),
            place: place.clone(),
            signatories: draft
                .signatories
                .iter()
                .map(|&i| entities[i].name.clone())
                .collect(),
            evidence: draft.evidence.clone(),
        });
        let modality = if draft.status >= Status::Signed {
            Modality::Occurred
        } else if draft.status == Status::Negotiating && draft.signing_planned {
            Modality::Planned
        } else {
            continue;
        };
        events.push(Event {
            kind: EventType::AgreementSigned,
            parties,
            host: None,
            date,
            place,
            modality,
            participants: draft
                .signatories
                .iter()
                .map(|&i| entities[i].name.clone())
                .collect(),
            evidence: draft.evidence.clone(),
        });
    }
    (agreements, events)
}
