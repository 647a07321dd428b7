// @generated from openapi.yaml by `cargo xtask generate` (progenitor 0.15.1, typify 0.8.0).
// Do not edit by hand: change openapi.yaml (or the generator in xtask/) and regenerate.

use invent::*;
use anyhow::Context as _;
pub struct Cli<T: CliConfig> {
    client: Client,
    config: T,
}
impl<T: CliConfig> Cli<T> {
    pub fn new(client: Client, config: T) -> Self {
        Self { client, config }
    }
    pub fn get_command(cmd: CliCommand) -> ::clap::Command {
        match cmd {
            CliCommand::UpdateAssistant => Self::cli_update_assistant(),
        }
    }
    pub fn cli_update_assistant() -> ::clap::Command {
        ::clap::Command::new("")
            .arg(
                ::clap::Arg::new("assistant-id")
                    .long("assistant-id")
                    .value_parser(::clap::value_parser!(::std::string::String))
                    .required(true)
                    .help("The ID of the assistant"),
            )
            .arg(
                ::clap::Arg::new("avatar-id")
                    .long("avatar-id")
                    .value_parser(::clap::value_parser!(::std::string::String))
                    .required(false)
                    .help("The ID of the avatar file id"),
            )
            .arg(
                ::clap::Arg::new("enabled")
                    .long("enabled")
                    .value_parser(::clap::value_parser!(bool))
                    .required(false)
                    .help("Whether the assistant is enabled"),
            )
            .arg(
                ::clap::Arg::new("name")
                    .long("name")
                    .value_parser(::clap::value_parser!(types::UpdateAssistantName))
                    .required(false)
                    .help("The name of the assistant"),
            )
            .arg(
                ::clap::Arg::new("org-id")
                    .long("org-id")
                    .value_parser(::clap::value_parser!(::std::string::String))
                    .required(true)
                    .help("The ID of the org"),
            )
            .arg(
                ::clap::Arg::new("json-body")
                    .long("json-body")
                    .value_name("JSON-FILE")
                    .required(false)
                    .value_parser(::clap::value_parser!(std::path::PathBuf))
                    .help(
                        "A JSON file holding the whole request body, or `-` for standard input; flags given beside it override its properties",
                    ),
            )
            .about("Update Assistant")
    }
    pub async fn execute(
        &self,
        cmd: CliCommand,
        matches: &::clap::ArgMatches,
    ) -> anyhow::Result<()> {
        match cmd {
            CliCommand::UpdateAssistant => self.execute_update_assistant(matches).await,
        }
    }
    pub async fn execute_update_assistant(
        &self,
        matches: &::clap::ArgMatches,
    ) -> anyhow::Result<()> {
        let mut request = self.client.update_assistant();
        if let Some(value) = matches.get_one::<std::path::PathBuf>("json-body") {
            let body_txt = crate::read_json_body(value)
                .with_context(|| format!("failed to read {}", value.display()))?;
            let body_value = serde_json::from_str::<types::UpdateAssistant>(&body_txt)
                .with_context(|| format!("failed to parse {}", value.display()))?;
            request = request.body(body_value);
        }
        if let Some(value) = matches.get_one::<::std::string::String>("assistant-id") {
            request = request.assistant_id(value.clone());
        }
        if let Some(value) = matches.get_one::<::std::string::String>("avatar-id") {
            request = request.body_map(|body| { body.avatar_id(value.clone()) });
        }
        if let Some(value) = matches.get_one::<bool>("enabled") {
            request = request.body_map(|body| { body.enabled(value.clone()) });
        }
        if let Some(value) = matches.get_one::<types::UpdateAssistantName>("name") {
            request = request.body_map(|body| { body.name(value.clone()) });
        }
        if let Some(value) = matches.get_one::<::std::string::String>("org-id") {
            request = request.org_id(value.clone());
        }
        self.config.execute_update_assistant(matches, &mut request)?;
        let result = request.send().await;
        match result {
            Ok(r) => {
                self.config.success_item(&r);
                Ok(())
            }
            Err(r) => {
                self.config.error(&r);
                Err(anyhow::Error::new(r))
            }
        }
    }
}
pub trait CliConfig {
    fn success_item<T>(&self, value: &Response<T>)
    where
        T: schemars::JsonSchema + serde::Serialize + std::fmt::Debug;
    fn success_no_item(&self, value: &Response<()>);
    fn error(&self, value: &Error);
    fn list_start<T>(&self)
    where
        T: schemars::JsonSchema + serde::Serialize + std::fmt::Debug;
    fn list_item<T>(&self, value: &T)
    where
        T: schemars::JsonSchema + serde::Serialize + std::fmt::Debug;
    fn list_end_success<T>(&self)
    where
        T: schemars::JsonSchema + serde::Serialize + std::fmt::Debug;
    fn list_end_error(&self, value: &Error);
    fn execute_update_assistant(
        &self,
        matches: &::clap::ArgMatches,
        request: &mut builder::UpdateAssistant,
    ) -> anyhow::Result<()> {
        Ok(())
    }
}
#[derive(Copy, Clone, Debug)]
pub enum CliCommand {
    UpdateAssistant,
}
impl CliCommand {
    pub fn iter() -> impl Iterator<Item = CliCommand> {
        vec![CliCommand::UpdateAssistant,].into_iter()
    }
    pub fn operation_id(&self) -> &'static str {
        match self {
            CliCommand::UpdateAssistant => "update_assistant",
        }
    }
}
