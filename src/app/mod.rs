//! The eframe window (feature `gui`). For now a course overview: which course is
//! loaded, its scenarios by category, and any content problems, with the same
//! diagnostics as `kefu check`. The workbench screens come with the app issue.

use crate::content::Course;
use crate::content::raw::Category;
use eframe::egui;
use std::path::PathBuf;

/// Opens the window on the course in `content_root`.
pub fn run(content_root: PathBuf) -> eframe::Result {
    let course = Course::load(&[], &content_root);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1100.0, 720.0]).with_title("Kefu Trainer"),
        ..Default::default()
    };
    eframe::run_native("kefu", options, Box::new(move |_cc| Ok(Box::new(CourseOverview { content_root, course }))))
}

struct CourseOverview {
    content_root: PathBuf,
    course: Course,
}

impl eframe::App for CourseOverview {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Kefu Trainer");
            ui.label(format!("Course loaded from {}", self.content_root.display()));
            ui.label(self.course.report.summary());
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                for category in Category::ALL {
                    let scenarios: Vec<_> = self.course.scenarios.iter().filter(|s| s.category == category).collect();
                    if scenarios.is_empty() {
                        continue;
                    }
                    ui.strong(category.label().en);
                    for scenario in scenarios {
                        ui.label(format!("  [{}] {}  (difficulty {})", scenario.id, scenario.title.en, scenario.difficulty));
                    }
                }
                if !self.course.report.diagnostics.is_empty() {
                    ui.separator();
                    ui.strong("Content problems");
                    for diagnostic in &self.course.report.diagnostics {
                        ui.monospace(diagnostic.to_string());
                    }
                }
            });
        });
    }
}
