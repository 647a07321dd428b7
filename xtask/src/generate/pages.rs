//! Listings as streams: each operation that pages (spec/pages.rs: README's rules, or its
//! `x-invent-pagination`) gets `pages()` and `items()` on its builder, and `--all` and
//! `--max-items N` on its CLI subcommand (the items as JSON lines, page after page).

use std::collections::{HashMap, HashSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{ImplItem, Item, Type, parse_quote};

use crate::generate::tree;
use crate::spec::names;
use crate::spec::pages::{Paging, Style};
use crate::spec::{Operation, Spec};

pub fn apply(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    let mut paged: HashMap<String, (Operation, Paging)> = HashMap::new();
    for op in spec.operations() {
        if let Some(paging) = crate::spec::pages::paging(spec, &op)? {
            paged.insert(names::operation_name(op.id), (op, paging));
        }
    }
    if paged.is_empty() {
        return Ok(());
    }
    let types = Types::of(
        tree::module_mut(&mut file.items, "types").ok_or("progenitor emitted no `types` module")?,
    );
    let builder = tree::module_mut(&mut file.items, "builder")
        .ok_or("progenitor emitted no `builder` module")?;
    let fields = Types::of(builder).structs;
    let mut added = Vec::new();
    for item in builder.iter_mut() {
        let Item::Impl(block) = item else { continue };
        let Some(id) = operation_id(block) else {
            continue;
        };
        let Some((op, paging)) = paged.get(&id) else {
            continue;
        };
        let name = tree::impl_self_name(block)
            .ok_or_else(|| format!("operation `{}`: its builder's impl names no type", op.id))?
            .clone();
        let page = page_type(block).ok_or_else(|| {
            format!(
                "operation `{}` ({}): its `send` returns no `crate::Response<…>` to page",
                op.id,
                op.at()
            )
        })?;
        let listing = listing(spec, op, paging, &name, &page, &types, &fields)?;
        added.push((id.clone(), listing));
    }
    if added.len() != paged.len() {
        let mut missing: Vec<&str> = paged
            .iter()
            .filter(|(id, _)| added.iter().all(|(a, _)| a != *id))
            .map(|(_, (op, _))| op.id)
            .collect();
        missing.sort();
        return Err(format!(
            "the listings {missing:?} page, but progenitor generated no builder for them"
        ));
    }
    builder.extend(added.into_iter().map(|(_, item)| item));
    Ok(())
}

/// The `types` module's structs, and the names of all its types.
struct Types {
    structs: HashMap<String, syn::ItemStruct>,
    names: HashSet<String>,
}

impl Types {
    fn of(items: &[Item]) -> Self {
        let mut types = Types {
            structs: HashMap::new(),
            names: HashSet::new(),
        };
        for item in items {
            match item {
                Item::Struct(s) => {
                    types.names.insert(s.ident.to_string());
                    types.structs.insert(s.ident.to_string(), s.clone());
                }
                Item::Enum(e) => {
                    types.names.insert(e.ident.to_string());
                }
                Item::Type(t) => {
                    types.names.insert(t.ident.to_string());
                }
                _ => {}
            }
        }
        types
    }
}

/// The operation a builder's impl sends (`OperationInfo { operation_id: "…" }` in
/// `send_unmapped`).
fn operation_id(block: &syn::ItemImpl) -> Option<String> {
    struct Find(Option<String>);
    impl<'ast> syn::visit::Visit<'ast> for Find {
        fn visit_expr_struct(&mut self, e: &'ast syn::ExprStruct) {
            if e.path.is_ident("OperationInfo") {
                for field in &e.fields {
                    if matches!(&field.member, syn::Member::Named(n) if n == "operation_id") {
                        self.0 = tree::str_lit(&field.expr);
                    }
                }
            }
            syn::visit::visit_expr_struct(self, e);
        }
    }
    let mut find = Find(None);
    for item in &block.items {
        if let ImplItem::Fn(f) = item
            && f.sig.ident == "send_unmapped"
        {
            syn::visit::Visit::visit_impl_item_fn(&mut find, f);
        }
    }
    find.0
}

/// `T` of the builder's `send(self) -> Result<crate::Response<T>, crate::Error>`.
fn page_type(block: &syn::ItemImpl) -> Option<Type> {
    let send = block.items.iter().find_map(|item| match item {
        ImplItem::Fn(f) if f.sig.ident == "send" => Some(f),
        _ => None,
    })?;
    let syn::ReturnType::Type(_, result) = &send.sig.output else {
        return None;
    };
    let response = tree::first_generic(result)?;
    (tree::last_segment(response)?.ident == "Response")
        .then(|| tree::only_generic(response).cloned())
        .flatten()
}

/// The `impl` with `pages()` and `items()` for one listing's builder.
fn listing(
    spec: &Spec,
    op: &Operation,
    paging: &Paging,
    builder: &syn::Ident,
    page: &Type,
    types: &Types,
    fields: &HashMap<String, syn::ItemStruct>,
) -> Result<Item, String> {
    let place = format!("operation `{}` ({})", op.id, op.at());
    let (item, items_of) = item_type(paging, page, &types.structs, &types.names)
        .map_err(|e| format!("{place}: {e}"))?;
    let setter = format_ident!("{}", names::field_name(&paging.parameter));
    let has_field = fields.get(&builder.to_string()).is_some_and(|s| {
        s.fields
            .iter()
            .any(|f| f.ident.as_ref().is_some_and(|i| *i == setter))
    });
    if !has_field {
        return Err(format!(
            "{place}: its builder has no field `{setter}` for the page parameter `{}`",
            paging.parameter
        ));
    }
    let is_integer = op.parameters().any(|p| {
        p.get("name").and_then(serde_json::Value::as_str) == Some(paging.parameter.as_str())
            && spec
                .resolve(p.get("schema").unwrap_or(&serde_json::Value::Null))
                .get("type")
                .and_then(serde_json::Value::as_str)
                == Some("integer")
    });
    let (style, at, current) = match (paging.style, is_integer) {
        (Style::Cursor, _) => (
            quote!(Cursor),
            quote!(match at {
                crate::support::At::Cursor(cursor) => b.#setter(cursor),
                crate::support::At::Number(n) => b.#setter(n.to_string()),
            }),
            quote!(|_| None),
        ),
        (style, integer) => {
            let style = match style {
                Style::Offset => quote!(Offset),
                _ => quote!(Page),
            };
            let (set, read) = match integer {
                true => (quote!(n), quote!(crate::support::page_number(*v))),
                false => (quote!(n.to_string()), quote!(v.parse().ok())),
            };
            (
                style,
                quote!(match at {
                    crate::support::At::Number(n) => b.#setter(#set),
                    crate::support::At::Cursor(_) => b,
                }),
                quote!(|b| match &b.#setter {
                    Ok(Some(v)) => #read,
                    _ => None,
                }),
            )
        }
    };
    let pointer = |p: &Option<String>| match p {
        Some(p) => quote!(Some(#p)),
        None => quote!(None),
    };
    let items = &paging.items;
    let (next, has_more, total, total_pages, last_id) = (
        pointer(&paging.next),
        pointer(&paging.has_more),
        pointer(&paging.total),
        pointer(&paging.total_pages),
        pointer(&paging.last_id),
    );
    let how = match paging.style {
        Style::Cursor => format!(" Pages by the cursor `{}`.", paging.parameter),
        Style::Offset => format!(" Pages by the offset `{}`.", paging.parameter),
        Style::Page => format!(" Pages by the page number `{}`.", paging.parameter),
    };
    Ok(parse_quote! {
        impl<'a> #builder<'a> {
            /// Every page of this listing, in order, each asked for (with this call's options)
            /// only when the stream is polled past the one before; see [`crate::Pages`].
            #[doc = #how]
            pub fn pages(self) -> crate::Pages<'a, #page> {
                static PAGING: crate::support::Paging = crate::support::Paging {
                    style: crate::support::Style::#style,
                    items: #items,
                    next: #next,
                    has_more: #has_more,
                    total: #total,
                    total_pages: #total_pages,
                    last_id: #last_id,
                };
                crate::Pages::new(
                    self,
                    crate::support::Listing {
                        paging: &PAGING,
                        send: |b| Box::pin(b.send()),
                        at: |b, at| #at,
                        current: #current,
                        within: |mut b, left| {
                            crate::support::within_deadline(&mut b.call_options, left);
                            b
                        },
                    },
                )
            }

            /// The items of every page of this listing, in order, as one stream; see
            /// [`crate::Items`].
            pub fn items(self) -> crate::Items<'a, #item> {
                self.pages().items(#items_of)
            }
        }
    })
}

/// The type of one item of a page, and the function from a page to its items.
fn item_type(
    paging: &Paging,
    page: &Type,
    pages: &HashMap<String, syn::ItemStruct>,
    names: &HashSet<String>,
) -> Result<(Type, TokenStream), String> {
    let list_item = |ty: &Type| -> Option<(Type, bool)> {
        let segment = tree::last_segment(ty)?;
        match segment.ident.to_string().as_str() {
            "Vec" => Some((tree::only_generic(ty)?.clone(), false)),
            "Option" => {
                let inner = tree::only_generic(ty)?;
                (tree::last_segment(inner)?.ident == "Vec")
                    .then(|| Some((tree::only_generic(inner)?.clone(), true)))
                    .flatten()
            }
            _ => None,
        }
    };
    if paging.items.is_empty() {
        let (item, _) = list_item(page).ok_or("the page is not a list")?;
        return Ok((item, quote!(|page: #page| page)));
    }
    let wire = paging.items[1..].replace("~1", "/").replace("~0", "~");
    if wire.contains('/') {
        return Err(format!(
            "the items `{wire}` are not a property of the page itself (only one is read as items)"
        ));
    }
    let name = tree::last_segment(page)
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    let strukt = pages
        .get(&name)
        .ok_or_else(|| format!("the page type `{name}` is not a struct"))?;
    let field = strukt
        .fields
        .iter()
        .find(|f| tree::wire_name(f).as_deref() == Some(wire.as_str()))
        .ok_or_else(|| format!("`{name}` has no field for the items `{wire}`"))?;
    let ident = field.ident.clone().ok_or("a tuple struct")?;
    let (item, optional) = list_item(&field.ty)
        .ok_or_else(|| format!("`{name}.{ident}` is not a list (`Vec` or `Option<Vec>`)"))?;
    let of = match optional {
        true => quote!(|page: #page| page.#ident.unwrap_or_default()),
        false => quote!(|page: #page| page.#ident),
    };
    Ok((in_builder(item, names), of))
}

/// A field's type as the `builder` module names it: the generated types it names (written
/// inside the `types` module, `Ticket`) as `types::Ticket`.
fn in_builder(mut ty: Type, types: &HashSet<String>) -> Type {
    struct Qualify<'a>(&'a HashSet<String>);
    impl syn::visit_mut::VisitMut for Qualify<'_> {
        fn visit_type_path_mut(&mut self, path: &mut syn::TypePath) {
            syn::visit_mut::visit_type_path_mut(self, path);
            let first = path.path.segments.first().map(|s| s.ident.to_string());
            if path.qself.is_none()
                && path.path.leading_colon.is_none()
                && first.is_some_and(|f| self.0.contains(&f))
            {
                path.path.segments.insert(0, format_ident!("types").into());
            }
        }
    }
    syn::visit_mut::VisitMut::visit_type_mut(&mut Qualify(types), &mut ty);
    ty
}

/// The CLI of each listing: `--all` and `--max-items N` on its subcommand (`cli_x`, beside the
/// `execute_x` that calls `self.client.x()`), which print the items of every page (at most N)
/// as JSON lines through `CliConfig::list_item`, in place of the first page.
pub fn cli(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    let mut listings: Vec<String> = Vec::new();
    for op in spec.operations() {
        if crate::spec::pages::paging(spec, &op)?.is_some() {
            listings.push(names::operation_name(op.id));
        }
    }
    if listings.is_empty() {
        return Ok(());
    }
    let (mut flags, mut walks) = (Vec::new(), Vec::new());
    for item in &mut file.items {
        let Item::Impl(block) = item else { continue };
        let commands: HashMap<String, String> = block
            .items
            .iter()
            .filter_map(|item| match item {
                ImplItem::Fn(f) => {
                    let name = f.sig.ident.to_string();
                    let called = client_call(&f.block)?;
                    let command = name.strip_prefix("execute_")?;
                    Some((format!("cli_{command}"), called))
                }
                _ => None,
            })
            .collect();
        // The walk's own flags, named apart from the operation's (GitHub's notifications
        // take an `all` parameter): `--all` and `--max-items`, else `--all-items` and
        // `--most-items`.
        let mut named: HashMap<String, (String, String)> = HashMap::new();
        for item in &mut block.items {
            let ImplItem::Fn(f) = item else { continue };
            let name = f.sig.ident.to_string();
            if let Some(called) = commands.get(&name).filter(|c| listings.contains(c)) {
                let taken = arg_ids(&f.block);
                let pick = |first: &str, second: &str| match taken.iter().any(|t| t == first) {
                    true => second.to_string(),
                    false => first.to_string(),
                };
                let (all, most) = (pick("all", "all-items"), pick("max-items", "most-items"));
                if taken.contains(&all) || taken.contains(&most) {
                    return Err(format!(
                        "`{name}` already has flags `--{all}` and `--{most}`"
                    ));
                }
                let Some(syn::Stmt::Expr(command, None)) = f.block.stmts.last_mut() else {
                    return Err(format!("`{name}` does not end with its clap command"));
                };
                *command = parse_quote! {
                    #command
                        .arg(
                            ::clap::Arg::new(#all)
                                .long(#all)
                                .action(::clap::ArgAction::SetTrue)
                                .help("Every item of every page, as JSON lines, page after page")
                        )
                        .arg(
                            ::clap::Arg::new(#most)
                                .long(#most)
                                .value_parser(::clap::value_parser!(u64))
                                .help("At most this many items, across pages, as JSON lines")
                        )
                };
                flags.push(called.clone());
                named.insert(called.clone(), (all, most));
            }
        }
        for item in &mut block.items {
            let ImplItem::Fn(f) = item else { continue };
            let name = f.sig.ident.to_string();
            if let Some(called) = client_call(&f.block).filter(|c| listings.contains(c))
                && name.starts_with("execute_")
            {
                let Some((all, most)) = named.get(&called) else {
                    return Err(format!(
                        "`{name}` sends a listing whose subcommand was not found"
                    ));
                };
                let send = f.block.stmts.iter().position(|stmt| {
                    matches!(stmt, syn::Stmt::Local(local)
                        if matches!(&local.pat, syn::Pat::Ident(p) if p.ident == "result"))
                });
                let Some(send) = send else {
                    return Err(format!("`{name}` sends no `let result = request.send()`"));
                };
                f.block.stmts.insert(
                    send,
                    parse_quote! {
                        if matches.get_flag(#all) || matches.contains_id(#most) {
                            let most = matches.get_one::<u64>(#most).copied();
                            let mut items = request.items();
                            let mut printed = 0u64;
                            while most.is_none_or(|most| printed < most) {
                                match ::futures::StreamExt::next(&mut items).await {
                                    Some(Ok(item)) => {
                                        self.config.list_item(&item);
                                        printed += 1;
                                    }
                                    Some(Err(e)) => {
                                        self.config.list_end_error(&e);
                                        return Err(anyhow::Error::new(e));
                                    }
                                    None => break,
                                }
                            }
                            return Ok(());
                        }
                    },
                );
                walks.push(called);
            }
        }
    }
    for (what, done) in [("flags", &flags), ("walks", &walks)] {
        let mut missing: Vec<&String> = listings.iter().filter(|l| !done.contains(l)).collect();
        missing.sort();
        if !missing.is_empty() || done.len() != listings.len() {
            return Err(format!(
                "the CLI's listing {what}: {} of {} listings found their subcommand (missing: \
                 {missing:?})",
                done.len(),
                listings.len()
            ));
        }
    }
    Ok(())
}

/// The ids of the clap arguments a subcommand's function makes (`::clap::Arg::new("id")`).
fn arg_ids(block: &syn::Block) -> Vec<String> {
    struct Find(Vec<String>);
    impl<'ast> syn::visit::Visit<'ast> for Find {
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            if let syn::Expr::Path(p) = &*call.func
                && tree::path_is(&p.path, &["clap", "Arg", "new"])
                && let Some(id) = call.args.first().and_then(tree::str_lit)
            {
                self.0.push(id);
            }
            syn::visit::visit_expr_call(self, call);
        }
    }
    let mut find = Find(Vec::new());
    syn::visit::Visit::visit_block(&mut find, block);
    find.0
}

/// The client method a CLI function calls (`self.client.x()`), if it calls one.
fn client_call(block: &syn::Block) -> Option<String> {
    struct Find(Option<String>);
    impl<'ast> syn::visit::Visit<'ast> for Find {
        fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
            if let syn::Expr::Field(field) = &*call.receiver
                && matches!(&field.member, syn::Member::Named(n) if n == "client")
                && matches!(&*field.base, syn::Expr::Path(p) if p.path.is_ident("self"))
            {
                self.0 = Some(call.method.to_string());
            }
            syn::visit::visit_expr_method_call(self, call);
        }
    }
    let mut find = Find(None);
    syn::visit::Visit::visit_block(&mut find, block);
    find.0
}
