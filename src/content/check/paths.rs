//! Pass `paths`: no content file lies outside its content folder (through a
//! symbolic link), and no reference in a file (a product photo) points outside it
//! or at a file that does not exist.

use crate::text::Quoted;
use super::Context;
use crate::content::diagnostic::Diagnostic;
use crate::content::load::FileContent;
use crate::content::source::quoted;
use std::path::{Component, Path};

pub fn run(context: &Context, out: &mut Vec<Diagnostic>) {
    for file in &context.set.files {
        let source = &file.source;
        if let (Some(real), Some(root)) = (&file.real_path, &file.root)
            && !real.starts_with(root)
        {
            out.push(
                source
                    .error("path-escape", 0, format!("this file really lives at {}, outside the content folder {}", real.display(), root.display()))
                    .with_help("copy the file into the content folder instead of linking to it"),
            );
        }
        let Some(FileContent::Catalogue(catalogue)) = &file.content else { continue };
        for product in &catalogue.products {
            let Some(photo) = &product.photo else { continue };
            let at = source.locate(&[&quoted(&product.id), &quoted(photo)]);
            if let Some(problem) = escapes(Path::new(photo)) {
                out.push(
                    source
                        .error("path-escape", at, format!("photo {} of product {} {problem}", Quoted(photo), Quoted(&product.id)))
                        .with_help("write a path relative to this file that stays inside the content folder"),
                );
                continue;
            }
            if let (Some(real), Some(root)) = (&file.real_path, &file.root) {
                let target = real.parent().unwrap_or(Path::new("")).join(photo);
                match std::fs::canonicalize(&target) {
                    Err(_) => out.push(source.error(
                        "missing-file",
                        at,
                        format!("photo {} of product {} does not exist", Quoted(photo), Quoted(&product.id)),
                    )),
                    Ok(resolved) if !resolved.starts_with(root) => out.push(source.error(
                        "path-escape",
                        at,
                        format!("photo {} of product {} leads outside the content folder", Quoted(photo), Quoted(&product.id)),
                    )),
                    Ok(_) => {}
                }
            }
        }
    }
}

/// Why a written path leaves its folder, judged from its text alone.
fn escapes(path: &Path) -> Option<&'static str> {
    if path.is_absolute() || path.to_string_lossy().starts_with(['/', '\\']) {
        return Some("is absolute");
    }
    let mut depth: i32 = 0;
    for component in path.components() {
        match component {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::Prefix(_) | Component::RootDir => return Some("is absolute"),
            Component::CurDir => {}
        }
        if depth < 0 {
            return Some("goes above the folder with `..`");
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn written_paths_that_escape() {
        assert_eq!(escapes(Path::new("photos/cup.png")), None);
        assert_eq!(escapes(Path::new("photos/../cup.png")), None);
        assert!(escapes(Path::new("../../etc/passwd")).is_some());
        assert!(escapes(Path::new("/etc/passwd")).is_some());
    }

    #[test]
    fn a_photo_path_outside_is_reported_at_the_photo() {
        let catalogue = CATALOGUE.replace("price: \"129 元\",", "price: \"129 元\",\n        photo: \"../../secret.png\",");
        let report = check_replacing("catalogue.ron", Some(&catalogue));
        let d = report.diagnostics.iter().find(|d| d.code == "path-escape").expect("reported");
        assert_eq!(d.line, catalogue.lines().position(|l| l.contains("secret")).unwrap() + 1);
    }

    #[test]
    fn a_symlink_out_of_the_folder_is_reported() {
        let outside = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("cat.ron"), CATALOGUE).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(outside.path().join("cat.ron"), root.path().join("cat.ron")).unwrap();
        #[cfg(unix)]
        {
            let set = crate::content::load_paths(&[root.path().to_path_buf()], root.path());
            let report = crate::content::check(&set);
            assert!(codes(&report).contains(&"path-escape"), "{:#?}", report.diagnostics);
        }
    }
}
