//! Step 5: the crates generated beside the SDK, from the same spec: the clap command tree of
//! the `invent` CLI and the httpmock extension of `invent-httpmock`, each adjusted by a pass.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use progenitor::Generator;
use serde_json::Value;
use syn::visit_mut::VisitMut;
use syn::{Expr, parse_quote};

use crate::Error;
use crate::generate::tree;
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
    adjust_cli(spec, &mut file).map_err(|message| Error::Code {
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
    adjust_httpmock(spec, &mut file).map_err(|message| Error::Code {
        step: "httpmock",
        message,
    })?;
    Ok(file)
}

/// What the spec says the passes must find.
struct Expected {
    /// Operations with a typed request body (JSON or form): each has a `--json-body`.
    typed_bodies: usize,
    /// Array query parameters, over all operations: each is a repeatable flag.
    array_queries: usize,
    /// Query parameters, over all operations: each is a matcher of the mock.
    queries: usize,
    /// Path parameters, over all operations: each is a path matcher of the mock.
    path_parameters: usize,
    /// Optional deep-object query parameters: each can be matched as missing.
    optional_deep_objects: usize,
    /// Path parameters whose list or object is sent `style: simple`.
    simple_paths: usize,
    /// Cookie parameters, and the optional ones (which can be matched as missing).
    cookies: usize,
    optional_cookies: usize,
}

impl Expected {
    fn of(spec: &Spec) -> Self {
        let mut expected = Expected {
            typed_bodies: 0,
            array_queries: 0,
            queries: 0,
            path_parameters: 0,
            optional_deep_objects: 0,
            simple_paths: 0,
            cookies: 0,
            optional_cookies: 0,
        };
        for op in spec.operations() {
            let typed = op
                .json
                .get("requestBody")
                .and_then(|b| b.get("content"))
                .and_then(Value::as_object)
                .is_some_and(|c| {
                    c.keys().any(|m| {
                        crate::spec::view::is_json(m)
                            || m.starts_with("application/x-www-form-urlencoded")
                    })
                });
            expected.typed_bodies += usize::from(typed);
            expected.path_parameters += op.path_parameters().len();
            for p in op.parameters() {
                let optional = p.get("required") != Some(&Value::Bool(true));
                if p.contains_key(crate::spec::names::COOKIE) {
                    expected.cookies += 1;
                    expected.optional_cookies += usize::from(optional);
                }
                if p.contains_key(crate::spec::names::SIMPLE_PATH) {
                    expected.simple_paths += 1;
                }
                if p.contains_key(crate::spec::names::DEEP_OBJECT) {
                    expected.optional_deep_objects += usize::from(optional);
                }
            }
            expected.queries += op
                .parameters()
                .filter(|p| p.get("in").and_then(Value::as_str) == Some("query"))
                .count();
            expected.array_queries += op
                .parameters()
                .filter(|p| p.get("in").and_then(Value::as_str) == Some("query"))
                .filter(|p| {
                    let schema = p.get("schema").unwrap_or(&Value::Null);
                    spec.resolve(schema).get("type").and_then(Value::as_str) == Some("array")
                })
                .count();
        }
        expected
    }
}

/// Fails, naming what is missing, when a pass changed a different number of places than
/// the spec says it must.
fn check_counts(pass: &str, counts: &[(&str, usize, usize)]) -> Result<(), String> {
    for (what, done, expected) in counts {
        if done != expected {
            return Err(format!(
                "the {pass} pass should {what} {expected} times (from the spec) but did so \
                 {done} times: progenitor's output changed"
            ));
        }
    }
    Ok(())
}

/// Adjusts progenitor's CLI to the SDK: `--json-body` is optional, read from a file or `-`
/// (standard input), applied first so flags override it; the unimplemented
/// `--json-body-template` goes; array parameters are repeatable flags; raw responses are
/// written out; `CliConfig` receives `invent::Error`, which is not generic.
fn adjust_cli(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    let expected = Expected::of(spec);
    let mut pass = CliPass {
        websockets: spec
            .operations()
            .iter()
            .filter(|op| op.json.contains_key("x-dropshot-websocket"))
            .map(|op| crate::spec::names::operation_name(op.id))
            .collect(),
        ..CliPass::default()
    };
    pass.visit_file_mut(file);
    let bodies = expected.typed_bodies;
    let arrays = expected.array_queries;
    check_counts(
        "CLI",
        &[
            ("drop --json-body-template", pass.template_dropped, bodies),
            ("make --json-body optional", pass.made_optional, bodies),
            ("describe --json-body", pass.described, bodies),
            ("read --json-body from `-`", pass.reads_stdin, bodies),
            ("apply --json-body before flags", pass.moved_first, bodies),
            ("make an array flag repeatable", pass.repeatable, arrays),
            ("collect a repeated flag", pass.collected, arrays),
            ("hand CliConfig invent's error", pass.error_types, 2),
            ("hand CliConfig invent's response", pass.response_types, 2),
            (
                "refuse a websocket",
                pass.websockets_refused,
                pass.websockets.len(),
            ),
        ],
    )?;
    if pass.unfinished > 0 {
        return Err(format!(
            "the CLI pass left {} `todo!()`s of progenitor's that it does not know",
            pass.unfinished
        ));
    }
    Ok(())
}

/// Counts of what the CLI pass changed.
#[derive(Default)]
struct CliPass {
    template_dropped: usize,
    made_optional: usize,
    described: usize,
    reads_stdin: usize,
    moved_first: usize,
    repeatable: usize,
    collected: usize,
    error_types: usize,
    response_types: usize,
    unfinished: usize,
    /// The client methods of websocket operations, which the command line does not open.
    websockets: Vec<String>,
    /// The client method the function being visited calls (`self.client.<method>()`).
    calling: Option<String>,
    websockets_refused: usize,
}

/// The name of the clap argument an expression builds (`Arg::new("name")…`).
fn arg_name(expr: &Expr) -> Option<String> {
    let root = tree::chain_root(expr);
    let Expr::Call(call) = root else { return None };
    let Expr::Path(f) = &*call.func else {
        return None;
    };
    (tree::path_is(&f.path, &["clap", "Arg", "new"])).then(|| tree::first_str_arg(root))?
}

/// `T` in `Vec<T>`.
fn vec_item(ty: &syn::Type) -> Option<syn::Type> {
    let segment = tree::last_segment(ty)?;
    (segment.ident == "Vec").then(|| tree::only_generic(ty).cloned())?
}

impl VisitMut for CliPass {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        match expr {
            Expr::MethodCall(call)
                if call.method == "arg"
                    && call.args.first().and_then(arg_name).as_deref()
                        == Some("json-body-template") =>
            {
                *expr = (*call.receiver).clone();
                self.template_dropped += 1;
            }
            Expr::MethodCall(call) if arg_name(&call.receiver).as_deref() == Some("json-body") => {
                if call.method == "required" {
                    call.args = parse_quote!(false);
                    self.made_optional += 1;
                } else if call.method == "help" {
                    let help = "A JSON file holding the whole request body, or `-` for \
                                standard input; flags given beside it override its properties";
                    call.args = parse_quote!(#help);
                    self.described += 1;
                }
            }
            Expr::MethodCall(call)
                if call.method == "value_parser" && arg_name(&call.receiver).is_some() =>
            {
                // `.value_parser(value_parser!(Vec<T>))` → one `T` per occurrence of the flag.
                let Some(Expr::Macro(parser)) = call.args.first_mut() else {
                    return;
                };
                let Ok(ty) = parser.mac.parse_body::<syn::Type>() else {
                    return;
                };
                if let Some(item) = vec_item(&ty) {
                    parser.mac.tokens = quote::quote!(#item);
                    let whole = call.clone();
                    *expr = parse_quote!(#whole.action(::clap::ArgAction::Append));
                    self.repeatable += 1;
                }
            }
            Expr::Call(call) => {
                if let Expr::Path(f) = &*call.func
                    && tree::path_is(&f.path, &["std", "fs", "read_to_string"])
                {
                    call.func = parse_quote!(crate::read_json_body);
                    self.reads_stdin += 1;
                }
            }
            Expr::If(branch) => self.collect_repeated(branch),
            Expr::Match(arms) => self.finish_raw(arms),
            _ => {}
        }
    }

    fn visit_impl_item_fn_mut(&mut self, function: &mut syn::ImplItemFn) {
        struct Calls(Option<String>);
        impl<'ast> syn::visit::Visit<'ast> for Calls {
            fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
                if let Expr::Field(field) = &*call.receiver
                    && matches!(&field.member, syn::Member::Named(n) if n == "client")
                {
                    self.0 = Some(call.method.to_string());
                }
                syn::visit::visit_expr_method_call(self, call);
            }
        }
        let mut calls = Calls(None);
        syn::visit::Visit::visit_block(&mut calls, &function.block);
        self.calling = calls.0;
        syn::visit_mut::visit_impl_item_fn_mut(self, function);
        let statements = &mut function.block.stmts;
        let reads_body = |s: &syn::Stmt| {
            let syn::Stmt::Expr(Expr::If(branch), _) = s else {
                return false;
            };
            let Expr::Let(condition) = &*branch.cond else {
                return false;
            };
            matches!(&*condition.expr, Expr::MethodCall(get) if get.method == "get_one"
                && get.args.first().and_then(tree::str_lit).as_deref() == Some("json-body"))
        };
        if let Some(position) = statements.iter().position(reads_body) {
            // After `let mut request = …`, before every flag.
            let statement = statements.remove(position);
            statements.insert(1, statement);
            self.moved_first += 1;
        }
    }

    fn visit_trait_item_fn_mut(&mut self, function: &mut syn::TraitItemFn) {
        let name = function.sig.ident.to_string();
        if name == "success_item" || name == "success_no_item" {
            for input in function.sig.inputs.iter_mut() {
                if let syn::FnArg::Typed(arg) = input
                    && let syn::Type::Reference(r) = &mut *arg.ty
                    && let Some(segment) = tree::last_segment_mut(&mut r.elem)
                    && segment.ident == "ResponseValue"
                {
                    // `invent::Response<T>`, what the SDK's `send` returns.
                    segment.ident = parse_quote!(Response);
                    self.response_types += 1;
                }
            }
        }
        if name == "error" || name == "list_end_error" {
            function.sig.generics = parse_quote!();
            for input in function.sig.inputs.iter_mut() {
                if let syn::FnArg::Typed(arg) = input
                    && let syn::Type::Reference(r) = &*arg.ty
                    && tree::last_segment(&r.elem).is_some_and(|s| s.ident == "Error")
                {
                    arg.ty = parse_quote!(&Error);
                    self.error_types += 1;
                }
            }
        }
    }
}

impl CliPass {
    /// `if let Some(value) = matches.get_one::<Vec<T>>(name) { … value.clone() … }` reads
    /// every occurrence instead: `get_many::<T>` and `value.cloned().collect()`.
    fn collect_repeated(&mut self, branch: &mut syn::ExprIf) {
        let Expr::Let(condition) = &mut *branch.cond else {
            return;
        };
        let Expr::MethodCall(get) = &mut *condition.expr else {
            return;
        };
        let Some(turbofish) = get.turbofish.as_mut() else {
            return;
        };
        let Some(syn::GenericArgument::Type(ty)) = turbofish.args.first_mut() else {
            return;
        };
        if get.method != "get_one" {
            return;
        }
        let Some(item) = vec_item(ty) else { return };
        *ty = item;
        get.method = parse_quote!(get_many);
        struct Collect;
        impl VisitMut for Collect {
            fn visit_expr_mut(&mut self, expr: &mut Expr) {
                if let Expr::MethodCall(call) = expr
                    && call.method == "clone"
                    && matches!(&*call.receiver, Expr::Path(p) if p.path.is_ident("value"))
                {
                    *expr = parse_quote!(value.cloned().collect::<::std::vec::Vec<_>>());
                    return;
                }
                syn::visit_mut::visit_expr_mut(self, expr);
            }
        }
        Collect.visit_block_mut(&mut branch.then_branch);
        self.collected += 1;
    }

    /// progenitor leaves `todo!()` where a response is not JSON: a raw success body is
    /// written to standard output, and a raw error is reported like any other.
    fn finish_raw(&mut self, arms: &mut syn::ExprMatch) {
        for arm in arms.arms.iter_mut() {
            // `todo!()` as the arm's body, or as the one statement of a block.
            let is_todo = match &*arm.body {
                Expr::Macro(m) => m.mac.path.is_ident("todo"),
                Expr::Block(block) => match block.block.stmts.as_slice() {
                    [syn::Stmt::Macro(m)] => m.mac.path.is_ident("todo"),
                    [syn::Stmt::Expr(Expr::Macro(m), _)] => m.mac.path.is_ident("todo"),
                    _ => false,
                },
                _ => false,
            };
            if !is_todo {
                continue;
            }
            let syn::Pat::TupleStruct(pattern) = &arm.pat else {
                self.unfinished += 1;
                continue;
            };
            let websocket = self
                .calling
                .as_ref()
                .filter(|m| self.websockets.contains(m));
            if let (true, Some(method)) = (tree::path_is(&pattern.path, &["Ok"]), websocket) {
                let message =
                    format!("`{method}` opens a websocket, which the command line does not");
                *arm.body = parse_quote!({
                    drop(r);
                    Err(anyhow::anyhow!(#message))
                });
                self.websockets_refused += 1;
            } else if tree::path_is(&pattern.path, &["Ok"]) {
                *arm.body = parse_quote!(crate::write_raw_body(r).await);
            } else if tree::path_is(&pattern.path, &["Err"]) {
                *arm.body = parse_quote!({
                    self.config.error(&r);
                    Err(anyhow::Error::new(r))
                });
            } else {
                self.unfinished += 1;
            }
        }
    }
}

/// Makes the mock's path matchers exact (a parameter is percent-encoded as the client sends
/// it and regex-escaped, so `a.b` or `a/b` matches only itself), and query parameters match
/// each value the client sends (`?tag=a&tag=b`).
fn adjust_httpmock(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    let expected = Expected::of(spec);
    let mut pass = MockPass {
        by_builder: sent_by_when_builder(spec, file)?,
        ..MockPass::default()
    };
    pass.visit_file_mut(file);
    match_paths_as_sent(spec, file)?;
    check_counts(
        "mock",
        &[
            (
                "make a path matcher exact",
                pass.exact_paths,
                expected.path_parameters,
            ),
            (
                "match each value a query parameter sends",
                pass.each_value,
                expected.queries,
            ),
            (
                "fill a path matcher with a list or object",
                pass.simple_paths,
                expected.simple_paths,
            ),
            (
                "match a deep object as missing",
                pass.deep_missing,
                expected.optional_deep_objects,
            ),
            ("match a cookie", pass.cookie_values, expected.cookies),
            (
                "match a cookie as missing",
                pass.cookie_missing,
                expected.optional_cookies,
            ),
        ],
    )
}

/// A path the spec writes with a `#fragment` (Box's `/files/{id}#add_shared_link`) or a
/// `?query` in it goes out without the fragment, with the query among the others: each of the
/// mock's path patterns (one, and one per path parameter) ends where the path does.
fn match_paths_as_sent(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    struct Trim<'a>(&'a str, usize);
    impl VisitMut for Trim<'_> {
        // The patterns with a parameter are `format!` strings, inside the macro's tokens.
        fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
            if tree::path_is(&mac.path, &["format"]) {
                let _ = tree::macro_args_mut(mac, |args| {
                    if let Some(Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(lit),
                        ..
                    })) = args.first_mut()
                    {
                        self.visit_lit_str_mut(lit);
                    }
                });
            }
        }

        fn visit_lit_str_mut(&mut self, lit: &mut syn::LitStr) {
            let text = lit.value();
            if let Some(start) = text.strip_suffix(self.0).filter(|_| text.starts_with('^')) {
                *lit = syn::LitStr::new(&format!("{start}$"), lit.span());
                self.1 += 1;
            }
        }
    }
    // Each ending, with the patterns the operations that have it give the mock.
    let mut endings: Vec<(String, usize)> = Vec::new();
    for op in spec.operations() {
        if let Some(suffix) = crate::spec::view::path_beyond(op.path) {
            let ending = format!("{suffix}$");
            let patterns = 1 + op.path_parameters().len();
            match endings.iter_mut().find(|(e, _)| *e == ending) {
                Some((_, n)) => *n += patterns,
                None => endings.push((ending, patterns)),
            }
        }
    }
    // The longest first, so that `?a#b` is trimmed before `#b` could be.
    endings.sort_by_key(|(e, _)| std::cmp::Reverse(e.len()));
    for (ending, expected) in endings {
        let mut trim = Trim(&ending, 0);
        trim.visit_file_mut(file);
        if trim.1 != expected {
            return Err(format!(
                "{expected} path patterns of the mock should end in `{ending}` (from the \
                 spec's paths), {} do",
                trim.1
            ));
        }
    }
    Ok(())
}

/// Counts of what the mock pass changed.
#[derive(Default)]
struct MockPass {
    exact_paths: usize,
    each_value: usize,
    /// How each operation sends its parameters, by the name of its `When` builder; and the
    /// operation whose builder the pass is in.
    by_builder: HashMap<String, Sent>,
    current: Sent,
    deep_missing: usize,
    /// In a matcher that takes an `invent::Simple` (the normalizer's type for a path or header
    /// list or object), and the path matchers among them.
    in_simple_path: bool,
    simple_paths: usize,
    cookie_values: usize,
    cookie_missing: usize,
}

/// How one operation sends the parameters the mock matches other than one value each.
#[derive(Clone, Default)]
struct Sent {
    /// Query lists sent as one value, by name, with their separator.
    joined: HashMap<String, String>,
    /// Query parameters sent as deep objects, and cookie parameters, by name.
    deep: HashSet<String>,
    cookies: HashSet<String>,
}

impl Sent {
    fn of(op: &crate::spec::Operation) -> Self {
        let name = |p: &serde_json::Map<String, Value>| Some(p.get("name")?.as_str()?.to_string());
        let marked = |marker: &str| {
            op.parameters()
                .filter(|p| p.contains_key(marker))
                .filter_map(name)
                .collect()
        };
        Sent {
            joined: op
                .parameters()
                .filter_map(|p| {
                    let separator = p.get(crate::spec::names::JOINED)?.as_str()?;
                    Some((name(p)?, separator.to_string()))
                })
                .collect(),
            deep: marked(crate::spec::names::DEEP_OBJECT),
            cookies: marked(crate::spec::names::COOKIE),
        }
    }
}

/// Each operation's [`Sent`], by the name of its `When` builder, read from `MockServerExt`:
/// the trait's method for an operation (progenitor's name for it, as `send.rs` finds it) takes
/// a closure of that builder (`F: FnOnce(operations::XWhen, operations::XThen)`).
fn sent_by_when_builder(spec: &Spec, file: &syn::File) -> Result<HashMap<String, Sent>, String> {
    let trait_ = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Trait(t) if t.ident == "MockServerExt" => Some(t),
            _ => None,
        })
        .ok_or("progenitor's mock has no `MockServerExt` trait")?;
    let operations = spec.operations();
    let mut by_builder = HashMap::new();
    for item in &trait_.items {
        let syn::TraitItem::Fn(method) = item else {
            continue;
        };
        let op = operations
            .iter()
            .find(|op| method.sig.ident == crate::spec::names::operation_name(op.id))
            .ok_or_else(|| {
                format!(
                    "the mock has `{}`, an operation the spec does not have",
                    method.sig.ident
                )
            })?;
        let builder = when_builder(&method.sig).ok_or_else(|| {
            format!(
                "the mock's `{}` (operation `{}`) takes no `FnOnce(When, Then)` closure",
                method.sig.ident, op.id
            )
        })?;
        by_builder.insert(builder, Sent::of(op));
    }
    if by_builder.len() != operations.len() {
        return Err(format!(
            "the mock's `MockServerExt` has {} operations' builders; the spec has {} operations",
            by_builder.len(),
            operations.len()
        ));
    }
    Ok(by_builder)
}

/// `XWhen` in a method's `where F: FnOnce(operations::XWhen, operations::XThen)`.
fn when_builder(sig: &syn::Signature) -> Option<String> {
    sig.generics
        .where_clause
        .as_ref()?
        .predicates
        .iter()
        .find_map(|predicate| {
            let syn::WherePredicate::Type(predicate) = predicate else {
                return None;
            };
            predicate.bounds.iter().find_map(|bound| {
                let syn::TypeParamBound::Trait(bound) = bound else {
                    return None;
                };
                let last = bound.path.segments.last()?;
                let syn::PathArguments::Parenthesized(args) = &last.arguments else {
                    return None;
                };
                match &args.inputs.first()?.ty {
                    syn::Type::Path(when) => Some(when.path.segments.last()?.ident.to_string()),
                    _ => None,
                }
            })
        })
}

impl VisitMut for MockPass {
    fn visit_item_impl_mut(&mut self, block: &mut syn::ItemImpl) {
        let builder = tree::impl_self_name(block).map(|n| n.to_string());
        self.current = builder
            .and_then(|b| self.by_builder.get(&b).cloned())
            .unwrap_or_default();
        syn::visit_mut::visit_item_impl_mut(self, block);
        self.current = Sent::default();
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if !tree::path_is(&mac.path, &["format"]) {
            return;
        }
        let changed = tree::macro_args_mut(mac, |args| {
            let mut changed = 0;
            for arg in args.iter_mut().skip(1) {
                if is_value_to_string(arg) && self.in_simple_path {
                    // A list or object: its items encoded, its commas not.
                    *arg = parse_quote!(regex::escape(&invent::support::simple_path(value)));
                    self.simple_paths += 1;
                    changed += 1;
                } else if is_value_to_string(arg) {
                    *arg = parse_quote!(regex::escape(&invent::support::encode_path(
                        &value.to_string()
                    )));
                    changed += 1;
                }
            }
            changed
        });
        self.exact_paths += changed.unwrap_or(0);
    }

    fn visit_impl_item_fn_mut(&mut self, function: &mut syn::ImplItemFn) {
        self.in_simple_path = takes_a_simple_value(&function.sig);
        syn::visit_mut::visit_impl_item_fn_mut(self, function);
        self.in_simple_path = false;
        if !takes_a_reference(&function.sig) {
            borrow_json_body(&mut function.block);
        }
    }

    /// `when.query_param(name, value.to_string())` matches each value the client sends for
    /// the parameter as it sends it: one for a scalar, each item of a list (`?tag=a&tag=b`),
    /// whatever a union holds.
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        let Expr::MethodCall(call) = expr else { return };
        let named = call
            .args
            .first()
            .and_then(tree::str_lit)
            .unwrap_or_default();
        let when = &call.receiver;
        let name = call.args.first();
        let value_given = call.args.len() == 2 && is_value_to_string(&call.args[1]);
        if call.method == "query_param" && value_given && self.current.deep.contains(&named) {
            *expr = parse_quote!(invent::support::deep_object_pairs(#name, &value)
                .unwrap_or_else(|e| panic!("the mock cannot match {e}"))
                .into_iter()
                .fold(#when, |when, (name, value)| when.query_param(name, value)));
            self.each_value += 1;
        } else if call.method == "query_param_missing" && self.current.deep.contains(&named) {
            // Not one `name[…]` key.
            *expr = parse_quote!(#when.is_true(|request| {
                !invent::support::deep_object_sent(request.uri().query(), #name)
            }));
            self.deep_missing += 1;
        } else if call.method == "header" && value_given && self.current.cookies.contains(&named) {
            *expr = parse_quote!({
                let sent = invent::support::cookie_value(&value.to_string());
                #when.is_true(move |request| {
                    invent::support::cookie_in(&request.headers(), #name).as_ref() == Some(&sent)
                })
            });
            self.cookie_values += 1;
        } else if call.method == "header_missing" && self.current.cookies.contains(&named) {
            *expr = parse_quote!(#when.is_true(|request| {
                invent::support::cookie_in(&request.headers(), #name).is_none()
            }));
            self.cookie_missing += 1;
        } else if call.method == "query_param" && value_given {
            let name = &call.args[0];
            let separator = self.current.joined.get(&named).cloned();
            *expr = match separator {
                Some(separator) => parse_quote!(
                    #when.query_param(#name, invent::support::joined(&value, #separator))
                ),
                None => parse_quote!(invent::support::query_values(&value)
                    .into_iter()
                    .fold(#when, |when, value| when.query_param(#name, value))),
            };
            self.each_value += 1;
        }
    }
}

/// Whether a matcher takes the value of a list or object sent `style: simple`, which the
/// normalizer types `invent::Simple<T>` or `invent::SimpleExploded<T>`.
fn takes_a_simple_value(sig: &syn::Signature) -> bool {
    sig.inputs.iter().any(|input| {
        let syn::FnArg::Typed(typed) = input else {
            return false;
        };
        let mut ty = &*typed.ty;
        while let syn::Type::Reference(reference) = ty {
            ty = &reference.elem;
        }
        matches!(ty, syn::Type::Path(ty) if tree::path_is(&ty.path, &["invent", "Simple"])
            || tree::path_is(&ty.path, &["invent", "SimpleExploded"]))
    })
}

/// `json_body_obj(value)` borrows: progenitor passes a body that is not a struct (an enum, a
/// number) by value, and httpmock takes a reference.
fn borrow_json_body(block: &mut syn::Block) {
    struct Borrow;
    impl VisitMut for Borrow {
        fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
            syn::visit_mut::visit_expr_method_call_mut(self, call);
            if call.method == "json_body_obj"
                && let Some(arg @ Expr::Path(_)) = call.args.first_mut()
            {
                *arg = parse_quote!(&#arg);
            }
        }
    }
    Borrow.visit_block_mut(block);
}

/// Whether a method's `value` parameter is a reference.
fn takes_a_reference(sig: &syn::Signature) -> bool {
    sig.inputs.iter().any(|input| {
        matches!(input, syn::FnArg::Typed(arg)
            if matches!(&*arg.pat, syn::Pat::Ident(p) if p.ident == "value")
                && matches!(&*arg.ty, syn::Type::Reference(_)))
    })
}

/// `value.to_string()`.
fn is_value_to_string(expr: &Expr) -> bool {
    matches!(expr, Expr::MethodCall(call) if call.method == "to_string"
        && matches!(&*call.receiver, Expr::Path(p) if p.path.is_ident("value")))
}
