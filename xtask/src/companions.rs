//! Step 6: the crates generated beside the SDK, from the same spec: the clap command tree of
//! the `invent` CLI and the httpmock extension of `invent-httpmock`.

use std::path::Path;

use progenitor::Generator;
use quote::ToTokens;
use syn::parse_quote;

use crate::Error;
use crate::sdk::{catch, settings};
use crate::spec::Spec;

/// The CLI's command tree (`invent update-assistant …`), for `crates/invent-cli`.
pub fn cli(path: &Path, spec: &Spec) -> Result<syn::File, Error> {
    let mut generator = Generator::new(&settings());
    let tokens = catch(path, || generator.cli(&spec.openapi, "invent"))?
        .map_err(|e| Error::spec(path, format!("progenitor could not generate the CLI: {e}")))?;
    let mut file = syn::parse2(tokens).map_err(|e| Error::Code {
        step: "cli",
        message: e.to_string(),
    })?;
    adjust_cli(&mut file).map_err(|message| Error::Code {
        step: "cli",
        message,
    })?;
    Ok(file)
}

/// The `MockServerExt` trait and its `when`/`then` builders, for `crates/invent-httpmock`.
pub fn httpmock(path: &Path, spec: &Spec) -> Result<syn::File, Error> {
    let mut generator = Generator::new(&settings());
    let tokens = catch(path, || generator.httpmock(&spec.openapi, "invent"))?
        .map_err(|e| Error::spec(path, format!("progenitor could not generate the mock: {e}")))?;
    let mut file = syn::parse2(tokens).map_err(|e| Error::Code {
        step: "httpmock",
        message: e.to_string(),
    })?;
    adjust_httpmock(&mut file).map_err(|message| Error::Code {
        step: "httpmock",
        message,
    })?;
    Ok(file)
}

/// Adjusts progenitor's CLI to the SDK: `--json-body` is optional, read from a file or `-`
/// (standard input), applied first so flags override it; the unimplemented
/// `--json-body-template` goes; `CliConfig` receives `invent::Error`, which is not generic.
fn adjust_cli(file: &mut syn::File) -> Result<(), String> {
    let has_bodies = mentions(file, "json-body");
    let mut pass = CliPass::default();
    syn::visit_mut::VisitMut::visit_file_mut(&mut pass, file);
    // progenitor's output changed shape if any adjustment found nothing to adjust.
    let body_steps = if has_bodies { 4 } else { 0 };
    let done = [
        ("drop --json-body-template", pass.template_dropped),
        ("make --json-body optional", pass.made_optional),
        ("read --json-body from `-`", pass.reads_stdin),
        ("apply --json-body before flags", pass.moved_first),
        ("hand CliConfig invent's error", pass.error_types),
    ];
    let checked = done[..body_steps].iter().chain(&done[4..]);
    match checked.into_iter().find(|(_, n)| *n == 0) {
        Some((what, _)) => Err(format!(
            "the CLI pass could not {what}: progenitor's output changed"
        )),
        None => Ok(()),
    }
}

/// Counts of what the CLI pass changed.
#[derive(Default)]
struct CliPass {
    template_dropped: usize,
    made_optional: usize,
    reads_stdin: usize,
    moved_first: usize,
    error_types: usize,
}

fn mentions(tokens: &impl ToTokens, literal: &str) -> bool {
    tokens
        .to_token_stream()
        .to_string()
        .contains(&format!("\"{literal}\""))
}

impl syn::visit_mut::VisitMut for CliPass {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        let syn::Expr::MethodCall(call) = expr else {
            return;
        };
        let first_arg_mentions = |lit: &str| call.args.first().is_some_and(|a| mentions(a, lit));
        if call.method == "arg" && first_arg_mentions("json-body-template") {
            *expr = (*call.receiver).clone();
            self.template_dropped += 1;
        } else if call.method == "required" && mentions(&call.receiver, "json-body") {
            call.args = parse_quote!(false);
            self.made_optional += 1;
        } else if call.method == "help" && mentions(&call.receiver, "json-body") {
            call.args = parse_quote!(
                "A JSON file holding the whole request body, or `-` for standard input; \
                 flags given beside it override its properties"
            );
        }
    }

    fn visit_expr_call_mut(&mut self, call: &mut syn::ExprCall) {
        syn::visit_mut::visit_expr_call_mut(self, call);
        if call.func.to_token_stream().to_string().replace(' ', "") == "std::fs::read_to_string" {
            call.func = parse_quote!(crate::read_json_body);
            self.reads_stdin += 1;
        }
    }

    fn visit_impl_item_fn_mut(&mut self, function: &mut syn::ImplItemFn) {
        syn::visit_mut::visit_impl_item_fn_mut(self, function);
        let statements = &mut function.block.stmts;
        if let Some(position) = statements
            .iter()
            .position(|s| mentions(s, "json-body") && matches!(s, syn::Stmt::Expr(..)))
            && position > 1
        {
            let statement = statements.remove(position);
            statements.insert(1, statement);
            self.moved_first += 1;
        }
    }

    fn visit_trait_item_fn_mut(&mut self, function: &mut syn::TraitItemFn) {
        let name = function.sig.ident.to_string();
        if name == "error" || name == "list_end_error" {
            function.sig.generics = parse_quote!();
            for input in function.sig.inputs.iter_mut() {
                if let syn::FnArg::Typed(arg) = input
                    && arg.ty.to_token_stream().to_string().contains("Error")
                {
                    arg.ty = parse_quote!(&Error);
                    self.error_types += 1;
                }
            }
        }
    }
}

/// Makes the mock's path matchers exact: a parameter is percent-encoded as the client sends
/// it and regex-escaped, so `a.b` or `a/b` matches only itself.
fn adjust_httpmock(file: &mut syn::File) -> Result<(), String> {
    struct Escape(usize);
    impl syn::visit_mut::VisitMut for Escape {
        fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
            let text = mac.tokens.to_string();
            if text.contains("value . to_string ()") {
                let replaced = text.replace(
                    "value . to_string ()",
                    "regex :: escape (& invent :: support :: encode_path (value))",
                );
                mac.tokens = replaced.parse().expect("tokens stay valid");
                self.0 += 1;
            }
        }
    }
    let mut escape = Escape(0);
    syn::visit_mut::VisitMut::visit_file_mut(&mut escape, file);
    if escape.0 == 0 {
        return Err("no path matcher was found to make exact: progenitor's output changed".into());
    }
    Ok(())
}
