//! A bare eframe window that closes after its first frame: the baseline for
//! Kefu Trainer's time-to-first-frame measurement (see README, Benchmarks).

use eframe::egui;

struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| ui.label("hello"));
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions { system_font_fallback: false, ..Default::default() };
    eframe::run_native("bare", options, Box::new(|_cc| Ok(Box::new(Bare))))
}
