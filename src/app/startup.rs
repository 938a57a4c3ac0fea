//! Opening the window, with a clear message when the machine cannot: no
//! display, or a system library the window loads at run time (libEGL,
//! libxkbcommon-x11, ...) missing. Some of those failures are panics deep in
//! winit or glutin; people must read what to install instead.

use std::sync::{Arc, Mutex};

/// The Debian packages the window needs at run time (README lists them too).
pub const RUNTIME_PACKAGES: &str = "libxkbcommon-x11-0 libegl1 libgl1-mesa-dri libx11-xcb1 libwayland-client0";

/// Why the window did not open, as the person at the terminal should read it.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); run it from a desktop session, or under Xvfb: `Xvfb :99 & DISPLAY=:99 kefu`")]
    NoDisplay,
    #[error("the window could not be opened because a system library is missing ({detail}); on Debian or Ubuntu install them with: sudo apt-get install {RUNTIME_PACKAGES}")]
    MissingLibrary { detail: String },
    #[error("the window could not be opened: {detail}")]
    Other { detail: String },
}

/// Whether a failure's text says a shared library could not be loaded. wgpu
/// says "Failed to create surface for any enabled backend" when libEGL and the
/// Mesa drivers are missing (seen on Debian 12 with libEGL.so.1 removed).
fn names_a_library(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["xkbcommon", "egl", "libgl", "glx", ".so", "wayland-client", "libx11", "opengl", "failed to create surface", "adapter"]
        .iter()
        .any(|word| lower.contains(word))
}

/// The failure as a `StartError`: missing-library wording gets the install hint.
pub fn classify(detail: String) -> StartError {
    if names_a_library(&detail) { StartError::MissingLibrary { detail } } else { StartError::Other { detail } }
}

/// Runs `open` (which opens the window and returns when it closes). A panic
/// whose message names a missing library, or an error that does, becomes a
/// `StartError` with the packages to install; any other panic is a bug and is
/// reported as usual, then passed on.
pub fn open_window<E: std::fmt::Display>(has_display: bool, open: impl FnOnce() -> Result<(), E>) -> Result<(), StartError> {
    if !has_display {
        return Err(StartError::NoDisplay);
    }
    // The panic hook is the process's: one window opening at a time (tests run in threads).
    static OPENING: Mutex<()> = Mutex::new(());
    let _one_at_a_time = OPENING.lock().unwrap_or_else(|e| e.into_inner());
    let caught: Arc<Mutex<Option<String>>> = Arc::default();
    let previous = std::panic::take_hook();
    let seen = caught.clone();
    std::panic::set_hook(Box::new(move |info| {
        let message = panic_text(info.payload());
        if names_a_library(&message) {
            // Kept for the clear message below instead of a backtrace.
            *seen.lock().unwrap_or_else(|e| e.into_inner()) = Some(message);
        } else {
            eprintln!("{info}");
        }
    }));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(open));
    let _restored = std::panic::take_hook();
    std::panic::set_hook(previous);
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => Err(classify(error.to_string())),
        Err(payload) => match caught.lock().unwrap_or_else(|e| e.into_inner()).take() {
            Some(detail) => Err(StartError::MissingLibrary { detail }),
            None => std::panic::resume_unwind(payload),
        },
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown failure".into())
}

/// Whether this session has a display the window can use.
pub fn has_display() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_library_panic_becomes_the_install_hint() {
        let result = open_window::<String>(true, || panic!("Failed to open libxkbcommon-x11.so.0"));
        let message = result.unwrap_err().to_string();
        assert!(message.contains("sudo apt-get install libxkbcommon-x11-0"), "{message}");
        assert!(message.contains("libxkbcommon-x11.so.0"), "{message}");
    }

    #[test]
    fn an_error_naming_egl_gets_the_hint_and_others_do_not() {
        let egl = open_window(true, || Err("EGL not available")).unwrap_err();
        assert!(matches!(egl, StartError::MissingLibrary { .. }));
        let no_driver = open_window(true, || Err("WGPU error: Failed to create surface for any enabled backend: {}")).unwrap_err();
        assert!(matches!(no_driver, StartError::MissingLibrary { .. }));
        let other = open_window(true, || Err("the event loop was already created")).unwrap_err();
        assert!(matches!(other, StartError::Other { .. }), "{other}");
    }

    #[test]
    fn no_display_is_said_before_trying() {
        let mut tried = false;
        let result = open_window::<String>(false, || {
            tried = true;
            Ok(())
        });
        assert!(matches!(result, Err(StartError::NoDisplay)));
        assert!(!tried);
    }

    #[test]
    fn any_other_panic_is_passed_on() {
        let outcome = std::panic::catch_unwind(|| open_window::<String>(true, || panic!("index out of bounds")));
        assert!(outcome.is_err());
    }
}
