//! `kefu dispute open SCORECARD --finding REF --reason TEXT`: the trainee's
//! side. A sealed dispute record (`scorecard::DisputeCard`) of one finding of
//! their own scorecard, saved in the data folder's `disputes/<trainee>/`
//! beside it. It stays open until a review answers it (`kefu review sign
//! --answer-dispute FILE --accept|--reject`); `kefu review show` shows the answer.

use super::review_sign::{data_folder, read_scorecard};
use super::{Cli, CliError, LangArg, fail};
use crate::i18n::Msg;
use crate::scorecard::{DisputeCard, FindingRef};
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum DisputeCommand {
    /// Dispute one finding of your scorecard, saying why; a supervisor answers it in a review.
    Open {
        /// Your scenario scorecard.
        scorecard: PathBuf,
        /// The finding: ANSWER:RULE, e.g. 2:curt (`kefu review show SCORECARD` lists them).
        #[arg(long)]
        finding: String,
        /// Why the grader got it wrong.
        #[arg(long)]
        reason: String,
        /// When, RFC 3339 UTC (e.g. 2026-11-24T10:00:00Z), or now.
        #[arg(long, default_value = "now")]
        when: String,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
    },
}

pub(super) fn run(cli: &Cli, command: &DisputeCommand, stdout: &mut impl Write) -> u8 {
    let DisputeCommand::Open { scorecard, finding, reason, when, lang } = command;
    let made = (|| -> Result<(DisputeCard, PathBuf), CliError> {
        let card = read_scorecard(scorecard)?;
        let reference = FindingRef::parse(finding).map_err(|source| CliError::Reference { source, path: scorecard.clone() })?;
        let (when_utc, _) = super::outputs::when(when)?;
        let dispute = DisputeCard::new(&card, reference, reason, when_utc).map_err(|source| CliError::Dispute { source, path: scorecard.clone() })?;
        Ok((dispute, data_folder(cli, scorecard)?))
    })();
    let (dispute, data) = match made {
        Ok(made) => made,
        Err(error) => return fail(error),
    };
    match crate::store::save_record(&data, &dispute) {
        Ok(path) => eprintln!("kefu: saved {}", path.display()),
        Err(error) => {
            eprintln!("kefu: cannot save the dispute: {error}");
            return 1;
        }
    }
    let lang = (*lang).into();
    let line = format!("{} {}: {} · {}", Msg::DisputeTitle.get(lang), Msg::DisputeOpen.get(lang), dispute.finding, dispute.disputed.explain);
    match writeln!(stdout, "{line}") {
        Ok(()) => 0,
        Err(error) => super::output_failed(error),
    }
}
