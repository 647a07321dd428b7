//! The SDK's rules for spec changes: for each kind of change, what it does on the wire and to
//! Rust code written against the previous crate, and why. docs/spec-changes.md prints this table.

/// What a change does in one column of consequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Effect {
    /// Nothing changes here.
    None,
    /// Existing callers keep working.
    Compatible,
    /// Existing callers can fail.
    Breaking,
}

impl Effect {
    pub fn word(self) -> &'static str {
        match self {
            Effect::None => "none",
            Effect::Compatible => "compatible",
            Effect::Breaking => "breaking",
        }
    }
}

/// Which Keep a Changelog section a change belongs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Added,
    Changed,
    Removed,
}

/// One row of the rules: a kind of change and its consequences.
#[derive(Debug)]
pub struct Rule {
    /// Stable name, used in the JSON report.
    pub id: &'static str,
    /// The kind of change, as the table's first column says it.
    pub what: &'static str,
    pub wire: Effect,
    /// Old callers against the new server, and new callers against the old server.
    pub wire_why: &'static str,
    pub rust: Effect,
    /// Code written against the previous crate.
    pub rust_why: &'static str,
    /// Only text changed: no wire or Rust consequence.
    pub documentation: bool,
    pub section: Section,
    /// Where oasdiff's rule differs because of what this SDK guarantees.
    pub unlike_oasdiff: &'static str,
}

use Effect::{Breaking as B, Compatible as C, None as N};
use Section::{Added, Changed, Removed};

macro_rules! rules {
    ($($id:ident: $what:literal, $wire:ident $wire_why:literal, $rust:ident $rust_why:literal, $section:ident $(, doc $doc:literal)? $(, oasdiff $oas:literal)?;)*) => {
        $(
            #[allow(non_upper_case_globals)]
            pub static $id: Rule = Rule {
                id: stringify!($id),
                what: $what,
                wire: $wire,
                wire_why: $wire_why,
                rust: $rust,
                rust_why: $rust_why,
                documentation: false $(|| $doc)?,
                section: $section,
                unlike_oasdiff: concat!("" $(, $oas)?),
            };
        )*
        /// Every rule, in the order of the table.
        pub static RULES: &[&Rule] = &[$(&$id),*];
    };
}

rules! {
    operation_added: "operation added",
        C "old callers are unaffected; new callers get 404 from a server without it",
        C "a new method on `Client`", Added;
    operation_removed: "operation removed",
        B "old callers get 404 or 405",
        B "the `Client` method and its builder are gone", Removed;
    operation_id_changed: "operationId changed (same method and path)",
        N "the request is the same",
        B "the `Client` method, its builder and error type are renamed", Changed;
    operation_moved: "path or method changed (same operationId)",
        B "old callers call the old path or method and get 404 or 405",
        N "the method keeps its name and calls the new path", Changed;
    parameter_added_required: "required parameter added",
        B "old callers do not send it and are refused",
        B "compiles, but `send()` refuses the call until the new setter is called", Changed;
    parameter_added_optional: "optional parameter added",
        C "old callers are unaffected; an old server ignores or refuses it when new callers send it",
        C "a new setter on the operation's builder", Added;
    parameter_removed: "parameter removed",
        B "old callers still send it; the new server ignores or refuses it",
        B "the builder's setter is gone", Removed;
    parameter_renamed: "parameter renamed (same place: a header's case, a path parameter)",
        N "the request is the same",
        B "the builder's setter is renamed", Changed;
    parameter_made_required: "parameter made required",
        B "old callers that omit it are refused",
        B "compiles, but `send()` refuses calls that do not set it", Changed;
    parameter_made_optional: "parameter made optional",
        C "old callers send it as before",
        N "the setter is unchanged", Changed;
    parameter_type_changed: "parameter type or format changed",
        B "values old callers send may be refused",
        B "the setter takes another type", Changed;
    parameter_constraint_tightened: "parameter constraint tightened (a smaller maximum, a larger minimum, a new pattern)",
        B "values old callers send may be refused",
        N "compiles; the SDK refuses out-of-range values before sending", Changed;
    parameter_constraint_loosened: "parameter constraint loosened",
        C "old callers' values stay valid; an old server refuses the newly allowed values",
        N "compiles; the SDK's check before sending follows the spec", Changed;
    parameter_enum_value_added: "parameter enum value added",
        C "old callers are unaffected; an old server refuses the new value",
        C "a new variant; generated enums are `#[non_exhaustive]`", Added;
    parameter_enum_value_removed: "parameter enum value removed",
        B "old callers sending it are refused",
        B "the variant is gone", Removed;
    body_added_required: "required request body added",
        B "old callers send no body and are refused",
        B "compiles, but `send()` refuses the call until `.body(…)` is set", Changed;
    body_added_optional: "optional request body added",
        C "old callers send no body, as allowed",
        C "a new `.body(…)` setter", Added;
    body_removed: "request body removed",
        B "old callers still send one; the new server ignores or refuses it",
        B "`.body(…)` is gone", Removed;
    body_made_required: "request body made required",
        B "old callers that send none are refused",
        B "compiles, but `send()` refuses calls without `.body(…)`", Changed;
    body_made_optional: "request body made optional",
        C "old callers send one as before",
        N "unchanged", Changed;
    body_type_changed: "request body schema or media type replaced",
        B "old callers send the old shape",
        B "`.body(…)` takes another type", Changed;
    success_status_added: "success status added",
        B "old callers get `Error::InvalidResponse` for a status their crate does not document",
        C "the response type is unchanged unless the new status has another body", Changed;
    success_status_removed: "success status removed",
        C "old callers never receive it",
        C "unchanged unless the remaining statuses have another body", Changed;
    error_status_added: "error status added",
        C "old callers get it as an `invent::Error` with the body kept; `try_from(&error)` of the old crate does not decode it",
        C "a new variant of the operation's `errors::…Error`", Added;
    error_status_removed: "error status removed",
        C "old callers never receive it",
        B "the variant of the operation's `errors::…Error` is gone", Removed;
    response_type_changed: "success response schema or media type replaced",
        B "old callers cannot decode the new body",
        B "`send()` returns another type", Changed;
    error_schema_changed: "error response schema replaced",
        B "old callers' `try_from(&error)` cannot decode the new error body",
        B "the variant of the operation's `errors::…Error` holds another type", Changed;
    security_added: "security requirement added, or an accepted alternative removed or changed",
        B "old callers without the new credential are refused",
        N "the client sends its API key as before", Changed;
    security_removed: "security requirement removed, or an alternative added",
        C "every credential old callers send is still accepted",
        N "unchanged", Changed;
    request_property_added_required: "request property added, required",
        B "old callers do not send it and are refused",
        B "compiles, but the builder refuses to build the value without it (and the type loses `Default`)", Changed;
    request_property_added_optional: "request property added, optional",
        C "old callers are unaffected; an old server ignores or refuses it when new callers send it",
        C "a new field and builder setter; generated structs are `#[non_exhaustive]`", Added;
    request_property_removed: "request property removed",
        B "old callers still send it; the new server ignores or refuses it",
        B "the field and its setter are gone", Removed;
    request_property_type_changed: "request property type or format changed",
        B "values old callers send may be refused",
        B "the field holds another type", Changed;
    request_property_made_required: "request property made required",
        B "old callers that omit it are refused",
        B "the field changes from `Option<T>` to `T`", Changed;
    request_property_made_optional: "request property made optional",
        C "old callers send it as before",
        B "the field changes from `T` to `Option<T>`", Changed;
    request_property_nullable_added: "request property made nullable",
        C "old callers never send null",
        B "the field changes to `Patch<T>` or `Option<T>`", Changed;
    request_property_nullable_removed: "request property no longer nullable",
        B "old callers that send null are refused",
        B "the field changes from `Patch<T>` or `Option<T>`", Changed;
    request_constraint_tightened: "request value constraint tightened (length, range, pattern, format, items, uniqueness, no other properties)",
        B "values old callers send may be refused",
        N "compiles (unless a plain string becomes a checked one); the SDK refuses out-of-range values before sending", Changed;
    request_constraint_loosened: "request value constraint loosened",
        C "old callers' values stay valid; an old server refuses the newly allowed values",
        N "compiles (unless a checked string becomes a plain one)", Changed;
    request_enum_value_added: "request enum value added",
        C "old callers are unaffected; an old server refuses the new value",
        C "a new variant; generated enums are `#[non_exhaustive]`", Added;
    request_enum_value_removed: "request enum value removed",
        B "old callers sending it are refused",
        B "the variant is gone", Removed;
    request_default_changed: "request property default changed",
        B "old callers that omit it get the new default",
        N "the SDK never sends defaults", Changed,
        oasdiff "oasdiff warns; here it is breaking because behaviour changes for callers who omit the property";
    response_property_added: "response property added",
        C "old callers keep it among the object's unknown properties (`extra`) and write it back unchanged",
        C "a new field; generated structs are `#[non_exhaustive]`; a required one must also be set by code that builds the value (mocks)", Added,
        oasdiff "stock generated clients that refuse unknown properties break; invent keeps them";
    response_property_removed: "response property removed",
        B "old callers fail to decode a response without a property they require (an optional one reads as absent)",
        B "the field is gone", Removed;
    response_property_type_changed: "response property type or format changed",
        B "old callers cannot decode the new value",
        B "the field holds another type", Changed;
    response_property_made_optional: "response property made optional",
        B "old callers fail to decode a response without it",
        B "the field changes from `T` to `Option<T>`", Changed;
    response_property_made_required: "response property made required",
        C "old callers read it as before",
        B "the field changes from `Option<T>` to `T`", Changed;
    response_property_nullable_added: "response property made nullable",
        B "old callers fail on null where they require a value; an optional property's null is kept beside the unknown properties",
        B "the field changes to `Option<T>` or `Patch<T>`", Changed,
        oasdiff "for an optional property invent reads null without failing";
    response_property_nullable_removed: "response property no longer nullable",
        C "old callers never see null",
        B "the field changes from `Option<T>`", Changed;
    response_constraint_changed: "response value constraint changed",
        C "the SDK does not check responses against limits",
        N "unchanged (unless a plain string becomes a checked one)", Changed,
        oasdiff "oasdiff flags a loosened response constraint; invent never checks responses against limits";
    response_enum_value_added: "response enum value added",
        C "enums are open: old callers read it as `Unknown(\"value\")` and write it back unchanged",
        C "a new variant; generated enums are `#[non_exhaustive]`", Added,
        oasdiff "breaking for stock generated clients; invent's enums are open";
    response_enum_value_removed: "response enum value removed",
        C "old callers never receive it",
        B "the variant is gone", Removed;
    union_variant_added: "union variant added",
        C "old callers read an unknown variant as `Unknown(json)` and write it back whole",
        C "a new variant; generated unions are `#[non_exhaustive]`", Added,
        oasdiff "breaking for stock generated clients; invent's unions are open";
    union_tag_changed: "union tag property or a variant's tag value changed",
        B "old callers send the old tag and are refused; a response's new tag reads as `Unknown`",
        N "the variants keep their types", Changed;
    union_variant_removed: "union variant removed",
        B "old callers sending it are refused (a response never carries it)",
        B "the variant is gone", Removed;
    schema_added: "component schema added",
        N "nothing changes until an operation uses it",
        C "a new type", Added;
    schema_removed: "component schema removed",
        N "its uses are judged where they changed",
        B "the type is gone", Removed;
    unclassified: "a change no rule above covers (servers, extensions, webhooks; `readOnly`)",
        C "no rule judges it: read the spec's diff at the place named",
        N "the public Rust API is compared on its own", Changed;
    schema_documentation: "description, summary, title, example or deprecation changed",
        N "the bytes on the wire are the same",
        N "only doc comments change", Changed, doc true;
}

/// The rules as a Markdown table, as docs/spec-changes.md prints it.
pub fn table() -> String {
    let mut out = String::from(
        "| Change | On the wire | Why | In Rust | Why | Unlike oasdiff |\n|---|---|---|---|---|---|\n",
    );
    for r in RULES {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            r.what,
            r.wire.word(),
            r.wire_why,
            r.rust.word(),
            r.rust_why,
            r.unlike_oasdiff
        ));
    }
    out
}
