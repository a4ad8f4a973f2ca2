"""The Python baseline of `cargo xtask bench`: the pipeline an analyst would
write without entente, spaCy's small French pipeline finding place entities
and country_converter turning them into ISO3 codes, run over the same
manifest as `entente extract`.

It reads a JSON Lines manifest whose lines carry the article in `text` (or a
`file` relative to the manifest), loads the model once, then runs the
pipeline on one process with `nlp.pipe` until the manifest ends or the time
budget is spent, and prints one JSON object on stdout: megabytes of article
text (10^6 bytes of UTF-8) read, seconds, MB/s and articles/s. Loading the
model is not timed. Only the components that named entities need run
(tok2vec and ner), which is the fastest configuration of the pipeline and
so the strictest baseline.
"""

import argparse
import json
import logging
import os
import sys
import time


def articles(manifest_path):
    """Yields the text of each article of the manifest, in order."""
    folder = os.path.dirname(os.path.abspath(manifest_path))
    with open(manifest_path, encoding="utf-8") as manifest:
        for line in manifest:
            line = line.strip()
            if not line:
                continue
            entry = json.loads(line)
            if "text" in entry:
                yield entry["text"]
            else:
                with open(os.path.join(folder, entry["file"]), encoding="utf-8") as article:
                    yield article.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", required=True, help="JSON Lines manifest of the articles")
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=30.0,
        help="stop after the batch that passes this many seconds (default: 30)",
    )
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    args = parser.parse_args()

    # country_converter logs a warning for every name it does not know.
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    import country_converter
    import spacy

    nlp = spacy.load(
        "fr_core_news_sm",
        exclude=["parser", "senter", "morphologizer", "attribute_ruler", "lemmatizer"],
    )
    converter = country_converter.CountryConverter()

    texts = []
    sizes = []
    for text in articles(args.manifest):
        texts.append(text)
        sizes.append(len(text.encode("utf-8")))

    done_bytes = 0
    done_articles = 0
    countries_found = 0
    start = time.perf_counter()
    for index, doc in enumerate(nlp.pipe(texts, batch_size=args.batch_size)):
        places = [entity.text for entity in doc.ents if entity.label_ in ("LOC", "GPE")]
        if places:
            codes = converter.convert(names=places, to="ISO3", not_found=None)
            if not isinstance(codes, list):
                codes = [codes]
            # A name that matches several countries gives a list of codes.
            flat = set()
            for code in codes:
                flat.update(code if isinstance(code, list) else [code])
            countries_found += len({code for code in flat if code})
        done_bytes += sizes[index]
        done_articles += 1
        if time.perf_counter() - start >= args.max_seconds:
            break
    seconds = time.perf_counter() - start

    megabytes = done_bytes / 1e6
    json.dump(
        {
            "pipeline": "spacy fr_core_news_sm (tok2vec, ner) + country_converter",
            "spacy": spacy.__version__,
            "country_converter": country_converter.__version__,
            "articles": done_articles,
            "megabytes": megabytes,
            "seconds": seconds,
            "mb_per_s": megabytes / seconds if seconds > 0 else 0.0,
            "articles_per_s": done_articles / seconds if seconds > 0 else 0.0,
            "countries_found": countries_found,
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
