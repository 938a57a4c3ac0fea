//! Reads content files from disk (or memory), tells each file's kind from its first word, and parses it.
//!
//! Loading never stops at a bad file: each file yields either its parsed content
//! or a diagnostic, and the rest still load. Only this module and `store` touch
//! the file system.
//!
//! The walk never follows a symbolic link blindly: a link whose real target lies
//! outside the content folder is reported (`path-escape`) and neither walked nor
//! read (a link to `/` once made `kefu check` read the whole disk), and each real
//! folder is walked once, so a link loop ends.

use crate::text::Quoted;
use super::diagnostic::Diagnostic;
use super::raw::{Catalogue, Lexicon, QuizBank, Scenario, ShopPolicy};
use super::source::SourceFile;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Content files larger than this are refused: no trainer writes 8 MB of RON, and
/// a runaway file should not stall the app.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// What a content file holds, told by the name of its outermost struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    Scenario,
    Catalogue,
    ShopPolicy,
    Lexicon,
    QuizBank,
}

impl FileKind {
    pub const ALL: [FileKind; 5] =
        [FileKind::Scenario, FileKind::Catalogue, FileKind::ShopPolicy, FileKind::Lexicon, FileKind::QuizBank];

    pub fn struct_name(self) -> &'static str {
        match self {
            FileKind::Scenario => "Scenario",
            FileKind::Catalogue => "Catalogue",
            FileKind::ShopPolicy => "ShopPolicy",
            FileKind::Lexicon => "Lexicon",
            FileKind::QuizBank => "QuizBank",
        }
    }
}

#[derive(Debug, Clone)]
pub enum FileContent {
    Scenario(Box<Scenario>),
    Catalogue(Catalogue),
    ShopPolicy(Box<ShopPolicy>),
    Lexicon(Lexicon),
    QuizBank(QuizBank),
}

/// One file: its text, its kind if it could be told, and its content if it parsed.
#[derive(Debug, Clone)]
pub struct LoadedFile {
    pub source: SourceFile,
    pub kind: Option<FileKind>,
    pub content: Option<FileContent>,
    /// The file's real location, to check it lies inside its content folder.
    pub real_path: Option<PathBuf>,
    /// The content folder this file was loaded from; references in it must stay inside.
    pub root: Option<PathBuf>,
}

/// Everything found under the given paths, parsed as far as possible.
#[derive(Debug, Clone, Default)]
pub struct ContentSet {
    /// The content folder: references in files must stay inside it.
    pub root: PathBuf,
    pub files: Vec<LoadedFile>,
    /// Problems found while reading and parsing.
    pub diagnostics: Vec<Diagnostic>,
}

impl ContentSet {
    pub fn count_kind(&self, kind: FileKind) -> usize {
        self.files.iter().filter(|file| file.kind == Some(kind)).count()
    }

    /// Whether any loaded file is of this kind, parsed or not.
    pub fn has_kind(&self, kind: FileKind) -> bool {
        self.count_kind(kind) > 0
    }
}

/// Loads every `.ron` file under `paths` (files or folders, recursively, in
/// sorted order). `root` is the content folder references must not leave.
pub fn load_paths(paths: &[PathBuf], root: &Path) -> ContentSet {
    let mut set = ContentSet { root: root.to_path_buf(), ..ContentSet::default() };
    let mut found = Vec::new();
    let real_root = std::fs::canonicalize(root).ok();
    let mut walk = Walk { visited: HashSet::new(), found: &mut found, diagnostics: &mut set.diagnostics };
    for path in paths {
        // A path inside the content folder (its `scenarios/`, say) that is itself a link
        // out of it is reported like any link inside: otherwise a `scenarios` link to `/`
        // became its own boundary and the app's start-up walked the whole disk.
        if path != root
            && path.starts_with(root)
            && let (Some(real_root), Ok(real)) = (&real_root, std::fs::canonicalize(path))
            && !real.starts_with(real_root)
        {
            walk.diagnostics.push(escape(&display_path(path), real_root));
            continue;
        }
        if path.is_dir() {
            let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            // Links may not leave the content folder; a folder named on the command
            // line outside it is its own boundary.
            let boundary = match &real_root {
                Some(root) if real.starts_with(root) => root.clone(),
                _ => real.clone(),
            };
            if walk.visited.insert(real) {
                walk.folder(path, &boundary);
            }
        } else if path.is_file() {
            walk.found.push(path.clone());
        } else {
            walk.diagnostics.push(file_level_error(path, "io", "no such file or folder".to_string()));
        }
    }
    found.dedup();
    for path in found {
        load_file(&path, &mut set);
    }
    set
}

/// One walk over the given folders: the real folders seen so far, and what was found.
struct Walk<'a> {
    visited: HashSet<PathBuf>,
    found: &'a mut Vec<PathBuf>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Walk<'_> {
    /// Collects the `.ron` files under `folder` in sorted order. Links are never
    /// followed by walkdir itself; `link` decides about each one.
    fn folder(&mut self, folder: &Path, boundary: &Path) {
        let mut entries = walkdir::WalkDir::new(folder).follow_links(false).sort_by_file_name().into_iter();
        while let Some(entry) = entries.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    self.diagnostics.push(file_level_error(
                        &display_path(error.path().unwrap_or(folder)),
                        "io",
                        format!("cannot read this folder entry: {error}"),
                    ));
                    continue;
                }
            };
            if entry.depth() == 0 {
                continue; // the folder itself: the caller has marked it visited
            }
            if entry.path_is_symlink() {
                self.link(entry.path(), boundary);
            } else if entry.file_type().is_dir() {
                let real = std::fs::canonicalize(entry.path()).unwrap_or_else(|_| entry.path().to_path_buf());
                if !self.visited.insert(real) {
                    // Already walked through a link: its files are loaded once.
                    entries.skip_current_dir();
                }
            } else if entry.file_type().is_file() && is_ron(entry.path()) {
                // Regular files only: a FIFO named x.ron would block the read forever.
                self.found.push(entry.path().to_path_buf());
            }
        }
    }

    /// A symbolic link inside the content folder: walked or loaded only when its
    /// real target is inside `boundary`, and a folder only once.
    fn link(&mut self, link: &Path, boundary: &Path) {
        let shown = display_path(link);
        let real = match std::fs::canonicalize(link) {
            Ok(real) => real,
            Err(error) => {
                if is_ron(link) {
                    self.diagnostics.push(file_level_error(&shown, "io", format!("this link leads nowhere: {error}")));
                }
                return;
            }
        };
        if !real.starts_with(boundary) {
            self.diagnostics.push(escape(&shown, boundary));
        } else if real.is_dir() {
            if self.visited.insert(real) {
                self.folder(link, boundary);
            } else {
                // A warning: nothing is lost (the folder is read), but the link is a mistake.
                let mut warning = file_level_error(
                    &shown,
                    "link-loop",
                    "this symbolic link leads to a folder that is already read; it was skipped".to_string(),
                )
                .with_help("remove the link: every folder is read once");
                warning.level = super::diagnostic::Level::Warning;
                self.diagnostics.push(warning);
            }
        } else if real.is_file() && is_ron(link) {
            self.found.push(link.to_path_buf());
        }
    }
}

/// A link that leads out of the content folder. Names the link only: what lies
/// outside is none of the checker's business.
fn escape(shown: &Path, boundary: &Path) -> Diagnostic {
    file_level_error(
        shown,
        "path-escape",
        format!("this symbolic link leads outside the content folder {}; it was not read", boundary.display()),
    )
    .with_help("copy what it points to into the content folder instead of linking to it")
}

fn is_ron(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "ron")
}

fn load_file(path: &Path, set: &mut ContentSet) {
    let shown = display_path(path);
    let real_path = std::fs::canonicalize(path).ok();
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        set.diagnostics.push(file_level_error(
            &shown,
            "file-too-large",
            format!("this file is {size} bytes; content files may be at most {MAX_FILE_BYTES} bytes"),
        ));
        return;
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            let mut file = parse_bytes(&shown, &bytes, &mut set.diagnostics);
            file.real_path = real_path;
            file.root = Some(std::fs::canonicalize(&set.root).unwrap_or_else(|_| set.root.clone()));
            set.files.push(file);
        }
        Err(error) => set.diagnostics.push(file_level_error(&shown, "io", format!("cannot read the file: {error}"))),
    }
}

/// Loads content from in-memory `(path, text)` pairs: for tests, benchmarks and the editor.
pub fn load_sources(sources: &[(&str, &str)]) -> ContentSet {
    let mut set = ContentSet::default();
    for (path, text) in sources {
        let file = parse_bytes(Path::new(path), text.as_bytes(), &mut set.diagnostics);
        set.files.push(file);
    }
    set
}

/// Shows paths relative to the working folder when they lie under it.
fn display_path(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

fn file_level_error(path: &Path, code: &'static str, message: String) -> Diagnostic {
    Diagnostic {
        level: super::diagnostic::Level::Error,
        code,
        message,
        path: path.to_path_buf(),
        line: 0,
        col: 0,
        help: None,
    }
}

/// Decodes, tells the kind, and parses one file, pushing any problem to `diagnostics`.
pub fn parse_bytes(path: &Path, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> LoadedFile {
    // Windows editors often save UTF-8 with a byte-order mark, which ron rejects.
    // An editor does not show it as a column, so dropping it keeps positions right.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let (text, utf8_error) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(error) => (String::from_utf8_lossy(bytes).into_owned(), Some(error.valid_up_to())),
    };
    let source = SourceFile::new(path, text);
    let kind_at = leading_identifier(&source.text).map(|(name, at)| (name.to_string(), at));
    let kind = kind_at.as_ref().and_then(|(name, _)| FileKind::ALL.into_iter().find(|k| k.struct_name() == name));
    let mut file = LoadedFile { source, kind, content: None, real_path: None, root: None };

    if let Some(valid_up_to) = utf8_error {
        // The lossy text has the same bytes up to the first bad one, so its position is right.
        diagnostics.push(
            file.source
                .error("invalid-utf8", valid_up_to, "this file is not valid UTF-8 from here on")
                .with_help("save the file as UTF-8 (without a byte-order mark is best)"),
        );
        return file;
    }
    let Some(kind) = kind else {
        let (found, at) = kind_at.unwrap_or_default();
        let names = FileKind::ALL.map(FileKind::struct_name).join("(, ");
        let message = if found.is_empty() {
            "this file does not start with a content type".to_string()
        } else {
            format!("unknown content type {}", Quoted(&found))
        };
        diagnostics.push(
            file.source
                .error("unknown-file-kind", at, message)
                .with_help(format!("start the file with one of {names}(")),
        );
        return file;
    };
    let parsed = match kind {
        FileKind::Scenario => parse::<Scenario>(&file.source.text).map(|s| FileContent::Scenario(Box::new(s))),
        FileKind::Catalogue => parse::<Catalogue>(&file.source.text).map(FileContent::Catalogue),
        FileKind::ShopPolicy => parse::<ShopPolicy>(&file.source.text).map(|p| FileContent::ShopPolicy(Box::new(p))),
        FileKind::Lexicon => parse::<Lexicon>(&file.source.text).map(FileContent::Lexicon),
        FileKind::QuizBank => parse::<QuizBank>(&file.source.text).map(FileContent::QuizBank),
    };
    match parsed {
        Ok(content) => file.content = Some(content),
        Err(error) => diagnostics.push(ron_diagnostic(&file.source, &error)),
    }
    file
}

/// The parser options every content file is read with. `implicit_some` lets a
/// trainer write `sku: "x"` for an optional field instead of `sku: Some("x")`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    ron_options().from_str(text)
}

fn ron_diagnostic(source: &SourceFile, error: &ron::error::SpannedError) -> Diagnostic {
    let at_end = {
        // The last character of the file: ron points at the token it was reading when input ran out.
        let last = source.text.trim_end().char_indices().last().map(|(i, _)| i).unwrap_or(0);
        let end = source.line_col(last);
        (error.span.start.line, error.span.start.col) >= end
    };
    let help = match &error.code {
        _ if at_end => Some("the file ends too early: is a closing bracket or quote missing?"),
        ron::Error::Eof => Some("the file ends too early: is a closing bracket or quote missing?"),
        ron::Error::MissingStructField { .. } => Some("add the field; docs/authoring.md lists every field"),
        ron::Error::NoSuchStructField { .. } => Some("check the spelling; docs/authoring.md lists every field"),
        ron::Error::NoSuchEnumVariant { .. } => Some("use one of the expected names, spelled exactly"),
        _ => None,
    };
    let diagnostic = Diagnostic {
        level: super::diagnostic::Level::Error,
        code: "ron",
        message: error.code.to_string(),
        path: source.path.clone(),
        line: error.span.start.line,
        col: error.span.start.col,
        help: None,
    };
    match help {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// The first identifier of the file after whitespace, comments and `#![...]`
/// attributes, with its byte offset.
fn leading_identifier(text: &str) -> Option<(&str, usize)> {
    let mut rest = text.trim_start_matches('\u{feff}');
    let mut offset = text.len() - rest.len();
    loop {
        let trimmed = rest.trim_start();
        offset += rest.len() - trimmed.len();
        rest = trimmed;
        let skip = if rest.starts_with("//") {
            rest.find('\n').unwrap_or(rest.len())
        } else if rest.starts_with("/*") {
            rest.find("*/").map(|i| i + 2).unwrap_or(rest.len())
        } else if rest.starts_with("#![") {
            rest.find(']').map(|i| i + 1).unwrap_or(rest.len())
        } else {
            break;
        };
        rest = &rest[skip..];
        offset += skip;
    }
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    (end > 0).then(|| (&rest[..end], offset)).or(Some(("", offset)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_is_told_past_comments_and_attributes() {
        let text = "// a catalogue\n#![enable(implicit_some)]\n/* note */ Catalogue(products: [])";
        assert_eq!(leading_identifier(text).unwrap().0, "Catalogue");
    }

    #[test]
    fn unknown_kind_is_reported_at_its_word() {
        let set = load_sources(&[("x.ron", "\n  Sceanrio(id: \"a\")")]);
        let d = &set.diagnostics[0];
        assert_eq!((d.code, d.line, d.col), ("unknown-file-kind", 2, 3));
        assert!(d.message.contains("Sceanrio"));
    }

    #[test]
    fn invalid_utf8_is_reported_at_the_first_bad_byte() {
        let mut diagnostics = Vec::new();
        let file = parse_bytes(Path::new("x.ron"), b"Catalogue(\n  products: [\xff]", &mut diagnostics);
        assert_eq!(file.kind, Some(FileKind::Catalogue));
        assert_eq!((diagnostics[0].code, diagnostics[0].line, diagnostics[0].col), ("invalid-utf8", 2, 14));
    }

    #[test]
    fn truncated_file_gives_a_ron_error_with_position() {
        let set = load_sources(&[("x.ron", "Catalogue(\n  products: [")]);
        let d = &set.diagnostics[0];
        assert_eq!(d.code, "ron");
        assert_eq!(d.line, 2);
        assert!(d.help.is_some(), "{d:?}");
    }

    #[test]
    fn a_byte_order_mark_and_crlf_line_ends_are_fine() {
        let mut diagnostics = Vec::new();
        let text = "\u{feff}// a comment\r\nCatalogue(\r\n  products: [\r\n  ]\r\n)\r\n";
        let file = parse_bytes(Path::new("x.ron"), text.as_bytes(), &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert!(file.content.is_some());
        let broken = "\u{feff}Catalogue(\r\n  products: [\r\n    x\r\n  ]\r\n)";
        parse_bytes(Path::new("x.ron"), broken.as_bytes(), &mut diagnostics);
        assert_eq!((diagnostics[0].line, diagnostics[0].col), (3, 5));
    }

    #[cfg(unix)]
    mod links {
        //! Real symbolic links in a temporary folder.
        use super::super::*;
        use std::os::unix::fs::symlink;

        const SECRET: &str = "Catalogue(products: [Product(id: \"top-secret-outside\")])";

        fn content_folder() -> tempfile::TempDir {
            let root = tempfile::tempdir().unwrap();
            std::fs::create_dir_all(root.path().join("scenarios/sub")).unwrap();
            std::fs::write(root.path().join("scenarios/sub/a.ron"), "Catalogue(products: [])").unwrap();
            root
        }

        fn load(root: &Path) -> ContentSet {
            load_paths(&[root.join("scenarios")], root)
        }

        fn escapes(set: &ContentSet) -> Vec<String> {
            set.diagnostics
                .iter()
                .filter(|d| d.code == "path-escape")
                .map(|d| d.path.file_name().unwrap().to_string_lossy().into_owned())
                .collect()
        }

        #[test]
        fn a_link_to_the_root_of_the_disk_is_reported_not_walked() {
            let root = content_folder();
            symlink("/", root.path().join("scenarios/disk")).unwrap();
            let started = std::time::Instant::now();
            let set = load(root.path());
            assert_eq!(escapes(&set), ["disk"], "{:#?}", set.diagnostics);
            assert_eq!(set.files.len(), 1, "only the file inside is loaded");
            // Not a timing test: walking `/` takes minutes, this takes milliseconds.
            assert!(started.elapsed().as_secs() < 60);
        }

        #[test]
        fn a_link_to_a_file_outside_is_reported_and_never_read() {
            let outside = tempfile::tempdir().unwrap();
            std::fs::write(outside.path().join("secret.ron"), SECRET).unwrap();
            let root = content_folder();
            symlink(outside.path().join("secret.ron"), root.path().join("scenarios/secret.ron")).unwrap();
            let set = load(root.path());
            assert_eq!(escapes(&set), ["secret.ron"]);
            assert_eq!(set.files.len(), 1);
            let report = crate::content::check(&set);
            assert!(!report.diagnostics.iter().any(|d| format!("{d}").contains("top-secret")), "{:#?}", report.diagnostics);
            assert!(report.diagnostics.iter().any(|d| d.code == "path-escape" && d.path.ends_with("scenarios/secret.ron")));
        }

        /// The app and a bare `kefu check` load `<root>/scenarios` and `<root>/assets`:
        /// either one being a link to `/` is reported, not walked.
        #[test]
        fn a_scenarios_folder_that_is_a_link_to_the_disk_is_reported_not_walked() {
            let root = tempfile::tempdir().unwrap();
            std::fs::create_dir_all(root.path().join("assets")).unwrap();
            std::fs::write(root.path().join("assets/a.ron"), "Catalogue(products: [])").unwrap();
            symlink("/", root.path().join("scenarios")).unwrap();
            let started = std::time::Instant::now();
            let set = crate::content::load_course_paths(&[], root.path());
            assert_eq!(escapes(&set), ["scenarios"], "{:#?}", set.diagnostics);
            assert_eq!(set.files.len(), 1, "only the file inside is loaded");
            assert!(started.elapsed().as_secs() < 60);
            // The same folder named on the command line is the user's own choice of boundary.
            let inside = tempfile::tempdir().unwrap();
            std::fs::write(inside.path().join("b.ron"), "Catalogue(products: [])").unwrap();
            let link = root.path().join("elsewhere");
            symlink(inside.path(), &link).unwrap();
            assert_eq!(load_paths(std::slice::from_ref(&link), &link).files.len(), 1);
        }

        #[test]
        fn a_link_loop_ends_and_each_folder_is_read_once() {
            let root = content_folder();
            symlink(root.path().join("scenarios"), root.path().join("scenarios/sub/back")).unwrap();
            symlink("sub", root.path().join("scenarios/again")).unwrap();
            let set = load(root.path());
            assert_eq!(set.files.len(), 1, "{:#?}", set.files.iter().map(|f| &f.source.path).collect::<Vec<_>>());
            let loops = set.diagnostics.iter().filter(|d| d.code == "link-loop").count();
            assert!(loops >= 1, "{:#?}", set.diagnostics);
            assert!(set.diagnostics.iter().all(|d| d.code == "link-loop" && !d.is_error()), "{:#?}", set.diagnostics);
        }

        #[test]
        fn a_link_that_stays_inside_is_followed() {
            let root = content_folder();
            std::fs::create_dir_all(root.path().join("shared")).unwrap();
            std::fs::write(root.path().join("shared/b.ron"), "Catalogue(products: [])").unwrap();
            symlink(root.path().join("shared"), root.path().join("scenarios/shared")).unwrap();
            let set = load(root.path());
            assert_eq!(set.files.len(), 2);
            assert!(set.diagnostics.is_empty(), "{:#?}", set.diagnostics);
        }
    }

    #[test]
    fn one_bad_file_does_not_stop_the_others() {
        let set = load_sources(&[("bad.ron", "Catalogue(products: [)"), ("good.ron", "Catalogue(products: [])")]);
        assert_eq!(set.diagnostics.len(), 1);
        assert!(set.files[1].content.is_some());
    }
}
