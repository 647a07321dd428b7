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
    adjust_cli(&mut file);
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
    adjust_httpmock(&mut file);
    Ok(file)
}

/// Adjusts progenitor's CLI to the SDK: `--json-body` is optional, read from a file or `-`
/// (standard input), applied first so flags override it; the unimplemented
/// `--json-body-template` goes; `CliConfig` receives `invent::Error`, which is not generic.
fn adjust_cli(file: &mut syn::File) {
    syn::visit_mut::VisitMut::visit_file_mut(&mut CliPass, file);
}

struct CliPass;

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
        } else if call.method == "required" && mentions(&call.receiver, "json-body") {
            call.args = parse_quote!(false);
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
                }
            }
        }
    }
}

/// Makes the mock's path matchers exact: a parameter is percent-encoded as the client sends
/// it and regex-escaped, so `a.b` or `a/b` matches only itself.
fn adjust_httpmock(file: &mut syn::File) {
    struct Escape;
    impl syn::visit_mut::VisitMut for Escape {
        fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
            let text = mac.tokens.to_string();
            if text.contains("value . to_string ()") {
                let replaced = text.replace(
                    "value . to_string ()",
                    "regex :: escape (& invent :: support :: encode_path (value))",
                );
                mac.tokens = replaced.parse().expect("tokens stay valid");
            }
        }
    }
    syn::visit_mut::VisitMut::visit_file_mut(&mut Escape, file);
}
