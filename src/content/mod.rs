//! What trainers write, from file to validated course: raw serde mirrors, loading,
//! check passes with located diagnostics, and the validated `Course`.
//! Knows nothing about grading, the engine or the UI.

pub mod check;
pub(crate) mod course;
pub(crate) mod diagnostic;
pub(crate) mod load;
pub(crate) mod order_rules;
pub mod raw;
pub(crate) mod source;

pub use check::{Report, check};
pub use course::Course;
pub use diagnostic::{Diagnostic, Level};
pub use load::{ContentSet, FileContent, FileKind, load_paths, load_sources, ron_options};

use std::path::{Path, PathBuf};

/// The folder holding the bundled course (`scenarios/` and `assets/`): `KEFU_CONTENT_DIR`
/// if set, else the source tree this binary was built from, else the working folder.
pub fn default_content_root() -> PathBuf {
    if let Some(dir) = std::env::var_os("KEFU_CONTENT_DIR") {
        return PathBuf::from(dir);
    }
    let built_from = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if built_from.join("scenarios").is_dir() {
        return built_from;
    }
    PathBuf::from(".")
}

/// Loads the content a check or the app works on. With no paths: the bundled
/// `scenarios/` and `assets/` under `root`. With paths: those files and folders,
/// plus `root/assets` when they bring no catalogue, policy or lexicon of their
/// own, so a single scenario file can be checked against the shop it is set in.
pub fn load_course_paths(paths: &[PathBuf], root: &Path) -> ContentSet {
    if paths.is_empty() {
        return load_paths(&[root.join("scenarios"), root.join("assets")], root);
    }
    let content_root = common_root(paths);
    let mut set = load_paths(paths, &content_root);
    let needs_base = [FileKind::Catalogue, FileKind::ShopPolicy, FileKind::Lexicon]
        .into_iter()
        .any(|kind| !set.has_kind(kind));
    if needs_base {
        let base = load_paths(&[root.join("assets")], root);
        let missing: Vec<FileKind> = [FileKind::Catalogue, FileKind::ShopPolicy, FileKind::Lexicon]
            .into_iter()
            .filter(|kind| !set.has_kind(*kind))
            .collect();
        for file in base.files {
            if file.kind.is_some_and(|kind| missing.contains(&kind)) {
                set.files.push(file);
            }
        }
    }
    set
}

/// The folder references may not leave: the deepest folder that holds every
/// given path (a file counts by its folder).
fn common_root(paths: &[PathBuf]) -> PathBuf {
    let folders: Vec<PathBuf> = paths
        .iter()
        .map(|path| {
            let folder = if path.is_dir() { path.clone() } else { path.parent().map(Path::to_path_buf).unwrap_or_default() };
            let folder = if folder.as_os_str().is_empty() { PathBuf::from(".") } else { folder };
            std::fs::canonicalize(&folder).unwrap_or(folder)
        })
        .collect();
    let mut root = folders[0].clone();
    for folder in &folders[1..] {
        while !folder.starts_with(&root) {
            if !root.pop() {
                return PathBuf::from("/");
            }
        }
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_of_several_paths_is_their_common_folder() {
        let dir = tempfile::tempdir().unwrap();
        let base = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(base.join("assets/quiz")).unwrap();
        std::fs::create_dir_all(base.join("scenarios/en")).unwrap();
        std::fs::write(base.join("scenarios/en/a.ron"), "").unwrap();
        let root = common_root(&[base.join("assets/quiz"), base.join("scenarios/en/a.ron")]);
        assert_eq!(root, base);
        assert_eq!(common_root(&[base.join("assets")]), base.join("assets"));
    }
}
