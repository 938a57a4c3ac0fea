//! What the app remembers between runs: the UI language, who is practising,
//! their quick phrases (常用语), who uses the app (trainee, supervisor, trainer)
//! and the folders a supervisor reads. A JSON file in the data folder, written atomically.

use crate::content::raw::Lang;
use serde::{Deserialize, Serialize};
use super::error::{StateFile, StoreError};
use super::state;
use std::path::{Path, PathBuf};

/// Who is using the app: it opens on their workspace.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// 学员: practises (the default, and what a settings file from before roles means).
    #[default]
    #[serde(rename = "trainee")]
    Trainee,
    /// 主管: reads a cohort's records.
    #[serde(rename = "supervisor")]
    Supervisor,
    /// 培训师: writes the course's content files.
    #[serde(rename = "trainer")]
    Trainer,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Trainee, Role::Supervisor, Role::Trainer];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub ui_lang: Lang,
    pub trainee_name: String,
    pub trainee_id: String,
    /// The trainee's quick phrases (常用语) for Chinese conversations.
    pub quick_phrases: Vec<String>,
    /// And for English ones: each conversation offers the phrases of its own language.
    pub quick_phrases_en: Vec<String>,
    /// The dark look instead of the default light one (the shops' workbenches are light).
    pub dark_theme: bool,
    /// Who uses the app (`#[serde(default)]`: older files mean a trainee).
    pub role: Role,
    /// The data folders (or folders of records) the supervisor's dashboard reads, in the order added.
    pub supervisor_folders: Vec<PathBuf>,
    /// The supervisor's own name and employee number, signed on their reviews
    /// (apart from the trainee's: one machine may serve both). Older files have none.
    pub reviewer_name: String,
    pub reviewer_id: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            ui_lang: Lang::Zh,
            trainee_name: String::new(),
            trainee_id: String::new(),
            dark_theme: false,
            role: Role::Trainee,
            supervisor_folders: Vec::new(),
            reviewer_name: String::new(),
            reviewer_id: String::new(),
            // Seed 001: keep canned phrases ready so even a slow typist answers at once.
            quick_phrases: vec![
                "亲,您好,在的哦~请问有什么可以帮您?".into(),
                "亲,请稍等,马上为您查询~".into(),
                "非常抱歉给您添麻烦了,麻烦您提供一下订单号和照片,我马上为您核实".into(),
                "亲,付款后48小时内发货,发出后会把快递单号发给您哦~".into(),
                "还有什么问题随时找我哦,祝您生活愉快~".into(),
            ],
            quick_phrases_en: vec![
                "Hi there! Thanks for reaching out. How can I help you today?".into(),
                "Please bear with me a moment while I look into this for you.".into(),
                "I'm so sorry about the trouble. Could you send me your order number and a photo so I can check right away?".into(),
                "Orders ship within 48 hours of payment, and I'll send you the tracking number as soon as it's out.".into(),
                "Is there anything else I can help with? Have a lovely day!".into(),
            ],
        }
    }
}

impl Settings {
    /// The quick phrases offered in a conversation in `lang`.
    pub fn quick_phrases(&self, lang: Lang) -> &Vec<String> {
        match lang {
            Lang::Zh => &self.quick_phrases,
            Lang::En => &self.quick_phrases_en,
        }
    }

    pub fn quick_phrases_mut(&mut self, lang: Lang) -> &mut Vec<String> {
        match lang {
            Lang::Zh => &mut self.quick_phrases,
            Lang::En => &mut self.quick_phrases_en,
        }
    }
}

const FILE: &str = "settings.json";

impl Settings {
    /// The settings; the defaults when there are none yet. An unreadable file
    /// is an error to show (`StoreError::SetAside`): it has been renamed, so
    /// going on with `Settings::default()` loses nothing.
    pub fn load(data: &Path) -> Result<Settings, StoreError> {
        Ok(state::load(&data.join(FILE), StateFile::Settings)?.unwrap_or_default())
    }

    pub fn save(&self, data: &Path) -> Result<(), StoreError> {
        state::save(&data.join(FILE), self, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_default_when_missing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()).unwrap(), Settings::default());
        let mut settings = Settings { ui_lang: Lang::En, trainee_name: "王小明".into(), ..Settings::default() };
        settings.quick_phrases.push("自定义".into());
        settings.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()).unwrap(), settings);
    }

    #[test]
    fn a_settings_file_from_before_roles_loads_as_a_trainee_with_no_folders() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), r#"{"ui_lang": "en", "trainee_name": "Lily"}"#).unwrap();
        let settings = Settings::load(dir.path()).unwrap();
        assert_eq!((settings.role, settings.supervisor_folders.len(), settings.trainee_name.as_str()), (Role::Trainee, 0, "Lily"));
        let supervisor = Settings { role: Role::Supervisor, supervisor_folders: vec![dir.path().join("team")], ..settings };
        supervisor.save(dir.path()).unwrap();
        assert!(std::fs::read_to_string(dir.path().join(FILE)).unwrap().contains("\"role\": \"supervisor\""));
        assert_eq!(Settings::load(dir.path()).unwrap(), supervisor);
    }

    #[test]
    fn a_corrupt_settings_file_is_reported_and_kept_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), "{\"ui_lang\": \"Klingon\"}").unwrap();
        let error = Settings::load(dir.path()).unwrap_err();
        assert!(matches!(error, StoreError::SetAside { file: StateFile::Settings, .. }), "{error}");
        let kept = state::kept_as(&error).unwrap().clone();
        // Going on with the defaults and saving them leaves the old file intact.
        Settings::default().save(dir.path()).unwrap();
        assert_eq!(std::fs::read_to_string(kept).unwrap(), "{\"ui_lang\": \"Klingon\"}");
        assert_eq!(Settings::load(dir.path()).unwrap(), Settings::default());
    }
}
