//! Step 4: each operation builder's `send()` refuses path parameters that would change the
//! path (`.`, `..`, empty), runs with the call's options (`with_options`) and returns
//! `invent::Error`; progenitor's `send` stays, private. Path segments use the SDK's strict
//! encoder; conversion messages print types as Rust does.

use std::collections::HashMap;

use quote::format_ident;
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Expr, ImplItem, Item, parse_quote};

use crate::generate::tree;
use crate::spec::{Operation, Spec, names};

/// Wraps the `send` of every operation builder in the top-level `builder` module.
pub fn apply(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    use_strict_encoding(file)?;
    let operations = spec.operations();
    let by_name: HashMap<String, &Operation> = operations
        .iter()
        .map(|op| (names::operation_name(op.id), op))
        .collect();
    let builder = tree::module_mut(&mut file.items, "builder")
        .ok_or("progenitor emitted no `builder` module")?;
    let mut wrapped = Vec::new();
    for item in builder.iter_mut() {
        let Item::Impl(block) = item else { continue };
        let Some(position) = block
            .items
            .iter()
            .position(|m| matches!(m, ImplItem::Fn(f) if f.sig.ident == "send"))
        else {
            continue;
        };
        let ImplItem::Fn(original) = &block.items[position] else {
            unreachable!("matched above")
        };
        let mut found = Found::default();
        found.visit_block(&original.block);
        let name = found.operation_id.clone().ok_or_else(|| {
            let builder = tree::impl_self_name(block)
                .map(ToString::to_string)
                .unwrap_or_default();
            format!("`builder::{builder}::send` names no operation (`OperationInfo`)")
        })?;
        let op = by_name.get(&name).ok_or_else(|| {
            format!("progenitor generated `{name}`, which the spec does not have")
        })?;
        let expected = op.path_parameters();
        if found.path_fields.len() != expected.len() {
            return Err(format!(
                "operation `{}` ({}): the path has {} parameters ({expected:?}) but progenitor's \
                 URL has {}; the path check would be incomplete",
                op.id,
                op.at(),
                expected.len(),
                found.path_fields.len()
            ));
        }
        let keyed = op.parameters().any(|p| {
            p.get("in").and_then(serde_json::Value::as_str) == Some("header")
                && p.get("required") != Some(&serde_json::Value::Bool(true))
                && p.get("name")
                    .and_then(serde_json::Value::as_str)
                    .is_some_and(is_idempotency_key)
        });
        if keyed != found.idempotency_key.is_some() {
            return Err(format!(
                "operation `{}` ({}): the spec {} an optional `Idempotency-Key` header, but \
                 progenitor's request {} one",
                op.id,
                op.at(),
                if keyed {
                    "declares"
                } else {
                    "does not declare"
                },
                if found.idempotency_key.is_some() {
                    "sets"
                } else {
                    "does not set"
                },
            ));
        }
        send_method_reqwest_lacks(block, position, op)?;
        encode_forms_as_the_spec_says(block, position, op)?;
        join_query_lists(block, position, op)?;
        send_deep_objects(block, position, op)?;
        fill_simple_paths(block, position, op)?;
        send_cookies(block, position, op)?;
        accept_what_the_spec_answers(block, position, op)?;
        wrap_send(block, position, &found, &expected)?;
        name_conversion_failures(block, op)?;
        add_call_options(block, op)?;
        wrapped.push(name);
    }
    add_options_fields(builder, wrapped.len())?;
    let missing: Vec<_> = by_name.keys().filter(|n| !wrapped.contains(n)).collect();
    if !missing.is_empty() {
        return Err(format!(
            "no operation builder with a `send` method was found for {missing:?}"
        ));
    }
    Ok(())
}

/// What the body of progenitor's `send` tells: the operation, and the builder fields that
/// fill the path's `{parameters}` (from `encode_path(&field.to_string())`), in order.
#[derive(Default)]
struct Found {
    operation_id: Option<String>,
    path_fields: Vec<syn::Ident>,
    /// The optional `Idempotency-Key` header's field (`if let Some(value) = field { … }`).
    idempotency_key: Option<syn::Ident>,
}

impl<'ast> Visit<'ast> for Found {
    fn visit_expr_if(&mut self, branch: &'ast syn::ExprIf) {
        syn::visit::visit_expr_if(self, branch);
        let Expr::Let(condition) = &*branch.cond else {
            return;
        };
        let Expr::Path(field) = &*condition.expr else {
            return;
        };
        let mut appends = Appends(false);
        appends.visit_block(&branch.then_branch);
        if appends.0 {
            self.idempotency_key = field.path.get_ident().cloned();
        }
    }

    fn visit_expr_struct(&mut self, expr: &'ast syn::ExprStruct) {
        if tree::path_is(&expr.path, &["OperationInfo"]) {
            for field in &expr.fields {
                if matches!(&field.member, syn::Member::Named(n) if n == "operation_id") {
                    self.operation_id = tree::str_lit(&field.expr);
                }
            }
        }
        syn::visit::visit_expr_struct(self, expr);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if !tree::path_is(&mac.path, &["format"]) {
            return;
        }
        let mut mac = mac.clone();
        let fields = tree::macro_args_mut(&mut mac, |args| {
            args.iter().filter_map(encoded_field).collect::<Vec<_>>()
        });
        if let Some(fields) = fields.filter(|f| !f.is_empty()) {
            self.path_fields = fields;
        }
    }
}

/// Whether a block appends the `Idempotency-Key` header.
struct Appends(bool);

impl<'ast> Visit<'ast> for Appends {
    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        self.0 |= call.method == "append"
            && call
                .args
                .first()
                .and_then(tree::str_lit)
                .is_some_and(|name| is_idempotency_key(&name));
        syn::visit::visit_expr_method_call(self, call);
    }
}

/// The header that makes a POST safe to retry (IETF httpapi draft; case does not matter).
fn is_idempotency_key(name: &str) -> bool {
    name.eq_ignore_ascii_case("idempotency-key")
}

/// `field` in `encode_path(&field.to_string())`.
fn encoded_field(expr: &Expr) -> Option<syn::Ident> {
    let Expr::Call(call) = expr else { return None };
    let Expr::Path(f) = &*call.func else {
        return None;
    };
    if !tree::path_is(&f.path, &["encode_path"]) {
        return None;
    }
    let Some(Expr::Reference(reference)) = call.args.first() else {
        return None;
    };
    let Expr::MethodCall(to_string) = &*reference.expr else {
        return None;
    };
    let Expr::Path(field) = &*to_string.receiver else {
        return None;
    };
    field.path.get_ident().cloned()
}

/// Renames progenitor's `send` to `send_unmapped` and puts the checking, mapping `send` in
/// its place.
fn wrap_send(
    block: &mut syn::ItemImpl,
    position: usize,
    found: &Found,
    names: &[&str],
) -> Result<(), String> {
    let fields = &found.path_fields;
    // One key per call, made here unless the caller set one; every attempt re-sends it.
    let key = found.idempotency_key.iter();
    let ImplItem::Fn(original) = &mut block.items[position] else {
        unreachable!("found by the caller")
    };
    let success = success_type(&original.sig.output)
        .ok_or_else(|| format!("unexpected return type of `{}`", original.sig.ident))?;
    let docs: Vec<_> = original
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .cloned()
        .collect();
    original.sig.ident = format_ident!("send_unmapped");
    original.vis = syn::Visibility::Inherited;
    original.attrs.retain(|a| !a.path().is_ident("doc"));
    let receiver = match found.idempotency_key {
        Some(_) => quote::quote!(mut self),
        None => quote::quote!(self),
    };
    // A download's stream (progenitor's `ByteStream`: a success body that is not JSON, or a
    // redirect it reads as one) is the SDK's `ByteStream`.
    let streamed =
        matches!(&success, syn::Type::Path(p) if tree::path_is(&p.path, &["ByteStream"]));
    let (success, public) = if streamed {
        (
            parse_quote!(crate::ByteStream),
            quote::quote!(.map(|response| response.map(crate::ByteStream::from_generated))),
        )
    } else {
        (success, quote::quote!())
    };
    let send: syn::ImplItemFn = parse_quote! {
        #(#docs)*
        ///
        /// Retries what is worth retrying (see [`crate::RetryPolicy`]); every failure is an
        /// [`crate::Error`], which tells them apart.
        pub async fn send(#receiver) -> Result<crate::Response<#success>, crate::Error> {
            #(crate::support::check_path_segment(#names, &self.#fields)?;)*
            #(crate::support::fill_idempotency_key(&mut self.#key);)*
            crate::support::call(self.call_options.clone(), self.send_unmapped()).await #public
        }
    };
    block.items.insert(position, ImplItem::Fn(send));
    Ok(())
}

/// The builder takes options for its call (`with_options`), which `send` hands to the
/// runtime: the field (`call_options`) starts unset in `new`, and progenitor's `send` ignores it.
fn add_call_options(block: &mut syn::ItemImpl, op: &Operation) -> Result<(), String> {
    struct Options(usize, usize);
    impl VisitMut for Options {
        fn visit_expr_struct_mut(&mut self, expr: &mut syn::ExprStruct) {
            syn::visit_mut::visit_expr_struct_mut(self, expr);
            if expr.path.is_ident("Self") {
                expr.fields
                    .push(parse_quote!(call_options: ::std::default::Default::default()));
                self.0 += 1;
            }
        }
        fn visit_pat_struct_mut(&mut self, pattern: &mut syn::PatStruct) {
            syn::visit_mut::visit_pat_struct_mut(self, pattern);
            if pattern.path.is_ident("Self") && pattern.rest.is_none() {
                pattern.rest = Some(syn::PatRest {
                    attrs: Vec::new(),
                    dot2_token: Default::default(),
                });
                self.1 += 1;
            }
        }
    }
    let mut options = Options(0, 0);
    for item in &mut block.items {
        if let ImplItem::Fn(f) = item
            && (f.sig.ident == "new" || f.sig.ident == "send_unmapped")
        {
            options.visit_impl_item_fn_mut(f);
        }
    }
    if (options.0, options.1) != (1, 1) {
        return Err(format!(
            "operation `{}` ({}): expected one `Self {{ … }}` in the builder's `new` and one \
             `let Self {{ … }} = self` in its `send`, found {} and {}",
            op.id,
            op.at(),
            options.0,
            options.1
        ));
    }
    block.items.push(parse_quote! {
        /// Options for this call only: a timeout, a deadline, retries, extra headers or query
        /// parameters ([`crate::CallOptions`]); they win over the client's.
        pub fn with_options(mut self, options: crate::CallOptions) -> Self {
            self.call_options = options;
            self
        }
    });
    Ok(())
}

/// The `call_options` field of every operation builder struct (one per operation).
fn add_options_fields(builder: &mut [Item], operations: usize) -> Result<(), String> {
    let mut added = 0;
    for item in builder.iter_mut() {
        if let Item::Struct(s) = item
            && s.generics.lifetimes().next().is_some()
            && let syn::Fields::Named(fields) = &mut s.fields
            && fields
                .named
                .iter()
                .any(|f| f.ident.as_ref().is_some_and(|i| i == "client"))
        {
            fields
                .named
                .push(parse_quote!(call_options: crate::CallOptions));
            added += 1;
        }
    }
    if added != operations {
        return Err(format!(
            "{operations} operations, but {added} operation builder structs (with a `client` \
             field) to give call options"
        ));
    }
    Ok(())
}

/// A query list the spec sends as one value (`ids=a,b`) goes through progenitor's
/// `QueryParam::new(name, &value)` as `invent::support::Joined(&value, separator)`.
fn join_query_lists(
    block: &mut syn::ItemImpl,
    position: usize,
    op: &Operation,
) -> Result<(), String> {
    struct Join<'a>(HashMap<&'a str, &'a str>, usize);
    impl VisitMut for Join<'_> {
        fn visit_expr_call_mut(&mut self, call: &mut syn::ExprCall) {
            syn::visit_mut::visit_expr_call_mut(self, call);
            let Expr::Path(function) = &*call.func else {
                return;
            };
            if !tree::path_is(&function.path, &["progenitor_client", "QueryParam", "new"]) {
                return;
            }
            let separator = call
                .args
                .first()
                .and_then(tree::str_lit)
                .and_then(|name| self.0.get(name.as_str()).copied());
            if let (Some(separator), Some(Expr::Reference(value))) =
                (separator, call.args.get_mut(1))
            {
                let inner = &value.expr;
                *value.expr = parse_quote!(::invent::support::Joined(&#inner, #separator));
                self.1 += 1;
            }
        }
    }
    let joined: HashMap<&str, &str> = op
        .parameters()
        .filter_map(|p| {
            let separator = p.get(names::JOINED)?.as_str()?;
            Some((p.get("name")?.as_str()?, separator))
        })
        .collect();
    if joined.is_empty() {
        return Ok(());
    }
    let ImplItem::Fn(send) = &mut block.items[position] else {
        unreachable!("the position of `send`")
    };
    let mut join = Join(joined, 0);
    join.visit_block_mut(&mut send.block);
    if join.1 != join.0.len() {
        return Err(format!(
            "operation `{}` ({}): {} query lists are sent joined, but {} of progenitor's \
             `QueryParam::new` calls name them",
            op.id,
            op.at(),
            join.0.len(),
            join.1
        ));
    }
    Ok(())
}

/// The names of `op`'s parameters that carry `marker` (as the normalized spec names them, the
/// literal progenitor writes).
fn marked<'a>(op: &'a Operation, marker: &str) -> Vec<&'a str> {
    op.parameters()
        .filter(|p| p.get(marker).is_some())
        .filter_map(|p| p.get("name")?.as_str())
        .collect()
}

/// The body of `send`, the method at `position`.
fn send_block(block: &mut syn::ItemImpl, position: usize) -> &mut syn::Block {
    let ImplItem::Fn(send) = &mut block.items[position] else {
        unreachable!("the position of `send`")
    };
    &mut send.block
}

/// A query parameter sent `style: deepObject` goes out as `invent::support::DeepQuery(name,
/// &value)` (`filter[state]=open`) in place of progenitor's `QueryParam::new(name, &value)`.
fn send_deep_objects(
    block: &mut syn::ItemImpl,
    position: usize,
    op: &Operation,
) -> Result<(), String> {
    struct Deep<'a>(Vec<&'a str>, usize);
    impl VisitMut for Deep<'_> {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            let Expr::Call(call) = expr else { return };
            let Expr::Path(function) = &*call.func else {
                return;
            };
            if !tree::path_is(&function.path, &["progenitor_client", "QueryParam", "new"])
                || call.args.len() != 2
            {
                return;
            }
            if call
                .args
                .first()
                .and_then(tree::str_lit)
                .is_some_and(|name| self.0.contains(&name.as_str()))
            {
                let args = &call.args;
                *expr = parse_quote!(::invent::support::DeepQuery(#args));
                self.1 += 1;
            }
        }
    }
    let deep = marked(op, names::DEEP_OBJECT);
    if deep.is_empty() {
        return Ok(());
    }
    let mut pass = Deep(deep, 0);
    pass.visit_block_mut(send_block(block, position));
    rewrote_each(
        op,
        pass.0.len(),
        pass.1,
        "query parameters are sent `style: deepObject`",
        "`QueryParam::new`",
    )
}

/// A path parameter whose list or object is sent `style: simple` (`names::SIMPLE_PATH`) fills
/// its segment with `invent::support::simple_path(&field)` (items encoded, commas kept) in
/// place of progenitor's `encode_path(&field.to_string())`, which would encode the commas. The
/// URL's `encode_path` arguments follow the path template's `{names}`, in order.
fn fill_simple_paths(
    block: &mut syn::ItemImpl,
    position: usize,
    op: &Operation,
) -> Result<(), String> {
    struct Fill(Vec<bool>, usize);
    impl VisitMut for Fill {
        fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
            if !tree::path_is(&mac.path, &["format"]) {
                return;
            }
            let simple = &self.0;
            let filled = tree::macro_args_mut(mac, |args| {
                let mut filled = 0;
                let encoded = args.iter_mut().filter(|a| encoded_field(a).is_some());
                for (arg, is_simple) in encoded.zip(simple) {
                    if let (true, Some(field)) = (is_simple, encoded_field(arg)) {
                        *arg = parse_quote!(::invent::support::simple_path(&#field));
                        filled += 1;
                    }
                }
                filled
            });
            self.1 += filled.unwrap_or(0);
        }
    }
    let simple = marked(op, names::SIMPLE_PATH);
    if simple.is_empty() {
        return Ok(());
    }
    let in_order = op
        .path_parameters()
        .iter()
        .map(|n| simple.contains(n))
        .collect();
    let mut pass = Fill(in_order, 0);
    pass.visit_block_mut(send_block(block, position));
    rewrote_each(
        op,
        simple.len(),
        pass.1,
        "path parameters are lists or objects sent `style: simple`",
        "`encode_path`",
    )
}

/// Fails, naming the operation, when a pass rewrote `done` of progenitor's `calls` where the
/// spec has `expected` parameters that `are`.
fn rewrote_each(
    op: &Operation,
    expected: usize,
    done: usize,
    are: &str,
    calls: &str,
) -> Result<(), String> {
    if done == expected {
        return Ok(());
    }
    Err(format!(
        "operation `{}` ({}): {expected} {are}, but {done} of progenitor's {calls} calls name \
         them",
        op.id,
        op.at(),
    ))
}

/// A cookie parameter (a header to progenitor, see `names::COOKIE`) joins the request's one
/// `Cookie` header as `name=value`: progenitor's `header_map.append(name,
/// value.to_string().try_into()?)` becomes `invent::support::add_cookie(&mut header_map, name,
/// &value.to_string())?`.
fn send_cookies(block: &mut syn::ItemImpl, position: usize, op: &Operation) -> Result<(), String> {
    struct Cookies<'a>(Vec<&'a str>, usize);
    impl VisitMut for Cookies<'_> {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            let Expr::MethodCall(call) = expr else { return };
            let is_header_map =
                matches!(&*call.receiver, Expr::Path(p) if p.path.is_ident("header_map"));
            if call.method != "append" || !is_header_map || call.args.len() != 2 {
                return;
            }
            let Some(name) = call.args.first().and_then(tree::str_lit) else {
                return;
            };
            // `value.to_string().try_into()?`: the text is the receiver of `try_into`.
            let text = match &call.args[1] {
                Expr::Try(tried) => match &*tried.expr {
                    Expr::MethodCall(into) if into.method == "try_into" => Some(&*into.receiver),
                    _ => None,
                },
                _ => None,
            };
            if let Some(text) = text
                && self.0.contains(&name.as_str())
            {
                let name = &call.args[0];
                *expr = parse_quote!(
                    ::invent::support::add_cookie(&mut header_map, #name, &#text)?
                );
                self.1 += 1;
            }
        }
    }
    let cookies = marked(op, names::COOKIE);
    if cookies.is_empty() {
        return Ok(());
    }
    let mut pass = Cookies(cookies, 0);
    pass.visit_block_mut(send_block(block, position));
    rewrote_each(
        op,
        pass.0.len(),
        pass.1,
        "are cookie parameters",
        "`header_map.append`",
    )
}

/// progenitor asks for `application/json` in every request's `Accept`; an operation whose
/// successes are not JSON (a download) asks for the media types its spec lists instead, so a
/// server that negotiates answers it rather than `406 Not Acceptable`.
fn accept_what_the_spec_answers(
    block: &mut syn::ItemImpl,
    position: usize,
    op: &Operation,
) -> Result<(), String> {
    /// Replaces the value of `.header(ACCEPT, …)`, counted in `.1`; `.2` counts the
    /// `.headers(header_map)` calls, where one is added when progenitor wrote none.
    struct Accept<'a>(&'a str, usize, usize, bool);
    impl VisitMut for Accept<'_> {
        fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
            syn::visit_mut::visit_expr_method_call_mut(self, call);
            let media = self.0;
            let names_accept = matches!(call.args.first(),
                Some(Expr::Path(p)) if p.path.segments.last().is_some_and(|s| s.ident == "ACCEPT"));
            if call.method == "header" && call.args.len() == 2 && names_accept {
                call.args[1] = parse_quote!(::reqwest::header::HeaderValue::from_static(#media));
                self.1 += 1;
            } else if call.method == "headers" && self.3 {
                let receiver = &call.receiver;
                *call.receiver = parse_quote!(#receiver.header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static(#media)
                ));
                self.2 += 1;
            }
        }
    }
    let media: Vec<&str> = op
        .json
        .get("responses")
        .and_then(serde_json::Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(status, _)| status.starts_with('2'))
        .filter_map(|(_, r)| r.get("content").and_then(serde_json::Value::as_object))
        .flat_map(|content| content.keys().map(String::as_str))
        .collect();
    if media.is_empty() || media.iter().any(|m| crate::spec::view::is_json(m)) {
        return Ok(());
    }
    let accept = media.join(", ");
    if !is_header_text(&accept) {
        return Ok(());
    }
    let ImplItem::Fn(send) = &mut block.items[position] else {
        unreachable!("the position of `send`")
    };
    let mut visit = Accept(&accept, 0, 0, false);
    visit.visit_block_mut(&mut send.block);
    if visit.1 == 0 {
        visit.3 = true;
        visit.visit_block_mut(&mut send.block);
    }
    if visit.1 + visit.2 != 1 {
        return Err(format!(
            "operation `{}` ({}): expected one `Accept` header, or one `.headers(…)` to add it \
             to, in progenitor's `send`; found {} and {}",
            op.id,
            op.at(),
            visit.1,
            visit.2
        ));
    }
    Ok(())
}

/// Whether a text can be a header value (visible ASCII and spaces).
fn is_header_text(text: &str) -> bool {
    text.bytes()
        .all(|b| b == b' ' || b == b'\t' || (0x21..0x7f).contains(&b))
}

/// reqwest's client has a method per verb for all but OPTIONS and TRACE: progenitor's
/// `client.client.options(url)` becomes `request(Method::OPTIONS, url)`, once per operation.
fn send_method_reqwest_lacks(
    block: &mut syn::ItemImpl,
    position: usize,
    op: &Operation,
) -> Result<(), String> {
    struct Verb<'a>(&'a str, usize);
    impl VisitMut for Verb<'_> {
        fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
            syn::visit_mut::visit_expr_method_call_mut(self, call);
            if call.method == self.0 && call.args.len() == 1 {
                let verb = format_ident!("{}", self.0.to_ascii_uppercase());
                let url = call.args[0].clone();
                call.method = format_ident!("request");
                call.args = parse_quote!(::reqwest::Method::#verb, #url);
                self.1 += 1;
            }
        }
    }
    if !matches!(op.method, "options" | "trace") {
        return Ok(());
    }
    let ImplItem::Fn(send) = &mut block.items[position] else {
        unreachable!("the position of `send`")
    };
    let mut verb = Verb(op.method, 0);
    verb.visit_block_mut(&mut send.block);
    if verb.1 != 1 {
        return Err(format!(
            "operation `{}` ({}): expected one `.{}(url)` call in progenitor's `send`, found {}",
            op.id,
            op.at(),
            op.method,
            verb.1
        ));
    }
    Ok(())
}

/// A form body goes out as OpenAPI encodes one (a list as its property repeated, a `null` or a
/// nested object refused by name), by the SDK's encoder: `builder.form_urlencoded(&body)`
/// becomes `crate::support::form_request(builder, &body)`. Progenitor's encoder
/// (serde_urlencoded) refuses every list with "failed to serialize body" and drops a `null`.
fn encode_forms_as_the_spec_says(
    block: &mut syn::ItemImpl,
    position: usize,
    op: &Operation,
) -> Result<(), String> {
    struct Form(usize);
    impl VisitMut for Form {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            if let Expr::MethodCall(call) = expr
                && call.method == "form_urlencoded"
                && call.args.len() == 1
            {
                let builder = &call.receiver;
                let body = &call.args[0];
                *expr = parse_quote!(crate::support::form_request(#builder, #body));
                self.0 += 1;
            }
        }
    }
    let has_form = op
        .json
        .get("requestBody")
        .and_then(|b| b.get("content"))
        .and_then(serde_json::Value::as_object)
        .is_some_and(|c| {
            c.keys()
                .any(|m| m.starts_with("application/x-www-form-urlencoded"))
        });
    let ImplItem::Fn(send) = &mut block.items[position] else {
        unreachable!("the position of `send`")
    };
    let mut form = Form(0);
    form.visit_block_mut(&mut send.block);
    // (An operation that also offers JSON may be sent as JSON: none is then fine.)
    if form.0 > usize::from(has_form) {
        return Err(format!(
            "operation `{}` ({}): progenitor's `send` encodes {} form bodies, the spec offers {}",
            op.id,
            op.at(),
            form.0,
            usize::from(has_form)
        ));
    }
    Ok(())
}

/// A parameter setter that cannot convert its value says which parameter and which type,
/// printed as Rust code (progenitor prints token streams: `:: std :: string :: String`).
fn name_conversion_failures(block: &mut syn::ItemImpl, op: &Operation) -> Result<(), String> {
    struct Rename(Option<String>, usize);
    impl VisitMut for Rename {
        fn visit_expr_closure_mut(&mut self, closure: &mut syn::ExprClosure) {
            if let (Some(message), Expr::MethodCall(call)) = (&self.0, &mut *closure.body)
                && call.method == "to_string"
                && tree::str_lit(&call.receiver).is_some()
            {
                *call.receiver = parse_quote!(#message);
                self.1 += 1;
            }
        }
    }
    let mut renamed = 0;
    for member in block.items.iter_mut() {
        let ImplItem::Fn(setter) = member else {
            continue;
        };
        let Some(target) = try_into_target(setter) else {
            continue;
        };
        let message = format!(
            "`{}` cannot be converted to `{}`",
            setter.sig.ident,
            tree::pretty_type(&target)
        );
        let mut rename = Rename(Some(message), 0);
        rename.visit_block_mut(&mut setter.block);
        // The body's setter (always `body`: no parameter may take that name) is renamed when
        // progenitor gives it a fixed message, and not counted.
        if setter.sig.ident != "body" {
            renamed += rename.1;
        }
    }
    let expected = op.parameters().count();
    if renamed != expected {
        return Err(format!(
            "operation `{}` ({}): {expected} parameters, but {renamed} parameter setters with \
             a conversion message were found",
            op.id,
            op.at()
        ));
    }
    Ok(())
}

/// `T` in a setter's `where V: TryInto<T>`.
fn try_into_target(setter: &syn::ImplItemFn) -> Option<syn::Type> {
    let clause = setter.sig.generics.where_clause.as_ref()?;
    clause.predicates.iter().find_map(|predicate| {
        let syn::WherePredicate::Type(p) = predicate else {
            return None;
        };
        p.bounds.iter().find_map(|bound| {
            let syn::TypeParamBound::Trait(t) = bound else {
                return None;
            };
            let segment = t.path.segments.last()?;
            if segment.ident != "TryInto" {
                return None;
            }
            match &segment.arguments {
                syn::PathArguments::AngleBracketed(args) => match args.args.first()? {
                    syn::GenericArgument::Type(ty) => Some(ty.clone()),
                    _ => None,
                },
                _ => None,
            }
        })
    })
}

/// Path parameters are encoded by `invent::support::encode_path` (every byte but ASCII
/// letters, digits, `-`, `.`, `_` and `~`), not progenitor's, which leaves `\` as is (and a
/// URL parser reads `\` as `/`).
fn use_strict_encoding(file: &mut syn::File) -> Result<(), String> {
    fn remove(tree: &mut syn::UseTree) -> usize {
        match tree {
            syn::UseTree::Path(p) => remove(&mut p.tree),
            syn::UseTree::Group(g) => {
                let before = g.items.len();
                g.items = std::mem::take(&mut g.items)
                    .into_iter()
                    .filter(|t| !matches!(t, syn::UseTree::Name(n) if n.ident == "encode_path"))
                    .collect();
                before - g.items.len()
            }
            _ => 0,
        }
    }
    let mut removed = 0;
    for item in file.items.iter_mut() {
        if let Item::Use(import) = item
            && matches!(&import.tree, syn::UseTree::Path(p) if p.ident == "progenitor_client")
        {
            removed += remove(&mut import.tree);
        }
    }
    if removed != 1 {
        return Err(format!(
            "progenitor's `encode_path` import was found {removed} times, not once; path \
             encoding would be unchecked"
        ));
    }
    file.items.insert(
        0,
        parse_quote!(
            use crate::support::encode_path;
        ),
    );
    Ok(())
}

/// `T` in `Result<ResponseValue<T>, Error<E>>`.
fn success_type(output: &syn::ReturnType) -> Option<syn::Type> {
    let syn::ReturnType::Type(_, ty) = output else {
        return None;
    };
    let response = tree::first_generic(ty)?;
    tree::only_generic(response).cloned()
}
