//! Step 4: every operation's `send()` refuses path parameters that would change the path
//! (`..`), and returns `invent::Error`; progenitor's `send` stays, private, as `send_unmapped`.

use std::collections::HashMap;

use heck::{ToSnakeCase, ToUpperCamelCase};
use quote::format_ident;
use syn::{ImplItem, Item, parse_quote};

use crate::spec::Spec;

/// The path parameters of every operation, as field names, by the name of its builder.
fn path_parameters(spec: &Spec) -> HashMap<String, Vec<syn::Ident>> {
    let operations = spec.json["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.values())
        .flat_map(|item| item.as_object().into_iter().flat_map(|o| o.values()));
    operations
        .filter_map(|op| {
            let builder = op["operationId"].as_str()?.to_upper_camel_case();
            let params = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "path")
                .filter_map(|p| p["name"].as_str())
                .map(|name| format_ident!("{}", name.to_snake_case()))
                .collect();
            Some((builder, params))
        })
        .collect()
}

/// Wraps the `send` of every operation builder in the top-level `builder` module.
pub fn apply(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
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

/// `T` in `Result<ResponseValue<T>, Error<E>>`.
fn success_type(output: &syn::ReturnType) -> Option<syn::Type> {
    let syn::ReturnType::Type(_, ty) = output else {
        return None;
    };
    let response = crate::tree::first_generic(ty)?;
    crate::tree::only_generic(response).cloned()
}
