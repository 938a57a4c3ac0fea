//! Helpers shared by the integration tests. Each test crate uses a subset, so
//! unused ones are allowed here.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Copies a folder tree, e.g. the bundled course into a temp folder to break it.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `kefu` from the repository on the bundled course.
pub fn kefu(args: &[&str]) -> Output {
    kefu_in(args, None)
}

/// Runs `kefu` as a user would: on the bundled course from the repository, or
/// with `content` as both the content folder and the working folder.
pub fn kefu_in(args: &[&str], content: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kefu"));
    command.args(args).env_remove("KEFU_CONTENT_DIR");
    match content {
        Some(content) => command.env("KEFU_CONTENT_DIR", content).current_dir(content),
        None => command.current_dir(env!("CARGO_MANIFEST_DIR")),
    };
    command.output().expect("kefu runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs `kefu` on the bundled course with extra environment variables set.
pub fn kefu_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kefu"));
    command.args(args).env_remove("KEFU_CONTENT_DIR").env_remove("KEFU_DATA_DIR").current_dir(env!("CARGO_MANIFEST_DIR"));
    command.envs(env.iter().copied());
    command.output().expect("kefu runs")
}
