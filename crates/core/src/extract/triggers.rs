//! Trigger patterns, matched on folded sentence keys (lower case, no
//! accents): the words that announce each kind of event, the stages of an
//! agreement, and the mood of a clause (future, proposal, negation).

use std::sync::LazyLock;

use regex::Regex;

use crate::text::Lang;

/// The patterns of one language.
pub(crate) struct Triggers {
    pub visit: Regex,
    pub meeting: Regex,
    pub call: Regex,
    pub relations: Regex,
    pub relations_start: Regex,
    pub envoy: Regex,
    pub instrument: Regex,
    pub signed: Regex,
    pub ratified: Regex,
    pub in_force: Regex,
    pub negotiating: Regex,
    pub proposed: Regex,
    pub planned: Regex,
    /// Auxiliaries that put the verb after them in the future ("doit
    /// déboucher sur la signature", "is expected to sign").
    pub ahead: Regex,
    pub invited: Regex,
    pub negated: Regex,
    pub count: Regex,
}

fn compile(pattern: &str) -> Regex {
    // Folded keys are lower-case ASCII in all but rare words, so ASCII word
    // boundaries and classes find the same matches and keep the regex engine
    // on its fast path. The patterns are literals of this file; a typo fails
    // every test.
    let ascii = pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\w", r"(?-u:\w)");
    Regex::new(&ascii).expect("trigger pattern compiles")
}

static FRENCH: LazyLock<Triggers> = LazyLock::new(|| Triggers {
    visit: compile(
        r"\b(?:visites?|s'est rendue?s?|se rendra|se rendre|se rend|en visite|sejour|tournee|est arrivee?s? a|arrive a|accueilli\w* a|a foule le sol|s'est deplacee?|est attendue?s? a|sont attendue?s? a|mission)\b",
    ),
    meeting: compile(
        r"\b(?:entretien|entretiens|s'est entretenue?s?|se sont entretenus|s'entretiendra|s'entretenir|a recu|ont recu|a ete recue?|recevra|recu en audience|audience|rencontre|rencontres|a rencontre|rencontrera|seance de travail|tete-a-tete|pourparlers|discussions|reunion|dejeuner|diner|commission mixte|consultations politiques|s'est reunie?|entrevue|discussion|copresid\w*|sommet intergouvernemental|sommet bilateral)\b",
    ),
    call: compile(r"\b(?:telephon\w*|au telephone|appel video|visioconference|par video)\b"),
    relations: compile(r"\b(?:relations|liens diplomatiques)\b"),
    relations_start: compile(
        r"\b(?:etabli\w*|etablissement|anniversaire|ans de relations|retabli\w*|retablissement|normalis\w*|nouees|noue|renou\w*|reprise)\b",
    ),
    envoy: compile(
        r"\b(?:lettres de creance|copies figurees|accredite\w*|accreditation|consul honoraire|consulat honoraire|nouvel ambassadeur|nouvelle ambassadrice|nomme\w* ambassad\w*|nomination d'un (?:consul|ambassad)\w*|agrement)\b",
    ),
    instrument: compile(
        r"\b(?:accords?(?:-cadre)?|protocoles? d'accord|memorandums?(?: d'entente)?|protocoles?|conventions?|traites?|declaration conjointe|communique conjoint|feuille de route|pacte|contrats?|echange de lettres|programme executif|entente|dont un|dont une|notamment un|notamment une)\b",
    ),
    signed: compile(r"\b(?:signe\w*|signature|paraphe\w*|conclu\w*|scelle\w*|ont signe)\b"),
    ratified: compile(r"\b(?:ratifi\w*)\b"),
    in_force: compile(
        r"\b(?:en vigueur|entre\w* en vigueur|lie\w* depuis|prend effet|a pris effet)\b",
    ),
    negotiating: compile(
        r"\b(?:negoci\w*|finalis\w*|en cours de|projet d'accord|en preparation|devrait etre signe\w*|sera signe\w*|seront signe\w*|doit etre signe\w*|doivent etre signe\w*|signature (?:est )?prevue)\b",
    ),
    proposed: compile(
        r"\b(?:necessite\w*|souhait\w*|envisag\w*|propos\w*|voudrai\w*|vise a|appel\w* a|plaide\w*|pourrai\w*|pourr\w*|encourag\w*|favoriser)\b",
    ),
    planned: compile(
        r"\b(?:sera|seront|aura|auront|\w+era|\w+eront|\w+ira|\w+iront|\w+dra|\w+dront|\w+evra|\w+evront|prevue?s?|devrai\w*|doit|doivent|attendue?s?|programmee?s?|prochaine?s?|a venir|annoncee?s?)\b",
    ),
    ahead: compile(
        r"\b(?:doit|doivent|devrai\w*|sera|seront|va|vont|prevue?s?|attendue?s?|pourrai\w*)\b",
    ),
    invited: compile(r"\b(?:invit\w*|convi\w*)\b"),
    negated: compile(
        r"\b(?:n'a pas|n'ont pas|ne sera pas|ne seront pas|n'est pas|annule\w*|reporte\w*|refuse\w*|dementi\w*|sans avoir|aucun\w*|jamais)\b",
    ),
    count: compile(
        r"\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|\d+|plusieurs|une serie d'|des|une dizaine d'|de nombreux|nombreux) (?:nouveaux )?(?:accords|protocoles d'accord|memorandums|conventions|instruments|textes|documents|traites)\b",
    ),
});

static ENGLISH: LazyLock<Triggers> = LazyLock::new(|| Triggers {
    visit: compile(
        r"\b(?:visit|visits|visited|visiting|trip|travel\w* to|arrived in|arrives in|arriving in|landed in|tour|will travel|to travel|take him to|took him to|take her to|took her to|fly on to|flew on to|flies to|flew to|fly to|heads? to|headed to|heading to)\b",
    ),
    meeting: compile(
        r"\b(?:talks|met|meet|meets|meeting|meetings|held talks|hosted|received|receives|audience|discussions|discussed|luncheon|dinner|joint commission|consultations|sidelines|courtesy call|bilateral meeting|sat down|co-chair\w*|co-chaired|held a summit|hold a summit|bilateral summit|intergovernmental summit|summit talks)\b",
    ),
    call: compile(
        r"\b(?:by phone|by telephone|phone call|telephone call|phoned|video call|videoconference|call with|a call|over the phone|phone conversation|telephone conversation|spoke by phone)\b",
    ),
    relations: compile(r"\b(?:relations|diplomatic ties|ties)\b"),
    relations_start: compile(
        r"\b(?:establish\w*|anniversary|restor\w*|resum\w*|years of|normali[sz]\w*|opened|forged)\b",
    ),
    envoy: compile(
        r"\b(?:credentials|letters of credence|accredit\w*|honorary consul|new ambassador|appointed \w+ ambassador|named \w+ ambassador|nominated \w+ ambassador|agrement)\b",
    ),
    instrument: compile(
        r"\b(?:agreements?|accords?|deals?|pacts?|memorand(?:um|a)(?: of understanding)?|mous?|treat(?:y|ies)|conventions?|protocols?|joint declaration|joint communique|road ?map|contracts?|exchange of letters|term sheet|including one|among them one|one on)\b",
    ),
    signed: compile(r"\b(?:sign\w*|inked|penned|concluded|clinched|sealed)\b"),
    ratified: compile(r"\b(?:ratif\w*)\b"),
    in_force: compile(
        r"\b(?:in force|into force|took effect|takes effect|in effect|has linked|have linked|since it was signed)\b",
    ),
    negotiating: compile(
        r"\b(?:negotiat\w*|finali[sz]\w*|under discussion|being drafted|draft|expected to sign|will sign|to be signed|due to sign|set to sign|are to sign)\b",
    ),
    proposed: compile(
        r"\b(?:propos\w*|suggest\w*|wish\w*|hope\w* to|work towards|explore|exploring|consider\w*|called for|calls for|could|plan to sign|plans to sign|keen to|aim\w* to)\b",
    ),
    planned: compile(
        r"\b(?:will|would|shall|to be held|expected|scheduled|plans? to|planned|set to|upcoming|due to|next week|next month|later this)\b",
    ),
    ahead: compile(r"\b(?:will|would|to be|expected|set to|due to|could|should|shall)\b"),
    invited: compile(r"\b(?:invit\w*)\b"),
    negated: compile(
        r"\b(?:not|never|no longer|cancel\w*|declin\w*|refus\w*|snub\w*|postpon\w*|denied|call\w* off|without)\b",
    ),
    count: compile(
        r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|\d+|several|a series of|a number of|multiple|a raft of|dozens of) (?:new )?(?:agreements|memoranda|mous|pacts|deals|accords|instruments|documents|treaties|memorandums of understanding|memoranda of understanding)\b",
    ),
});

/// The trigger patterns of `lang`.
pub(crate) fn triggers(lang: Lang) -> &'static Triggers {
    match lang {
        Lang::Fr => &FRENCH,
        Lang::En => &ENGLISH,
    }
}
