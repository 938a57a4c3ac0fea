//! The `kefu` binary: parses the command line, runs a headless command, or opens the app.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = kefu::cli::Cli::parse();
    if let Some(code) = kefu::cli::run(&cli) {
        return code;
    }
    open_app(&cli)
}

#[cfg(feature = "gui")]
fn open_app(cli: &kefu::cli::Cli) -> ExitCode {
    let data = match kefu::store::open(cli.data_dir.as_deref()) {
        Ok(data) => data,
        Err(error) => {
            eprintln!("kefu: {error}");
            return ExitCode::from(2);
        }
    };
    let content = cli.content_root();
    match kefu::app::open_window(kefu::app::has_display(), || kefu::app::run(content, data)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kefu: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_app(_cli: &kefu::cli::Cli) -> ExitCode {
    eprintln!("kefu: this build has no window (built without the `gui` feature); try `kefu check`");
    ExitCode::from(2)
}
