//! Step 4: every operation's `send()` refuses path parameters that would change the path
//! (`..`), and returns `invent::Error`; progenitor's `send` stays, private, as `send_unmapped`.

use std::collections::HashMap;

use heck::{ToSnakeCase, ToUpperCamelCase};
use quote::format_ident;
use syn::{ImplItem, Item, parse_quote};

use crate::spec::Spec;

/// The path parameters of every operation, as builder field names, by the name of its
/// builder. Read from the path template (`/orgs/{org_id}/…`), wherever the parameters are
/// declared (operation, path item, or a `$ref`).
fn path_parameters(spec: &Spec) -> HashMap<String, Vec<syn::Ident>> {
    let mut out = HashMap::new();
    for (path, item) in spec.json["paths"].as_object().into_iter().flatten() {
        let names: Vec<syn::Ident> = path
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .map(|name| format_ident!("{}", name.to_snake_case()))
            .collect();
        for operation in item.as_object().into_iter().flat_map(|o| o.values()) {
            if let Some(id) = operation.get("operationId").and_then(|id| id.as_str()) {
                out.insert(id.to_upper_camel_case(), names.clone());
            }
        }
    }
    out
}

/// Wraps the `send` of every operation builder in the top-level `builder` module.
pub fn apply(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    use_strict_encoding(file)?;
    let builder = crate::tree::module_mut(&mut file.items, "builder")
        .ok_or("progenitor emitted no `builder` module")?;
    let path_parameters = path_parameters(spec);
    let mut wrapped = 0;
    for item in builder.iter_mut() {
        let Item::Impl(block) = item else { continue };
        let Some(position) = block
            .items
            .iter()
            .position(|m| matches!(m, ImplItem::Fn(f) if f.sig.ident == "send"))
        else {
            continue;
        };
        let name = crate::tree::impl_self_name(block).unwrap_or_default();
        let ImplItem::Fn(original) = &mut block.items[position] else {
            unreachable!()
        };
        let success = success_type(&original.sig.output)
            .ok_or_else(|| format!("unexpected return type of `{name}::send`"))?;
        let docs: Vec<_> = original
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("doc"))
            .cloned()
            .collect();
        original.sig.ident = format_ident!("send_unmapped");
        original.vis = syn::Visibility::Inherited;
        original.attrs.retain(|a| !a.path().is_ident("doc"));
        let params = path_parameters.get(&name).cloned().unwrap_or_default();
        let names = params.iter().map(|p| p.to_string());
        let send: syn::ImplItemFn = parse_quote! {
            #(#docs)*
            ///
            /// Retries what is worth retrying (see [`crate::RetryPolicy`]); every failure is an
            /// [`crate::Error`], which tells them apart.
            pub async fn send(self) -> Result<ResponseValue<#success>, crate::Error> {
                #(crate::support::check_path_segment(#names, &self.#params)?;)*
                crate::support::call(self.send_unmapped()).await
            }
        };
        block.items.insert(position, ImplItem::Fn(send));
        wrapped += 1;
    }
    if wrapped == 0 {
        return Err("no operation builder with a `send` method was found".into());
    }
    Ok(())
}

/// Path parameters are encoded by `invent::support::encode_path` (every byte but ASCII
/// letters, digits, `-`, `.`, `_` and `~`), not progenitor's, which leaves `\` as is (and a
/// URL parser reads `\` as `/`).
fn use_strict_encoding(file: &mut syn::File) -> Result<(), String> {
    for item in file.items.iter_mut() {
        let Item::Use(import) = item else { continue };
        if !matches!(&import.tree, syn::UseTree::Path(p) if p.ident == "progenitor_client") {
            continue;
        }
        let text = quote::quote!(#import).to_string();
        if text.contains("encode_path") {
            let replaced = text
                .replace("encode_path ,", "")
                .replace(", encode_path", "")
                .replace("encode_path", "");
            *import = syn::parse_str(&replaced).map_err(|e| e.to_string())?;
            file.items.insert(
                0,
                parse_quote!(
                    use crate::support::encode_path;
                ),
            );
            return Ok(());
        }
    }
    Err("progenitor's `encode_path` import was not found; path encoding would be unchecked".into())
}

/// `T` in `Result<ResponseValue<T>, Error<E>>`.
fn success_type(output: &syn::ReturnType) -> Option<syn::Type> {
    let syn::ReturnType::Type(_, ty) = output else {
        return None;
    };
    let response = crate::tree::first_generic(ty)?;
    crate::tree::only_generic(response).cloned()
}
