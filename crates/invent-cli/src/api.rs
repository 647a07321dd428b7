//! `invent api METHOD PATH`: any path of the API with the client's runtime (credentials,
//! retries, limits, exit statuses, redaction), for endpoints the spec does not describe yet.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Arg, ArgAction, ArgMatches, Command, value_parser};

use crate::output::Output;

const METHOD: &str = "method";
const PATH: &str = "path";
const JSON_BODY: &str = "json-body";
const QUERY: &str = "query";
const HEADER: &str = "header";

/// The `api` subcommand.
pub fn command() -> Command {
    Command::new("api")
        .about("Call any path of the API: `invent api GET /orgs/c/assistants/ast_1`")
        .long_about(
            "Call any path of the API with this command line's key, retries, timeouts and exit \
             statuses, like a generated subcommand. Each segment of PATH is sent as written \
             (percent-encoded); query parameters and headers are given with --query and \
             --header. Properties the spec calls secrets are printed as [redacted] anywhere in \
             the response.",
        )
        .arg(
            Arg::new(METHOD)
                .required(true)
                .help("GET, POST, PUT, PATCH, DELETE, …"),
        )
        .arg(
            Arg::new(PATH)
                .required(true)
                .help("The path under the base URL, such as /orgs/c/assistants/ast_1"),
        )
        .arg(
            Arg::new(JSON_BODY)
                .long("json-body")
                .value_name("FILE")
                .value_parser(value_parser!(PathBuf))
                .help("The JSON body, from FILE or from standard input for `-`"),
        )
        .arg(
            Arg::new(QUERY)
                .long("query")
                .short('q')
                .value_name("NAME=VALUE")
                .action(ArgAction::Append)
                .help("A query parameter (repeat for several)"),
        )
        .arg(
            Arg::new(HEADER)
                .long("header")
                .short('H')
                .value_name("NAME: VALUE")
                .action(ArgAction::Append)
                .help("A header (repeat for several; not Authorization)"),
        )
}

/// Runs `invent api` with the arguments of its subcommand.
pub async fn run(
    client: &invent::Client,
    arguments: &ArgMatches,
    out: &Output,
) -> anyhow::Result<()> {
    let method = arguments.get_one::<String>(METHOD).expect("required");
    let method = invent::Method::from_bytes(method.to_ascii_uppercase().as_bytes())
        .map_err(|_| invent::Error::InvalidRequest(format!("`{method}` is not an HTTP method")))?;
    let path = arguments.get_one::<String>(PATH).expect("required");
    let mut call = client.raw(method, path);
    for pair in arguments.get_many::<String>(QUERY).into_iter().flatten() {
        let (name, value) = pair.split_once('=').ok_or_else(|| {
            invent::Error::InvalidRequest(format!("--query `{pair}` is not NAME=VALUE"))
        })?;
        call = call.query(name, value);
    }
    for pair in arguments.get_many::<String>(HEADER).into_iter().flatten() {
        let (name, value) = pair.split_once(':').ok_or_else(|| {
            invent::Error::InvalidRequest("a --header is not `NAME: VALUE`".to_string())
        })?;
        call = call.header(name.trim(), value.trim());
    }
    if let Some(file) = arguments.get_one::<PathBuf>(JSON_BODY) {
        let text = crate::read_json_body(file)
            .with_context(|| format!("cannot read --json-body {}", file.display()))?;
        let body = invent::RawJson::from_text(text)
            .with_context(|| format!("--json-body {} is not JSON", file.display()))?;
        call = call.json(&body);
    }
    let response = call.send::<invent::RawJson>().await?;
    out.print_untyped(&response);
    Ok(())
}
