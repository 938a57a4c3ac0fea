//! Atomic writes: a temp file in the same folder, synced, renamed into place,
//! then the folder synced, so a crash, a full disk or a power cut never leaves
//! a half-written file and never loses a save the user was told about.

use super::StoreError;
use std::io::Write;
use std::path::Path;

/// Our temp files are `.kefu-XXXXXX.tmp`; `sweep` removes old ones by exactly this pattern.
pub(crate) const TEMP_PREFIX: &str = ".kefu-";
pub(crate) const TEMP_SUFFIX: &str = ".tmp";
pub(crate) const TEMP_RANDOM: usize = 6;

/// Writes `bytes` to `path` atomically, replacing any file there.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let (folder, temp) = prepare(path, bytes)?;
    temp.persist(path).map_err(|e| StoreError::io(path, "write", e.error))?;
    sync_folder(folder)
}

/// Writes `bytes` to `path` atomically only if nothing is there yet: `Ok(false)`
/// when a file already exists (it is left untouched), even when another
/// process creates it at the same moment.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<bool, StoreError> {
    let (folder, temp) = prepare(path, bytes)?;
    match temp.persist_noclobber(path) {
        Ok(_) => sync_folder(folder).map(|()| true),
        Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(error) => Err(StoreError::io(path, "write", error.error)),
    }
}

/// The folder made, and a synced temp file in it holding `bytes` with the permissions the result should have.
fn prepare<'a>(path: &'a Path, bytes: &[u8]) -> Result<(&'a Path, tempfile::NamedTempFile), StoreError> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    ensure_folder(folder)?;
    let temp_error = |e| StoreError::io(folder, "write a temporary file in", e);
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM)
        .tempfile_in(folder)
        .map_err(temp_error)?;
    temp.write_all(bytes).map_err(temp_error)?;
    // A temp file is private (0600); the result should have the permissions the
    // old file had, or ordinary ones for a new file, so reports can be shared.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => ordinary_permissions(temp.as_file()).map_err(temp_error)?,
    };
    temp.as_file().set_permissions(permissions).map_err(temp_error)?;
    // The bytes reach the disk before the rename makes them the file.
    temp.as_file().sync_all().map_err(temp_error)?;
    Ok((folder, temp))
}

/// Makes `folder` and its parents; a file in the way is named as the problem
/// (plain `create_dir_all` says only "File exists").
pub(crate) fn ensure_folder(folder: &Path) -> Result<(), StoreError> {
    if folder.is_dir() {
        return Ok(());
    }
    for ancestor in folder.ancestors() {
        match std::fs::metadata(ancestor) {
            Ok(meta) if meta.is_dir() => break,
            Ok(_) => return Err(StoreError::NotAFolder { path: ancestor.to_path_buf() }),
            Err(_) => continue,
        }
    }
    std::fs::create_dir_all(folder).map_err(|e| StoreError::io(folder, "create the folder", e))
}

/// The rename is only durable once the folder's entry is on disk.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> Result<(), StoreError> {
    std::fs::File::open(folder).and_then(|dir| dir.sync_all()).map_err(|e| StoreError::io(folder, "sync the folder", e))
}

/// Windows cannot open a folder as a file; NTFS journals the rename itself.
#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> Result<(), StoreError> {
    Ok(())
}

#[cfg(unix)]
fn ordinary_permissions(_file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn ordinary_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("card.json");
        write_atomic(&path, b"first, longer content").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temp file left behind");
    }

    #[test]
    fn write_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("card.json");
        assert!(write_new(&path, b"first").unwrap());
        assert!(!write_new(&path, b"second").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temp file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_old_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write_atomic(&path, b"a").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"b").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn a_file_in_the_way_of_a_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("scorecards").join("e1024");
        std::fs::create_dir_all(blocker.parent().unwrap()).unwrap();
        std::fs::write(&blocker, b"not a folder").unwrap();
        let message = write_atomic(&blocker.join("card.json"), b"{}").unwrap_err().to_string();
        assert!(message.starts_with(&blocker.display().to_string()), "{message}");
        assert!(message.contains("is a file") && message.contains("move or rename"), "{message}");
    }
}
