//! The app's look: light by default, as the shops' own workbenches are, dark on
//! request; roomier spacing than egui's defaults, so inputs and buttons read
//! as such at 1024×600 and up; and how a short button reads out to a screen
//! reader (and to tests).

use eframe::egui;

/// The look a `dark` setting asks for.
pub fn theme(dark: bool) -> egui::Theme {
    if dark { egui::Theme::Dark } else { egui::Theme::Light }
}

/// Sets the theme and the spacing both looks share.
pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(theme(dark));
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.spacing.interact_size.y = 24.0;
    });
    // Inputs must look like inputs: white fields with a border on the light look.
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.extreme_bg_color = egui::Color32::WHITE;
        style.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, egui::Color32::from_gray(185));
    });
}

/// The margin around every screen.
pub const SCREEN_MARGIN: egui::Margin = egui::Margin { left: 12, right: 12, top: 8, bottom: 8 };

/// Names a button that shows a short word (开始, 打开) by what it acts on
/// ("开始 · 发错颜色的保温杯"), so a screen reader, and a test, tells the rows apart.
pub fn read_out_as(button: &egui::Response, spoken: &str) {
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, spoken));
}
