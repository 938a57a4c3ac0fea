//! The bundled CJK font (a subset of Noto Sans SC, SIL OFL; see
//! assets/fonts/make-subset.py), registered as a fallback after egui's own
//! Latin font, so Chinese renders on a machine with no CJK font installed.

use eframe::egui::{self, FontData, FontFamily};
use eframe::epaint::text::{FontInsert, FontPriority, InsertFontFamily};

static NOTO_SANS_SC: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");

pub fn install(ctx: &egui::Context) {
    ctx.add_font(FontInsert {
        name: "noto-sans-sc".into(),
        data: FontData::from_static(NOTO_SANS_SC),
        families: vec![
            InsertFontFamily { family: FontFamily::Proportional, priority: FontPriority::Lowest },
            InsertFontFamily { family: FontFamily::Monospace, priority: FontPriority::Lowest },
        ],
    });
}
