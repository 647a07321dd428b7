//! The `invent` command line: one subcommand per operation of openapi.yaml (generated in
//! `generated_cli.rs`), plus credentials, JSON output, exit statuses and shell completions.

mod api;
mod exact;
#[rustfmt::skip]
#[allow(dead_code, unused_imports, unused_variables, non_snake_case, clippy::all)]
mod generated_cli;
mod output;

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Arg, ArgAction, ArgMatches, Command, value_parser};
use generated_cli::{Cli, CliCommand};

use crate::output::Output;

/// What each exit status means; printed by `--help`.
const EXIT_STATUSES: &str = "\
Exit status:
  0  success
  1  the API answered with something that does not match its description, or the
     response could not be written to standard output
  2  usage error: bad flags, an unreadable --json-body, no API key, a value refused
     before sending
  3  the API refused the request (4xx or 5xx; the line on standard error says why)
  4  the API could not be reached, or did not answer in time
  5  the API answered, but its response broke off before it was read: the API may
     have acted on the request

The key: prefer INVENT_API_KEY or --api-key-file; a value given to --api-key is visible
to every user of this machine in the process list.";

const USAGE: u8 = 2;
const API: u8 = 3;
const TRANSPORT: u8 = 4;
const OFF_SPEC: u8 = 1;
const INTERRUPTED: u8 = 5;

/// The subcommand name of an operation: its `operationId` in kebab case.
fn subcommand_name(command: CliCommand) -> String {
    command.operation_id().replace('_', "-")
}

/// The ids of the command line's own flags: never an id clap derives from a spec's name
/// (those are kebab case), so an operation's `timeout` parameter cannot be mistaken for them.
const API_KEY: &str = "cli:api-key";
const API_KEY_FILE: &str = "cli:api-key-file";
const BASE_URL: &str = "cli:base-url";
const BASIC_AUTH: &str = "cli:basic-auth";
const TIMEOUT: &str = "cli:timeout";
const MAX_RETRIES: &str = "cli:max-retries";
const VERBOSE: &str = "cli:verbose";
const SHOW_SECRETS: &str = "cli:show-secrets";

fn command() -> Command {
    let mut root = Command::new("invent")
        .about("The Invent API from the command line")
        .version(env!("CARGO_PKG_VERSION"))
        .subcommand_required(true)
        .after_help(EXIT_STATUSES)
        .arg(
            Arg::new(API_KEY)
                .long("api-key")
                .value_name("api-key")
                .env(invent::API_KEY_ENV)
                .hide_env_values(true)
                .global(true)
                .help(
                    "API key (create one in the Invent web app's settings); visible to other \
                     users in the process list: prefer INVENT_API_KEY or --api-key-file",
                ),
        )
        .arg(
            Arg::new(API_KEY_FILE)
                .long("api-key-file")
                .value_name("FILE")
                .value_parser(value_parser!(std::path::PathBuf))
                .global(true)
                .help("Read the API key from FILE, or from standard input for `-` (before --api-key and INVENT_API_KEY)"),
        )
        .arg(
            Arg::new(BASIC_AUTH)
                .long("basic-auth")
                .value_name("USER:PASSWORD")
                .env("INVENT_BASIC_AUTH")
                .hide_env_values(true)
                .global(true)
                .help("User and password for operations that ask for HTTP basic authentication"),
        )
        .arg(
            Arg::new(BASE_URL)
                .long("base-url")
                .value_name("base-url")
                .env(invent::BASE_URL_ENV)
                .global(true)
                .help(format!(
                    "API base URL [default: {}]",
                    invent::DEFAULT_BASE_URL
                )),
        )
        .arg(
            Arg::new(TIMEOUT)
                .long("timeout")
                .value_name("SECONDS")
                .value_parser(value_parser!(u64).range(1..))
                .global(true)
                .help("Limit on each attempt, in seconds [default: 60]"),
        )
        .arg(
            Arg::new(MAX_RETRIES)
                .long("max-retries")
                .value_name("max-retries")
                .value_parser(value_parser!(u32))
                .global(true)
                .help(max_retries_help()),
        )
        .arg(
            Arg::new(VERBOSE)
                .long("verbose")
                .short('v')
                .action(ArgAction::SetTrue)
                .global(true)
                .help(
                    "Log each attempt (method, path, status, duration, retries) to standard error",
                ),
        )
        .arg(
            Arg::new(SHOW_SECRETS)
                .long("show-secrets")
                .action(ArgAction::SetTrue)
                .global(true)
                .help("Print secrets (an assistant's secret_key) instead of [redacted]"),
        );
    let own: Vec<String> = root
        .get_arguments()
        .filter_map(|a| a.get_long().map(str::to_string))
        .collect();
    for operation in CliCommand::iter() {
        let subcommand = Cli::<Output>::get_command(operation).name(subcommand_name(operation));
        root = root.subcommand(rename_clashing_flags(subcommand, &own));
    }
    root.subcommand(api::command()).subcommand(
        Command::new("completions")
            .about("Print a shell completion script")
            .arg(
                Arg::new("shell")
                    .required(true)
                    .value_parser(value_parser!(clap_complete::Shell))
                    .help("bash, zsh, fish, elvish or powershell"),
            ),
    )
}

/// An operation's flag named like one of the command line's own (a `timeout` query parameter,
/// an `api_key` body property) becomes `--api-<name>`, so that neither hides the other.
fn rename_clashing_flags(subcommand: Command, own: &[String]) -> Command {
    let clashing: Vec<(String, String)> = subcommand
        .get_arguments()
        .filter_map(|a| {
            let long = a.get_long()?;
            own.iter()
                .any(|o| o == long)
                .then(|| (a.get_id().to_string(), format!("api-{long}")))
        })
        .collect();
    clashing
        .into_iter()
        .fold(subcommand, |subcommand, (id, long)| {
            subcommand.mut_arg(id, |arg| arg.long(long))
        })
}

/// The help of `--max-retries`, with the statuses from the client's own list.
fn max_retries_help() -> String {
    let statuses = invent::RetryPolicy::RETRIED_STATUSES.map(|s| s.to_string());
    format!(
        "Retries after a failed attempt (connection errors, timeouts, {}); a POST only when \
         nothing was processed (no connection, or 429 with Retry-After) or with an \
         Idempotency-Key [default: 2]",
        statuses.join(", ")
    )
}

/// The body of `--json-body`: a file, or standard input for `-`. Generated code calls this
/// when the spec has a request body.
#[allow(dead_code)]
pub(crate) fn read_json_body(path: &Path) -> std::io::Result<String> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(path)
    }
}

/// A response body that is not JSON, written to standard output as it arrives. Generated
/// code calls this when the spec has such a response.
#[allow(dead_code)]
pub(crate) async fn write_raw_body(
    response: invent::Response<invent::ByteStream>,
) -> anyhow::Result<()> {
    use futures::StreamExt;
    let status = response.status();
    let mut body = response.into_inner();
    let mut scrubber = output::Scrubber::default();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|source| {
            anyhow::Error::new(source.without_url()).context(format!(
                "the API answered {status}, but the response broke off before it was read"
            ))
        })?;
        output::write_stdout(&scrubber.feed(&chunk));
    }
    output::write_stdout(&scrubber.finish());
    Ok(())
}

/// The API key: `--api-key-file` (a file, or `-` for standard input), else `--api-key` or
/// `INVENT_API_KEY`.
fn api_key(matches: &ArgMatches) -> anyhow::Result<Option<String>> {
    let Some(path) = matches.get_one::<std::path::PathBuf>(API_KEY_FILE) else {
        return Ok(matches.get_one::<String>(API_KEY).cloned());
    };
    let stdin = path == Path::new("-");
    // `json-body` is an argument only of operations with a body.
    let json_body_from_stdin = matches
        .try_get_one::<std::path::PathBuf>("json-body")
        .ok()
        .flatten()
        .is_some_and(|p| p == Path::new("-"));
    if stdin && json_body_from_stdin {
        anyhow::bail!("--api-key-file - and --json-body - cannot both read standard input");
    }
    let text = if stdin {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        text
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read the key file {}: {e}", path.display()))?
    };
    let key = text.trim();
    if key.is_empty() {
        anyhow::bail!("the key file {} is empty", path.display());
    }
    Ok(Some(key.to_string()))
}

fn client(matches: &ArgMatches, key: Option<&str>) -> Result<invent::Client, invent::ConfigError> {
    let mut builder =
        invent::Client::builder().user_agent(concat!("invent-cli/", env!("CARGO_PKG_VERSION")));
    if let Some(key) = key {
        builder = builder.api_key(key);
    }
    if let Some(pair) = matches.get_one::<String>(BASIC_AUTH) {
        let (user, password) = pair.split_once(':').unwrap_or((pair, ""));
        builder = builder.basic_auth(user, password);
    }
    if let Some(url) = matches
        .get_one::<String>(BASE_URL)
        .filter(|u| !u.is_empty())
    {
        builder = builder.base_url(url);
    }
    if let Some(seconds) = matches.get_one::<u64>(TIMEOUT) {
        builder = builder.timeout(std::time::Duration::from_secs(*seconds));
    }
    if let Some(retries) = matches.get_one::<u32>(MAX_RETRIES) {
        builder = builder.max_retries(*retries);
    }
    builder.build()
}

/// The exit status and the one line to print for a failed command.
fn failure(error: &anyhow::Error) -> (u8, String) {
    let status = match error.downcast_ref::<invent::Error>() {
        Some(invent::Error::InvalidRequest(_)) => USAGE,
        Some(
            invent::Error::Transport { .. }
            | invent::Error::Timeout { .. }
            | invent::Error::DeadlineExceeded { .. },
        ) => TRANSPORT,
        Some(invent::Error::InvalidResponse { .. } | invent::Error::ResponseTooLarge { .. }) => {
            OFF_SPEC
        }
        Some(invent::Error::ResponseInterrupted { .. }) => INTERRUPTED,
        Some(_) => API,
        // Reading or parsing --json-body.
        None => USAGE,
    };
    // invent's errors are one self-contained line; others (reading --json-body) need their causes.
    let line = match error.downcast_ref::<invent::Error>() {
        Some(e) => e.to_string(),
        None => format!("{error:#}"),
    };
    (status, line)
}

fn main() -> ExitCode {
    let matches = match command().try_get_matches() {
        Ok(matches) => matches,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let Some((name, arguments)) = matches.subcommand() else {
        unreachable!("clap requires a subcommand")
    };
    if name == "completions" {
        let shell = *arguments
            .get_one::<clap_complete::Shell>("shell")
            .expect("required");
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut command(), "invent", &mut script);
        // A closed pipe (`| head`) is not an error worth a panic.
        let _ = std::io::stdout().write_all(&script);
        return ExitCode::SUCCESS;
    }
    let key = match api_key(arguments) {
        Ok(key) => key,
        Err(e) => {
            eprintln!("invent: {}", output::shown(&format!("{e:#}")));
            return ExitCode::from(USAGE);
        }
    };
    let client = match client(arguments, key.as_deref()) {
        Ok(client) => client,
        Err(e) => {
            eprintln!("invent: {}", output::shown(&format!("{e:#}")));
            return ExitCode::from(USAGE);
        }
    };
    if arguments.get_flag(VERBOSE) {
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_max_level(tracing::Level::DEBUG)
            .with_target(false)
            .init();
    }
    output::hide(key.as_deref());
    let output = Output {
        show_secrets: arguments.get_flag(SHOW_SECRETS),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    let result = if name == "api" {
        runtime.block_on(api::run(&client, arguments, &output))
    } else {
        let operation = CliCommand::iter()
            .find(|c| subcommand_name(*c) == name)
            .expect("a known subcommand");
        runtime.block_on(Cli::new(client, output).execute(operation, arguments))
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let (status, line) = failure(&error);
            eprintln!("invent: {}", output::shown(&line));
            ExitCode::from(status)
        }
    }
}
