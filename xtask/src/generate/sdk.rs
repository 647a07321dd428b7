//! Step 2: run progenitor over the normalized spec to get the client and its types.
//! Refusals (and progenitor's internal panics) become errors that name the problem.

use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

use progenitor::{
    CrateVers, GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle, TypePatch,
};
use quote::quote;

use crate::Error;
use crate::spec::Spec;

/// The settings every generated crate shares (the CLI and mock generators need the same
/// builder interface as the SDK).
pub fn settings() -> GenerationSettings {
    let mut settings = GenerationSettings::new();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_derive("schemars::JsonSchema")
        .with_derive("PartialEq")
        // Auth, retries and tracing live in `invent`'s hand-written `ClientHooks` impl, which
        // keeps its settings in the client's inner value.
        .with_inner_type(quote!(crate::Settings))
        .with_hooks(HooksMode::Expected)
        // `::invent::…` names the same type in the SDK (`extern crate self as invent`), the
        // CLI and the mock crate.
        .with_conversion(date_time(), "::invent::Timestamp", std::iter::empty())
        // A value of no declared type, and an object of no declared properties, keep the JSON
        // text they were read as.
        .with_conversion(any_value(), "::invent::RawJson", std::iter::empty())
        .with_conversion(free_form_object(), "::invent::Extra", std::iter::empty())
        // Maps keep the order they were read in.
        .with_map_type("::invent::IndexMap")
        // The normalizer names runtime types by `x-rust-type` (`invent::DeepObject<T>`).
        .with_crate("invent", CrateVers::Any, None);
    settings
}

/// The SDK's settings: the shared ones, plus `#[non_exhaustive]` on every type that grows
/// with the spec (each object's struct, each string enum's and union's enum), so that a new
/// optional property, enum value or union variant is not a breaking change for callers
/// (`wire/non_exhaustive.rs` checks the result against the spec).
fn sdk_settings(spec: &Spec) -> GenerationSettings {
    let mut settings = settings();
    let mut patch = TypePatch::default();
    patch.with_attr(crate::wire::non_exhaustive::ATTRIBUTE);
    for (_, rust, _) in crate::wire::non_exhaustive::schemas(spec) {
        settings.with_patch(rust, &patch);
    }
    settings
}

/// Runs progenitor; returns the SDK's syntax tree.
pub fn generate(path: &Path, spec: &Spec) -> Result<syn::File, Error> {
    let mut generator = Generator::new(&sdk_settings(spec));
    let tokens = catch(path, || generator.generate_tokens(&spec.openapi))?
        .map_err(|e| Error::spec(path, format!("progenitor refused the document: {e}")))?;
    let file = syn::parse2(tokens).map_err(|e| Error::Code {
        step: "progenitor",
        message: e.to_string(),
    })?;
    Ok(file)
}

/// Runs `f`, turning a panic inside progenitor into an error carrying the panic's message.
/// The process-wide panic hook is left alone (tests generate in parallel), so the panic is
/// also reported where it happened.
pub fn catch<T>(path: &Path, f: impl FnOnce() -> T) -> Result<T, Error> {
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown failure".into());
        Error::spec(
            path,
            format!("progenitor could not generate code: {message}"),
        )
    })
}

/// `{type: string, format: date-time}`: kept as `invent::Timestamp`, which remembers the text.
fn date_time() -> schemars::schema::SchemaObject {
    schemars::schema::SchemaObject {
        instance_type: Some(schemars::schema::InstanceType::String.into()),
        format: Some("date-time".into()),
        ..Default::default()
    }
}

/// `{}`: any JSON value.
fn any_value() -> schemars::schema::SchemaObject {
    schemars::schema::SchemaObject::default()
}

/// `{type: object, additionalProperties: {}}`, the normalized free-form object.
fn free_form_object() -> schemars::schema::SchemaObject {
    schemars::schema::SchemaObject {
        instance_type: Some(schemars::schema::InstanceType::Object.into()),
        object: Some(Box::new(schemars::schema::ObjectValidation {
            additional_properties: Some(Box::new(any_value().into())),
            ..Default::default()
        })),
        ..Default::default()
    }
}
